import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { LegalPage } from '~/components/LegalPage'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

export async function loader({ request }: LoaderFunctionArgs) {
  const { t, serviceName } = await translatorFor(request, 'legal')
  return { title: t('privacy.title'), serviceName }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export const handle = { i18n: ['legal'] }

export default function Privacy() {
  return <LegalPage page="privacy" />
}
