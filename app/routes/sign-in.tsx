import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useTranslation } from 'react-i18next'
import { Page } from '~/components/ds/Page'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

export async function loader({ request }: LoaderFunctionArgs) {
  const { t, serviceName } = await translatorFor(request)
  return { title: t('signIn.title'), serviceName }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export default function SignIn() {
  const { t } = useTranslation()
  return (
    <Page title={t('signIn.title')} lead={t('signIn.lead')}>
      <p>{t('signIn.body')}</p>
    </Page>
  )
}
