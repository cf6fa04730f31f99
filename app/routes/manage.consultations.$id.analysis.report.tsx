import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { AnalysisBlockAdder, AnalysisBlockList } from '~/components/AnalysisBuilder'
import { BodyEditor } from '~/components/BodyEditor'
import { analysisLinks } from '~/components/AnalysisCharts'
import { Page } from '~/components/ds/Page'
import { Button, ErrorSummary, NotificationBanner, TextArea } from '~/components/ds/forms'
import { CsrfInput } from '~/components/FormSecurity'
import { requireUser } from '~/modules/accounts/index.server'
import { readReportBuilder, changeReport } from '~/modules/analysis/index.server'
import type { BodyDoc } from '~/kernel/rich-text'
import { formatLondon } from '~/kernel/london-time'
import { assertCsrf } from '~/platform/csrf.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { routeMeta } from '~/platform/meta'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { t, serviceName, language } = await translatorFor(request, 'analysis')
  const builder = await readReportBuilder(user, params.id ?? '', language)
  if (!builder) throw new Response('Not found', { status: 404 })
  const done = ['saved', 'published'].find((key) => key === new URL(request.url).searchParams.get('done')) ?? null
  return { title: t('report.builderTitle'), serviceName, ...builder, publishedAt: builder.publishedAt ? formatLondon(builder.publishedAt, language) : null, done }
}

export const links = analysisLinks

export const meta: MetaFunction<typeof loader> = (args) => routeMeta(args)

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  const outcome = await changeReport(await requireUser(request), params.id ?? '', form)
  if (outcome.status === 'not_found') throw new Response('Not found', { status: 404 })
  if (outcome.status === 'invalid' || outcome.status === 'blocked') return data(outcome, { status: 400 })
  const intent = String(form.get('intent') ?? '')
  const anchor = intent.startsWith('add:') ? `#section-${intent.split(':')[1]}` : ''
  return redirect(`/manage/consultations/${params.id}/analysis/report?done=${outcome.status}${anchor}`, 303)
}

export const handle = { i18n: ['analysis'] }

export default function ReportBuilder() {
  const { consultation, status, publishedAt, changedSincePublished, summary, sections, closedQuestions, codedQuestions, done } = useLoaderData<typeof loader>()
  const outcome = useActionData<typeof action>()
  const { t } = useTranslation('analysis')
  const errors = outcome?.status === 'invalid' ? outcome.errors : {}
  const base = `/manage/consultations/${consultation.id}/analysis`
  return (
    <Page title={t('report.builderTitle')} lead={consultation.title}>
      <p>
        <Link to={base}>{t('backToDashboard')}</Link>
      </p>
      {done ? <NotificationBanner title={t(`report.done.${done}`)} /> : null}
      {outcome?.status === 'blocked' ? (
        <div className="ds_error-summary" role="alert" aria-labelledby="publish-blocked" tabIndex={-1}>
          <h2 className="ds_error-summary__title" id="publish-blocked">
            {t('report.blockedTitle')}
          </h2>
          <ul className="ds_error-summary__list">
            {outcome.problems.map((problem, i) => (
              <li key={i}>
                {problem.blockId ? <a href={`#block-${problem.blockId}`}>{t(`report.problems.${problem.key}`, { section: t(`sections.${problem.section}`) })}</a> : t(`report.problems.${problem.key}`)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ErrorSummary errors={Object.entries(errors).map(([field, message]) => ({ fieldId: field.replace(/^section-/, 'prose-'), message }))} />
      <p>
        {status === 'published' ? t('report.statusPublished', { date: publishedAt }) : t('report.statusDraft')}
        {changedSincePublished ? ` ${t('report.changedSincePublished')}` : ''}
      </p>
      <ul>
        <li>
          <Link to={`${base}/report/preview`}>{t('report.previewLink')}</Link>
        </li>
        {status === 'published' ? (
          <li>
            <Link to={`/analysis/${consultation.slug}`}>{t('report.publicLink')}</Link>
          </li>
        ) : null}
      </ul>
      <p className="ds_hint-text">{t('report.builderHint')}</p>
      <Form method="post" noValidate>
        <CsrfInput />
        {/* Enter in a field saves, rather than pressing the first block's "Remove". */}
        <button type="submit" name="intent" value="save" hidden tabIndex={-1} />
        {sections.map((section) => (
          <section key={section.key} aria-labelledby={`section-${section.key}`} className="guth-analysis-builder-section">
            <h2 id={`section-${section.key}`}>{t(`sections.${section.key}`)}</h2>
            <BodyEditor
              name={`section-${section.key}`}
              id={`prose-${section.key}`}
              label={t('report.prose', { section: t(`sections.${section.key}`) })}
              defaultDoc={(section.body as BodyDoc | null) ?? undefined}
              formatHelp={t('report.formatHelp')}
              error={errors[`section-${section.key}`] ? t(errors[`section-${section.key}`]!) : undefined}
            />
            <AnalysisBlockList blocks={section.blocks} />
            <AnalysisBlockAdder section={section.key} closedQuestions={closedQuestions} codedQuestions={codedQuestions} errors={errors} />
          </section>
        ))}
        <h2 id="summary">{t('report.summaryHeading')}</h2>
        <p>{t('report.summaryLead')}</p>
        <TextArea id="youSaid" name="youSaid" label={t('report.youSaid')} defaultValue={summary.youSaid} error={errors.youSaid} rows={4} />
        <TextArea id="weDid" name="weDid" label={t('report.weDid')} defaultValue={summary.weDid} error={errors.weDid} rows={4} />
        <div className="ds_button-group">
          <Button type="submit" name="intent" value="save">
            {t('report.save')}
          </Button>
          <Button type="submit" name="intent" value="publish" variant="secondary">
            {status === 'published' ? t('report.republish') : t('report.publish')}
          </Button>
        </div>
      </Form>
    </Page>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary part="analysis" back={({ id }) => (id ? { to: `/manage/consultations/${id}/analysis`, label: 'analysis' } : undefined)} />
}
