import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Page } from '~/components/ds/Page'
import { listPublicConsultations } from '~/modules/consultations/queries.server'
import { translate } from '~/modules/consultations/questions'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

export async function loader({ request }: LoaderFunctionArgs) {
  const { language, t, serviceName } = await translatorFor(request, 'bsl')
  const open = await listPublicConsultations({ tab: 'open', pageSize: 50 })
  return {
    title: t('entry.heading'),
    serviceName,
    consultations: open.consultations.map((c) => ({ slug: c.slug, title: translate(c.title, language) })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

/** "Respond in BSL": how it works, and the consultations open now. */
export default function RespondInBslEntry() {
  const data = useLoaderData<typeof loader>()
  const { t } = useTranslation('bsl')
  const steps = t('whole.steps', { returnObjects: true }) as string[]
  return (
    <Page title={t('entry.heading')} lead={t('entry.body')}>
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
