import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { AnalysisReportView } from '~/components/AnalysisReport'
import { analysisLinks } from '~/components/AnalysisCharts'
import { Page } from '~/components/ds/Page'
import { requireUser } from '~/modules/accounts/index.server'
import { previewReport } from '~/modules/analysis/index.server'
import { translate } from '~/modules/consultations'
import { translatorFor } from '~/platform/i18n/translate.server'
import { routeMeta } from '~/platform/meta'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { t, serviceName, language } = await translatorFor(request, 'analysis')
  const preview = await previewReport(user, params.id ?? '', language)
  if (!preview) throw new Response('Not found', { status: 404 })
  return {
    title: t('report.previewTitle'),
    serviceName,
    consultation: { id: preview.consultation.id, title: translate(preview.consultation.title, language) },
    report: preview.report,
    problems: preview.problems,
    proseLang: language === 'en' ? undefined : ('en' as const),
  }
}

export const links = analysisLinks

export const meta: MetaFunction<typeof loader> = (args) => routeMeta(args)

export const handle = { i18n: ['analysis', 'responses'] }

export default function ReportPreview() {
  const { consultation, report, problems, proseLang } = useLoaderData<typeof loader>()
  const { t } = useTranslation('analysis')
  return (
    <Page title={t('report.previewTitle')} lead={consultation.title}>
      <p>
        <Link to={`/manage/consultations/${consultation.id}/analysis/report`}>{t('report.backToBuilder')}</Link>
      </p>
      <div className="ds_inset-text">
        <p className="ds_inset-text__text">{t('report.previewNote')}</p>
      </div>
      {problems.length ? (
        <div className="ds_notification ds_notification--warning">
          <div className="ds_notification__text">
            <h2>{t('report.blockedTitle')}</h2>
            <ul>
              {problems.map((problem, i) => (
                <li key={i}>{t(`report.problems.${problem.key}`, { section: problem.section ? t(`sections.${problem.section}`) : '' })}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      <AnalysisReportView report={report} proseLang={proseLang} />
    </Page>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary part="analysis" back={({ id }) => (id ? { to: `/manage/consultations/${id}/analysis`, label: 'analysis' } : undefined)} />
}
