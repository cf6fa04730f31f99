import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { BslVersion } from '~/components/BslVersion'
import { Page } from '~/components/ds/Page'
import { listPublicConsultations } from '~/modules/consultations/index.server'
import { translate } from '~/modules/consultations'
import type { Translated } from '~/kernel/translated'
import { bslVersionsOf } from '~/modules/media/index.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { routeMeta } from '~/platform/meta'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'

export async function loader({ request }: LoaderFunctionArgs) {
  const { language, t, serviceName } = await translatorFor(request, 'bsl')
  const open = await listPublicConsultations({ tab: 'open', pageSize: 50 })
  return {
    title: t('entry.heading'),
    serviceName,
    language,
    showcase: await firstInBsl(open.consultations, language),
    consultations: open.consultations.map((c) => ({ slug: c.slug, title: translate(c.title, language) })),
  }
}

// The page explains itself in BSL through the first open consultation (closing soonest) that has one.
async function firstInBsl(open: { id: string; title: Translated }[], language: string) {
  for (const consultation of open) {
    const version = (await bslVersionsOf(consultation.id)).get('consultation')
    if (version?.status === 'ready') {
      return { title: translate(consultation.title, language), video: { id: version.id, hasCaptions: version.hasCaptions, transcript: version.transcript } }
    }
  }
  return null
}

export const meta: MetaFunction<typeof loader> = (args) => routeMeta(args)

/** "Respond in BSL": how it works, and the consultations open now. */
export const handle = { i18n: ['bsl'] }

export default function RespondInBslEntry() {
  const data = useLoaderData<typeof loader>()
  const { t } = useTranslation('bsl')
  const steps = t('whole.steps', { returnObjects: true }) as string[]
  return (
    <Page title={t('entry.heading')} lead={t('entry.body')}>
      {data.showcase ? (
        <BslVersion
          id="watch-in-bsl"
          heading={t('entry.watchHeading', { title: data.showcase.title })}
          lead={t('entry.watchLead')}
          video={data.showcase.video}
          label={t('entry.watchHeading', { title: data.showcase.title })}
          language={data.language}
        />
      ) : null}
      <h2>{t('whole.howItWorks')}</h2>
      <ol>
        {steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <h2>{t('entry.open')}</h2>
      {data.consultations.length === 0 ? <p>{t('entry.none')}</p> : null}
      <ul>
        {data.consultations.map((c) => (
          <li key={c.slug}>
            <Link to={`/consultations/${c.slug}/respond/bsl`}>{t('entry.respondTo', { title: c.title })}</Link>
          </li>
        ))}
      </ul>
    </Page>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary part="bsl" />
}
