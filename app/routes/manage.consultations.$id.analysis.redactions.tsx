import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { Page } from '~/components/ds/Page'
import { requireUser } from '~/modules/accounts/index.server'
import { readRedactionsPage } from '~/modules/analysis/index.server'
import { formatLondon } from '~/kernel/london-time'
import { translatorFor } from '~/platform/i18n/translate.server'
import { routeMeta } from '~/platform/meta'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { t, serviceName, language } = await translatorFor(request, 'analysis')
  const page = await readRedactionsPage(user, params.id ?? '', language)
  if (!page) throw new Response('Not found', { status: 404 })
  return { title: t('redactions.title'), serviceName, ...page, redactions: page.redactions.map((r) => ({ ...r, created_at: formatLondon(r.created_at, language) })) }
}

export const meta: MetaFunction<typeof loader> = (args) => routeMeta(args)

export const handle = { i18n: ['analysis'] }

export default function Redactions() {
  const { consultation, redactions } = useLoaderData<typeof loader>()
  const { t } = useTranslation('analysis')
  const base = `/manage/consultations/${consultation.id}/analysis`
  return (
    <Page title={t('redactions.title')} lead={consultation.title}>
      <p>
        <Link to={base}>{t('backToDashboard')}</Link>
      </p>
      <p>{t('redactions.lead')}</p>
      {redactions.length === 0 ? (
        <p>{t('redactions.none')}</p>
      ) : (
        <table className="ds_table ds_table--small">
          <caption className="ds_table__caption">{t('redactions.caption', { n: redactions.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('redactions.response')}</th>
              <th scope="col">{t('redactions.passage')}</th>
              <th scope="col">{t('redactions.reason')}</th>
              <th scope="col">{t('redactions.by')}</th>
            </tr>
          </thead>
          <tbody>
            {redactions.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link to={`${base}/questions/${r.question_id}/answers/${r.answer_id}`}>{r.reference}</Link>
                </th>
                <td>{r.passage}</td>
                <td>{r.reason}</td>
                <td>
                  {r.by ?? '—'}, {r.created_at}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary part="analysis" back={({ id }) => (id ? { to: `/manage/consultations/${id}/analysis`, label: 'analysis' } : undefined)} />
}
