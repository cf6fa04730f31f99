import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { analysisLinks, BarChart, SimpleTableView, SplitTableView } from '~/components/AnalysisCharts'
import { QuestionLabel } from '~/components/AnalysisReport'
import { Page } from '~/components/ds/Page'
import { requireUser } from '~/modules/accounts/index.server'
import { getDashboard } from '~/modules/analysis/index.server'
import { byWeek } from '~/modules/analysis'
import { translatorFor } from '~/platform/i18n/translate.server'
import { routeMeta } from '~/platform/meta'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { t, serviceName, language } = await translatorFor(request, 'analysis')
  const dashboard = await getDashboard(user, params.id ?? '', language)
  if (!dashboard) throw new Response('Not found', { status: 404 })
  return { title: t('dashboard.title'), serviceName, ...dashboard }
}

export const links = analysisLinks

export const meta: MetaFunction<typeof loader> = (args) => routeMeta(args)

export const handle = { i18n: ['analysis', 'bsl', 'responses'] }

export default function AnalysisDashboard() {
  const { consultation, profile, closed, open, bslAwaiting } = useLoaderData<typeof loader>()
  const { t } = useTranslation(['analysis', 'responses', 'bsl'])
  const base = `/manage/consultations/${consultation.id}/analysis`
  return (
    <Page title={t('dashboard.title')} lead={consultation.title}>
      <p>
        <Link to={`/manage/consultations/${consultation.id}`}>{t('backToConsultation')}</Link>
      </p>
      <nav aria-labelledby="analysis-tasks">
        <h2 id="analysis-tasks">{t('dashboard.tasks')}</h2>
        <ul>
          <li>
            <Link to={`${base}/report`}>{t('dashboard.report')}</Link>
          </li>
          <li>
            <Link to={`${base}/redactions`}>{t('dashboard.redactions')}</Link>
          </li>
        </ul>
      </nav>

      <h2>{t('dashboard.profile')}</h2>
      <p>{t('dashboard.total', { n: profile.total })}</p>
      <p>{t('dashboard.bslUsers', { n: profile.bslUsers })}</p>
      <p id="bsl-awaiting">
        {t('dashboard.bslAwaiting', { n: bslAwaiting })}
        {bslAwaiting ? (
          <>
            {' '}
            <Link to={`/manage/consultations/${consultation.id}/bsl-answers`}>{t('bsl:interpret.link')}</Link>
          </>
        ) : null}
      </p>
      <SimpleTableView caption={t('dashboard.byType')} table={profile.byType} labelOf={(key) => t(key === 'not_given' ? 'responses:notGiven' : `responses:respondentType.${key}`)} />
      <SimpleTableView caption={t('dashboard.byChannel')} table={profile.byChannel} labelOf={(key) => t(`responses:channel.${key}`)} />
      <figure className="guth-analysis-figure">
        {profile.overTime.length > 31 ? (
          <BarChart title={t('dashboard.overWeeks')} bars={byWeek(profile.overTime).map((w) => ({ label: t('dashboard.weekOf', { date: w.week }), value: w.n, text: String(w.n) }))} />
        ) : (
          <BarChart title={t('dashboard.overTime')} bars={profile.overTime.map((d) => ({ label: d.day, value: d.n, text: String(d.n) }))} />
        )}
        <details className="ds_details">
          <summary className="ds_details__summary">{t('dashboard.overTimeTable')}</summary>
          <div className="ds_details__text">
            <table className="ds_table ds_table--small">
              <caption className="ds_table__caption">{t('dashboard.overTime')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('table.day')}</th>
                  <th scope="col">{t('table.n')}</th>
                </tr>
              </thead>
              <tbody>
                {profile.overTime.map((d) => (
                  <tr key={d.day}>
                    <th scope="row">{d.day}</th>
                    <td>{d.n}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </figure>

      <h2 id="open-questions">{t('dashboard.openQuestions')}</h2>
      {open.length === 0 ? <p>{t('dashboard.noOpen')}</p> : null}
      <ul aria-labelledby="open-questions">
        {open.map((q) => (
          <li key={q.questionId}>
            <Link to={`${base}/questions/${q.questionId}`}>
              <QuestionLabel number={q.number} prompt={q.prompt} promptLang={q.promptLang} />
            </Link>{' '}
            {t('dashboard.answered', { n: q.answered })}
            {q.uninterpreted ? (
              <>
                {' '}
                <strong className="ds_tag ds_tag--orange">{t('uninterpreted', { n: q.uninterpreted })}</strong>
              </>
            ) : null}
          </li>
        ))}
      </ul>

      <h2>{t('dashboard.closedQuestions')}</h2>
      {closed.length === 0 ? <p>{t('dashboard.noClosed')}</p> : null}
      {closed.map((q) => (
        <section key={q.questionId} aria-labelledby={`q-${q.questionId}`}>
          <h3 id={`q-${q.questionId}`}>
            <QuestionLabel number={q.number} prompt={q.prompt} promptLang={q.promptLang} />
          </h3>
          <SplitTableView caption={t('table.closedCaption', { number: q.number })} table={q.table} />
        </section>
      ))}
    </Page>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary part="analysis" back={({ id }) => (id ? { to: `/manage/consultations/${id}`, label: 'overview' } : undefined)} />
}
