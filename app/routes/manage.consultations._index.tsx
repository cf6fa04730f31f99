import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { StatusTag } from '~/components/ConsultationCard'
import { Page } from '~/components/ds/Page'
import { requireUser } from '~/modules/accounts/index.server'
import { assertCanManage, listAllConsultations } from '~/modules/consultations/index.server'
import { formatLondon } from '~/kernel/london-time'
import { translate } from '~/modules/consultations'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

export async function loader({ request }: LoaderFunctionArgs) {
  assertCanManage(await requireUser(request))
  const { t, serviceName, language } = await translatorFor(request, 'manage')
  const consultations = await listAllConsultations()
  return {
    title: t('list.title'),
    serviceName,
    consultations: consultations.map((consultation) => ({
      id: consultation.id,
      slug: consultation.slug,
      title: translate(consultation.title, language),
      status: consultation.status,
      closes: formatLondon(consultation.closesAt, language),
      responses: consultation.responseCount,
      isPublic: consultation.status !== 'draft' && consultation.status !== 'retracted',
    })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export const handle = { i18n: ['consultations', 'manage'] }

export default function ManageConsultations() {
  const { consultations } = useLoaderData<typeof loader>()
  const { t } = useTranslation('manage')
  return (
    <Page title={t('list.title')} lead={t('list.lead')}>
      <p>
        <Link className="ds_button" to="/manage/consultations/new">
          {t('list.create')}
        </Link>
      </p>
      {consultations.length === 0 ? (
        <p>{t('list.empty')}</p>
      ) : (
        <table className="ds_table" data-smallscreen="scrolling">
            <caption className="ds_table__caption">{t('list.caption', { total: consultations.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('list.columns.title')}</th>
                <th scope="col">{t('list.columns.status')}</th>
                <th scope="col">{t('list.columns.closes')}</th>
                <th scope="col">{t('list.columns.responses')}</th>
                <th scope="col">{t('list.columns.links')}</th>
              </tr>
            </thead>
            <tbody>
              {consultations.map((consultation) => (
                <tr key={consultation.id}>
                  <th scope="row">
                    <Link to={`/manage/consultations/${consultation.id}`}>{consultation.title}</Link>
                  </th>
                  <td>
                    <StatusTag status={consultation.status} />
                  </td>
                  <td>{consultation.closes}</td>
                  <td>
                    <Link to={`/manage/consultations/${consultation.id}/responses`} aria-label={t('list.responsesLink', { count: consultation.responses, title: consultation.title })}>
                      {consultation.responses}
                    </Link>
                  </td>
                  <td>
                    <ul className="guth-list-plain">
                      <li>
                        <Link to={`/manage/consultations/${consultation.id}/preview`}>
                          {t('list.preview')}
                          <span className="visually-hidden">: {consultation.title}</span>
                        </Link>
                      </li>
                      {consultation.isPublic ? (
                        <li>
                          <Link to={`/consultations/${consultation.slug}`}>
                            {t('list.publicPage')}
                            <span className="visually-hidden">: {consultation.title}</span>
                          </Link>
                        </li>
                      ) : null}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
      )}
    </Page>
  )
}
