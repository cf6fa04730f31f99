import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { BslAnswer } from '~/components/BslAnswer'
import { Page } from '~/components/ds/Page'
import { Button } from '~/components/ds/forms'
import { CsrfInput } from '~/components/FormSecurity'
import { NotOpen } from '~/components/RespondNotices'
import { VideoPlayer } from '~/components/VideoPlayer'
import { respondPath } from '~/modules/consultations'
import { loadRespondContext, consultationHeader } from '~/modules/consultations/index.server'
import { bslForRespondPage, videoState } from '~/modules/media/index.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { routeMeta } from '~/platform/meta'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { language, t, serviceName } = await translatorFor(request, 'bsl')
  const { consultation, status, draft } = await loadRespondContext(request, params.slug!)
  const bsl = await bslForRespondPage(request, consultation.id, draft?.id ?? null)
  return {
    ...consultationHeader(consultation, status, language),
    title: t('whole.title'),
    serviceName,
    language,
    hasDraft: Boolean(draft),
    intro: bsl.versionOf('consultation'),
    whole: videoState(bsl.whole),
    limits: bsl.limits,
    error: bsl.error,
  }
}

export const meta: MetaFunction<typeof loader> = (args) => routeMeta(args)

/** Responding in BSL: the steps, the official's BSL introduction, and one video for the whole response. */
export const handle = { i18n: ['bsl', 'respond'] }

export default function RespondInBsl() {
  const data = useLoaderData<typeof loader>()
  const { t } = useTranslation('bsl')
  if (data.status !== 'open') return <NotOpen status={data.status} date={data.status === 'forthcoming' ? data.opens : data.closes} title={data.consultationTitle} />
  const steps = t('whole.steps', { returnObjects: true }) as string[]
  return (
    <Page title={t('whole.title')} lead={data.consultationTitle}>
      {data.intro ? (
        <>
          <h2>{t('watch.consultation')}</h2>
          <VideoPlayer mediaId={data.intro.id} label={t('watch.consultation')} hasCaptions={data.intro.hasCaptions} transcript={data.intro.transcript} language={data.language} />
        </>
      ) : null}
      <h2>{t('whole.howItWorks')}</h2>
      <ol>
        {steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      {data.hasDraft ? (
        <>
          <BslAnswer slug={data.slug} questionId={null} back="bsl" video={data.whole} maxBytes={data.limits.maxBytes} maxMinutes={data.limits.maxMinutes} error={data.error} />
          <p>
            <Link to={respondPath(data.slug, 'contents')}>{t('whole.perQuestion')}</Link>
          </p>
        </>
      ) : (
        <Form method="post" action={`${respondPath(data.slug)}?index`}>
          <CsrfInput />
          <input type="hidden" name="bsl" value="yes" />
          <Button type="submit">{t('whole.start')}</Button>
        </Form>
      )}
    </Page>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary part="bsl" back={({ slug }) => (slug ? { to: `/consultations/${slug}/respond`, label: 'response' } : undefined)} />
}
