import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { analysisLinks } from '~/components/AnalysisCharts'
import { QuestionLabel } from '~/components/AnalysisReport'
import { inLanguage } from '~/components/ConsultationCard'
import { Page } from '~/components/ds/Page'
import { LocalWords } from '~/components/EnglishOnlyNotice'
import { Pagination } from '~/components/ds/Pagination'
import { pageFrom } from '~/modules/accounts'
import { listPublishedResponses } from '~/modules/analysis/index.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { routeMeta } from '~/platform/meta'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'

export const links: LinksFunction = analysisLinks

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { t, serviceName, language } = await translatorFor(request, 'analysis')
  const list = await listPublishedResponses(params.slug ?? '', language, pageFrom(new URL(request.url).searchParams))
  if (!list) throw new Response('Not found', { status: 404 })
  return { title: t('published.title'), serviceName, slug: list.consultation.slug, consultationTitle: inLanguage(list.consultation.title, language), ...list, consultation: undefined }
}

export const meta: MetaFunction<typeof loader> = (args) => routeMeta(args)

export const handle = { i18n: ['admin', 'analysis', 'consultations', 'responses'] }

export default function PublishedResponses() {
  const { slug, consultationTitle, responses, total, page, pageCount } = useLoaderData<typeof loader>()
  const { t } = useTranslation('analysis')
  return (
    <Page title={t('published.title')} lead={<LocalWords {...consultationTitle} />}>
      <p>
        <Link to={`/analysis/${slug}`}>{t('published.back')}</Link>
      </p>
      <p>{t('published.lead', { n: total })}</p>
      {responses.map((response, i) => (
        <section key={response.id} aria-labelledby={`response-${response.id}`}>
          <h2 id={`response-${response.id}`}>
            {t('published.response', { number: (page - 1) * 20 + i + 1 })}: {response.attribution.name ?? t(`report.anonymous.${response.attribution.kind}`)}
          </h2>
          <dl>
            {response.answers.map((answer) => (
              <div key={answer.number}>
                <dt>
                  <strong>
                    <QuestionLabel number={answer.number} prompt={answer.prompt} promptLang={answer.promptLang} />
                  </strong>
                </dt>
                <dd className="guth-analysis-quote">
                  {answer.interpreted ? <span className="visually-hidden">{t('published.interpreted')} </span> : null}
                  <LocalWords text={answer.words} lang={answer.wordsLang} />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <Pagination path={`/analysis/${slug}/responses`} page={page} pageCount={pageCount} query={{}} />
    </Page>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary part="publishedAnalysis" back={({ slug }) => (slug ? { to: `/analysis/${slug}`, label: 'publishedAnalysis' } : undefined)} />
}
