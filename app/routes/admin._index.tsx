import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { Page } from '~/components/ds/Page'
import { requireRole, requireUser, countAuditEntries, countOrganisations, countPeople } from '~/modules/accounts/index.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = requireRole(await requireUser(request), 'admin')
  const { t, serviceName } = await translatorFor(request, 'admin')
  const [people, organisations, audit] = await Promise.all([
    countPeople(admin),
    countOrganisations(admin),
    countAuditEntries(admin),
  ])
  return { title: t('dashboard.title'), serviceName, counts: { people, organisations, audit } }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

const sections = [
  { key: 'people', to: '/admin/people' },
  { key: 'organisations', to: '/admin/organisations' },
  { key: 'audit', to: '/admin/audit' },
] as const

export const handle = { i18n: ['admin'] }

export default function AdminHome() {
  const { counts } = useLoaderData<typeof loader>()
  const { t } = useTranslation('admin')
  return (
    <Page title={t('dashboard.title')} lead={t('dashboard.lead')}>
      <ul className="ds_category-list">
        {sections.map((section) => (
          <li key={section.key} className="ds_category-item">
            <h2 className="ds_category-item__title">
              <Link to={section.to} className="ds_category-item__link">
                {t(`dashboard.${section.key}.title`)}
              </Link>
            </h2>
            <p className="ds_category-item__summary">
              {t(`dashboard.${section.key}.summary`)} {t(`dashboard.${section.key}.count`, { total: counts[section.key] })}
            </p>
          </li>
        ))}
      </ul>
    </Page>
  )
}
