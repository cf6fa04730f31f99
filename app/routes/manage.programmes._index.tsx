import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { Page } from '~/components/ds/Page'
import { requireUser } from '~/modules/accounts/index.server'
import { listProgrammesToManage } from '~/modules/events/index.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

export async function loader({ request }: LoaderFunctionArgs) {
  const programmes = await listProgrammesToManage(await requireUser(request))
  const { t, serviceName } = await translatorFor(request, 'events')
  return { title: t('manageProgrammes.title'), serviceName, programmes }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export const handle = { i18n: ['events'] }

export default function ManageProgrammes() {
  const { programmes } = useLoaderData<typeof loader>()
  const { t } = useTranslation('events')
  return (
    <Page title={t('manageProgrammes.title')} lead={t('manageProgrammes.lead')}>
      <p>
        <Link to="/manage/events">{t('manage.back')}</Link>
      </p>
      <p>
        <Link className="ds_button" to="/manage/programmes/new">
          {t('manageProgrammes.new')}
        </Link>
      </p>
      {programmes.length ? (
        <table>
          <caption className="ds_h3">{t('manageProgrammes.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('manageProgrammes.columns.name')}</th>
              <th scope="col">{t('manageProgrammes.columns.page')}</th>
              <th scope="col">{t('manageProgrammes.columns.target')}</th>
            </tr>
          </thead>
          <tbody>
            {programmes.map((programme) => (
              <tr key={programme.id}>
                <td>
                  <Link to={`/manage/programmes/${programme.id}`}>{programme.name}</Link>
                </td>
                <td>
                  <Link to={`/programmes/${programme.slug}`}>/programmes/{programme.slug}</Link>
                </td>
                <td>{programme.target}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('manageProgrammes.empty')}</p>
      )}
    </Page>
  )
}
