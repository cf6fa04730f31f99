import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { BslVideoStatus } from '~/components/BslAnswer'
import { BslOfficialPage } from '~/components/BslOfficialPage'
import { Button, TextArea } from '~/components/ds/forms'
import { CsrfInput } from '~/components/FormSecurity'
import { VideoPlayer } from '~/components/VideoPlayer'
import { requireUser } from '~/modules/accounts/index.server'
import { loadBslPage, attachBslVersion, bslVersionsPage, readVideoForm } from '~/modules/media/index.server'
import { assertCsrf } from '~/platform/csrf.server'
import { routeMeta } from '~/platform/meta'
import { assertFormText, type BodyRule } from '~/platform/request-gate.server'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'

export const handle = { i18n: ['bsl'], body: { multipart: 'only', maxBytes: 'video' } satisfies BodyRule }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { page, heading } = await loadBslPage(request, params.id ?? '', 'versions.title', bslVersionsPage)
  return { ...heading, targets: page.targets }
}

export const meta: MetaFunction<typeof loader> = (args) => routeMeta(args)

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const read = await readVideoForm(request)
  if (!read.ok) return data({ target: null, error: `bsl:refusals.${read.reason}` }, { status: 413 })
  try {
    assertCsrf(request, read.form)
    assertFormText(read.form)
    const target = String(read.form.get('target') ?? '')
    const captions = read.form.get('captions')
    const captionsText = captions && typeof captions === 'object' && captions.size > 0 ? await captions.text() : null
    const transcript = read.form.get('transcript')
    const result = await attachBslVersion(user, request, params.id ?? '', {
      target,
      video: read.video && read.video.size > 0 ? read.video : null,
      captions: captionsText,
      transcript: typeof transcript === 'string' ? transcript.replace(/\r\n/g, '\n').trim() : null,
    })
    if (!result.ok) return data({ target, error: result.error }, { status: 400 })
    return redirect(`/manage/consultations/${params.id}/bsl?saved=1#target-${target}`, 303)
  } finally {
    await read.discard()
  }
}

/** Officials attach the BSL version of the consultation and of each question, with captions and a transcript. */
export default function BslVersions() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('bsl')
  const errorFor = (target: string) => (actionData?.target === target ? actionData.error : undefined)
  return (
    <BslOfficialPage
      title={t('versions.title')}
      consultation={data.consultation}
      saved={data.saved ? t('versions.saved') : null}
      errors={actionData ? [{ fieldId: `video-${actionData.target ?? 'consultation'}`, message: t(actionData.error) }] : []}
    >
      <p>{t('versions.lead')}</p>
      {data.targets.map((target) => (
        <section key={target.id} id={`target-${target.id}`} aria-labelledby={`heading-${target.id}`}>
          <h2 id={`heading-${target.id}`}>{target.label ?? t('versions.whole')}</h2>
          {target.version ? <BslVideoStatus video={target.version} audience="official" /> : <p>{t('versions.none')}</p>}
          {target.version?.status === 'ready' ? (
            <VideoPlayer mediaId={target.version.id} label={target.label ?? t('versions.whole')} hasCaptions={target.version.hasCaptions} transcript={target.version.transcript} language={data.language} />
          ) : null}
          <form method="post" encType="multipart/form-data" noValidate>
            <CsrfInput />
            <input type="hidden" name="target" value={target.id} />
            <div className={`ds_question${errorFor(target.id) ? ' ds_question--error' : ''}`}>
              <label className="ds_label" htmlFor={`video-${target.id}`}>
                {t('versions.video')}
              </label>
              {errorFor(target.id) ? <p className="ds_question__error-message">{t(errorFor(target.id)!)}</p> : null}
              <input className="ds_file-upload" type="file" id={`video-${target.id}`} name="video" accept="video/*,.mp4,.mov,.webm,.mkv,.m4v" />
            </div>
            <div className="ds_question">
              <label className="ds_label" htmlFor={`captions-${target.id}`}>
                {t('versions.captions')}
              </label>
              <p className="ds_hint-text">{t('versions.captionsHint')}</p>
              <input className="ds_file-upload" type="file" id={`captions-${target.id}`} name="captions" accept=".vtt,text/vtt" />
            </div>
            <TextArea id={`transcript-${target.id}`} name="transcript" label={t('versions.transcript')} defaultValue={target.version?.transcript ?? ''} rows={4} />
            <Button type="submit" variant="secondary">
              {t('versions.save')}
            </Button>
          </form>
        </section>
      ))}
    </BslOfficialPage>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary part="bsl" back={({ id }) => (id ? { to: `/manage/consultations/${id}`, label: 'overview' } : undefined)} />
}
