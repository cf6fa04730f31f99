import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { AnalysisReportView } from '~/components/AnalysisReport'
import { CommentsSection } from '~/components/CommentsSection'
import { inLanguage } from '~/components/ConsultationCard'
import { analysisLinks } from '~/components/AnalysisCharts'
import { Page } from '~/components/ds/Page'
import { EnglishOnlyNotice, LocalWords } from '~/components/EnglishOnlyNotice'
import { loadReportComments, getPublishedReport } from '~/modules/analysis/index.server'
import { formatLondon } from '~/kernel/london-time'
import { translatorFor } from '~/platform/i18n/translate.server'
import { routeMeta } from '~/platform/meta'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'

export const links: LinksFunction = analysisLinks

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { t, serviceName, language } = await translatorFor(request, 'analysis')
  const published = await getPublishedReport(params.slug ?? '', language)
  if (!published) throw new Response('Not found', { status: 404 })
  return {
    title: t('public.title'),
    serviceName,
    slug: published.consultation.slug,
    consultationTitle: inLanguage(published.consultation.title, language),
    // Officials write the report's prose and summary in English only.
    proseLang: language === 'en' ? undefined : ('en' as const),
    publishedAt: formatLondon(published.publishedAt, language),
    report: published.report,
    comments: await loadReportComments(request, published.id),
  }
}

export const meta: MetaFunction<typeof loader> = (args) => routeMeta(args)

export const handle = { i18n: ['analysis', 'comments', 'consultations', 'responses'] }

export default function PublishedAnalysis() {
  const { slug, consultationTitle, proseLang, publishedAt, report, comments } = useLoaderData<typeof loader>()
  const { t } = useTranslation('analysis')
  return (
    <Page title={t('public.title')} lead={<LocalWords {...consultationTitle} />}>
      <p>{t('public.published', { date: publishedAt })}</p>
      <ul className="guth-analysis-noprint">
        <li>
          <Link to={`/consultations/${slug}`}>{t('public.consultationLink')}</Link>
        </li>
        <li>
          <Link to={`/analysis/${slug}/responses`}>{t('public.responsesLink')}</Link>
        </li>
      </ul>
      {report.summary.youSaid || report.summary.weDid ? (
        <section aria-labelledby="we-asked" className="ds_inset-text">
          <div className="ds_inset-text__text">
            <h2 id="we-asked">{t('summary.heading')}</h2>
            {proseLang ? <EnglishOnlyNotice /> : null}
            <p>
              <strong>{t('summary.youSaid')}</strong>{' '}
              {report.summary.youSaid ? <span lang={proseLang}>{report.summary.youSaid}</span> : t('summary.total', { count: report.total })}
            </p>
            {report.summary.weDid ? (
              <p>
                <strong>{t('summary.weDid')}</strong> <span lang={proseLang}>{report.summary.weDid}</span>
              </p>
            ) : null}
          </div>
        </section>
      ) : null}
      <AnalysisReportView report={report} csv={(tableId) => `/analysis/${slug}/tables/${tableId}.csv`} proseLang={proseLang} />
      <div className="guth-analysis-noprint">
        <CommentsSection data={comments} heading={t('public.comments')} />
      </div>
    </Page>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary part="publishedAnalysis" back={({ slug }) => (slug ? { to: `/consultations/${slug}`, label: 'consultation' } : undefined)} />
}
