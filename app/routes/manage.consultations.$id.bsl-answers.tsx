import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { BslOfficialPage } from '~/components/BslOfficialPage'
import { Button, ChoiceGroup, TextArea } from '~/components/ds/forms'
import { CsrfInput } from '~/components/FormSecurity'
import { VideoPlayer } from '~/components/VideoPlayer'
import { requireUser } from '~/modules/accounts/index.server'
import { formatLondon } from '~/kernel/london-time'
import { loadBslPage, INTERPRETATION_LIMIT, InterpretationSchema, interpretationQueue, interpretResponse } from '~/modules/media/index.server'
import { assertCsrf } from '~/platform/csrf.server'
import { routeMeta } from '~/platform/meta'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'

const notFound = () => new Response('Not found', { status: 404 })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { page: queue, heading } = await loadBslPage(request, params.id ?? '', 'interpret.title', interpretationQueue)
  const when = (date: Date | null) => (date ? formatLondon(date, heading.language) : null)
  return {
    ...heading,
    pending: queue.pending,
    limit: INTERPRETATION_LIMIT,
    items: queue.items.map((item) => ({
      ...item,
      submittedAt: when(item.submittedAt),
      questions: item.questions.map((q) => ({ ...q, interpretedAt: when(q.interpretedAt) })),
    })),
  }
}

export const meta: MetaFunction<typeof loader> = (args) => routeMeta(args)

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  const user = await requireUser(request)
  const parsed = InterpretationSchema.safeParse({ responseId: form.get('responseId'), intent: form.get('intent') ?? undefined })
  if (!parsed.success) throw notFound()
  const entries = [...form.entries()].flatMap(([name, value]) => (typeof value === 'string' ? [[name, value] as const] : []))
  const texts = new Map(entries.flatMap(([name, value]) => (name.startsWith('i-') ? [[name.slice(2), value.replace(/\r\n/g, '\n').trim()]] : [])))
  // Options are named per response (c-<response>-<question>) so that ids stay unique on the page;
  // "asked" names the questions whose options were shown, so that none chosen clears the choice.
  const prefix = `c-${parsed.data.responseId}-`
  const choices = new Map(form.getAll('asked').flatMap((id) => (typeof id === 'string' ? [[id, [] as string[]]] : [])))
  for (const [name, value] of entries) if (name.startsWith(prefix)) choices.set(name.slice(prefix.length), [...(choices.get(name.slice(prefix.length)) ?? []), value])
  const result = await interpretResponse(user, params.id ?? '', parsed.data.responseId, texts, parsed.data.intent === 'done', choices)
  if (!result.ok && result.reason === 'not_found') throw notFound()
  if (!result.ok) {
    const values = { texts: Object.fromEntries(texts), choices: Object.fromEntries(choices) }
    const fieldErrors = result.reason === 'invalid_choice' ? Object.fromEntries(result.errors) : {}
    return data({ responseId: parsed.data.responseId, error: result.reason === 'too_long' ? 'bsl:interpret.errors.tooLong' : null, fieldErrors, values }, { status: 400 })
  }
  return redirect(`/manage/consultations/${params.id}/bsl-answers?saved=${encodeURIComponent(result.reference)}#response-${parsed.data.responseId}`, 303)
}

/** The "BSL answers" queue: watch each response's videos and type the English per question. */
export const handle = { i18n: ['bsl'] }

export default function BslAnswersQueue() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('bsl')
  // After a refused save the form shows what was sent, not what is stored.
  const failedFor = (responseId: string) => (actionData?.responseId === responseId ? actionData : null)
  return (
    <BslOfficialPage
      title={t('interpret.title')}
      consultation={data.consultation}
      saved={data.saved ? t('interpret.saved', { reference: data.saved }) : null}
      errors={
        actionData
          ? [
              ...(actionData.error ? [{ fieldId: `response-${actionData.responseId}`, message: t(actionData.error, { count: data.limit }) }] : []),
              ...Object.entries(actionData.fieldErrors).map(([questionId, message]) => ({ fieldId: `c-${actionData.responseId}-${questionId}`, message })),
            ]
          : []
      }
    >
      <p>{t('interpret.summary', { count: data.items.length, pending: data.pending })}</p>
      {data.items.length === 0 ? <p>{t('interpret.empty')}</p> : null}
      {data.items.map((item) => (
        <section key={item.id} id={`response-${item.id}`} aria-labelledby={`heading-${item.id}`} className="guth-interpret">
          <h2 id={`heading-${item.id}`}>
            {t('interpret.response', { reference: item.reference })}{' '}
            <strong className={`ds_tag ${item.done ? 'ds_tag--green' : 'ds_tag--grey'}`}>{t(item.done ? 'interpret.done' : 'interpret.toDo')}</strong>
          </h2>
          <p className="ds_hint-text">
            {t('interpret.submitted', { date: item.submittedAt })} · <Link to={`/manage/consultations/${data.consultation.id}/responses/${item.id}`}>{t('interpret.open')}</Link>
          </p>
          {item.videos
            .filter((v) => v.purpose === 'response')
            .map((video) => (
              <BslVideo key={video.id} video={video} label={t('check.wholeVideo')} language={data.language} />
            ))}
          <Form method="post" noValidate>
            <CsrfInput />
            <input type="hidden" name="responseId" value={item.id} />
            {item.questions.map((q) => (
              <div key={q.id}>
                <h3>{t('interpret.question', { number: q.number, prompt: q.prompt })}</h3>
                {q.videoId ? <BslVideo video={item.videos.find((v) => v.id === q.videoId)!} label={t('watch.answer', { number: q.number })} language={data.language} /> : null}
                {q.text ? <p className="guth-preserve-lines">{q.text}</p> : null}
                {q.options ? (
                  <>
                    <input type="hidden" name="asked" value={q.id} />
                    <ChoiceGroup
                      type={q.kind === 'multiple' ? 'checkbox' : 'radio'}
                      name={`c-${item.id}-${q.id}`}
                      legend={t('interpret.choiceLegend', { number: q.number })}
                      hint={t(q.kind === 'multiple' ? 'interpret.choicesHint' : 'interpret.choiceHint')}
                      error={failedFor(item.id)?.fieldErrors[q.id]}
                      choices={q.options}
                      defaultValue={failedFor(item.id)?.values.choices[q.id] ?? q.choices}
                      small
                    />
                  </>
                ) : null}
                <TextArea
                  id={`i-${item.id}-${q.id}`}
                  name={`i-${q.id}`}
                  label={t('interpret.label', { number: q.number })}
                  hint={q.interpretedAt ? t('interpret.by', { name: q.interpretedBy ?? t('interpret.someone'), date: q.interpretedAt }) : undefined}
                  defaultValue={failedFor(item.id)?.values.texts[q.id] ?? q.interpretation ?? ''}
                  rows={3}
                />
              </div>
            ))}
            <div className="ds_button-group">
              <Button type="submit" name="intent" value="done">
                {t('interpret.markDone')}
              </Button>
              <Button type="submit" name="intent" value="save" variant="secondary">
                {t('interpret.save')}
              </Button>
            </div>
          </Form>
        </section>
      ))}
    </BslOfficialPage>
  )
}

function BslVideo({ video, label, language }: { video: { id: string; status: string; hasCaptions: boolean }; label: string; language: string }) {
  const { t } = useTranslation('bsl')
  if (video.status !== 'ready') return <p className="ds_hint-text">{t(`status.${video.status}`)}</p>
  return <VideoPlayer mediaId={video.id} label={label} hasCaptions={video.hasCaptions} language={language} />
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary part="bsl" back={({ id }) => (id ? { to: `/manage/consultations/${id}`, label: 'overview' } : undefined)} />
}
