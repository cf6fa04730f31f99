import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { Page } from '~/components/ds/Page'
import { getPublicConsultation } from '~/modules/consultations/index.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

// Where both alert forms lead, whether or not the address was known: nothing here says which.
export async function loader({ request }: LoaderFunctionArgs) {
  const { t, serviceName } = await translatorFor(request, 'consultations')
  const slug = new URL(request.url).searchParams.get('consultation')?.slice(0, 200)
  const found = slug ? await getPublicConsultation(slug) : null
  return { title: t('alerts.checkEmail.title'), serviceName, back: found ? `/consultations/${found.consultation.slug}` : null }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data), { name: 'robots', content: 'noindex' }]

export const handle = { i18n: ['consultations'] }

export default function CheckEmail() {
  const { back } = useLoaderData<typeof loader>()
  const { t } = useTranslation('consultations')
  return (
    <Page title={t('alerts.checkEmail.title')} lead={t('alerts.checkEmail.lead')}>
      <p>{t('alerts.checkEmail.notArrived')}</p>
      <p>{back ? <Link to={back}>{t('alerts.checkEmail.back')}</Link> : <Link to="/consultations">{t('alerts.checkEmail.backToList')}</Link>}</p>
    </Page>
  )
}
