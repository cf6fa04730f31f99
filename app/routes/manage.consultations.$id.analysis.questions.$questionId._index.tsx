import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { AnswerFilterForm } from '~/components/AnalysisFilters'
import { analysisLinks, SplitTableView } from '~/components/AnalysisCharts'
import { Page } from '~/components/ds/Page'
import { LocalWords } from '~/components/EnglishOnlyNotice'
import { Pagination } from '~/components/ds/Pagination'
import { Button, ErrorSummary, NotificationBanner, SelectField, TextInput } from '~/components/ds/forms'
import { CsrfInput } from '~/components/FormSecurity'
import { requireUser } from '~/modules/accounts/index.server'
import { pageFrom } from '~/modules/accounts'
import { filterQuery, parseAnswerFilters } from '~/modules/analysis'
import { changeCodeFrame, readQuestionPage } from '~/modules/analysis/index.server'
import { assertCsrf } from '~/platform/csrf.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { routeMeta } from '~/platform/meta'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { t, serviceName, language } = await translatorFor(request, 'analysis')
  const search = new URL(request.url).searchParams
  const filters = parseAnswerFilters(search)
  const page = await readQuestionPage(user, params.id ?? '', params.questionId ?? '', filters.ok ? filters.filters : {}, pageFrom(search), language)
  if (!page) throw new Response('Not found', { status: 404 })
  const done = ['codeCreated', 'codeDeleted'].find((key) => key === search.get('done')) ?? null
  const body = { title: t('question.title', { number: page.question.number }), serviceName, ...page, query: filters.query, errors: filters.ok ? {} : filters.errors, done }
  return filters.ok ? body : data({ ...body, answers: [] }, { status: 400 })
}

export const links = analysisLinks

export const meta: MetaFunction<typeof loader> = (args) => routeMeta(args)

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  const user = await requireUser(request)
  const outcome = await changeCodeFrame(user, params.id ?? '', params.questionId ?? '', form)
  if (outcome.status === 'not_found') throw new Response('Not found', { status: 404 })
  if (outcome.status === 'done') return redirect(`/manage/consultations/${params.id}/analysis/questions/${params.questionId}?done=${outcome.done}#coding-frame`, 303)
  return data(outcome, { status: 400 })
}

export const handle = { i18n: ['admin', 'analysis', 'responses'] }

export default function QuestionAnswers() {
  const { consultation, question, answers, total, uninterpreted, reviewed, page, pageCount, codes, frequencies, query, errors, done } = useLoaderData<typeof loader>()
  const outcome = useActionData<typeof action>()
  const { t } = useTranslation(['analysis', 'responses'])
  const base = `/manage/consultations/${consultation.id}/analysis/questions/${question.id}`
  const search = filterQuery(query)
  const codeLabel = new Map(codes.map((c) => [c.id, c.label]))
  const formErrors = outcome?.status === 'invalid' ? outcome.errors : {}
  return (
    <Page title={t('question.title', { number: question.number })} lead={<LocalWords text={question.prompt} lang={question.promptLang} />}>
      <p>
        <Link to={`/manage/consultations/${consultation.id}/analysis`}>{t('backToDashboard')}</Link>
      </p>
      {done ? <NotificationBanner title={t(`question.done.${done}`)} /> : null}
      <ErrorSummary errors={Object.entries({ ...errors, ...formErrors }).map(([name, message]) => ({ fieldId: name === 'label' ? 'code-label' : `filter-${name}`, message: message! }))} />
      {uninterpreted ? (
        <div className="ds_inset-text">
          <p className="ds_inset-text__text">
            <strong>{t('uninterpreted', { n: uninterpreted })}</strong> {t('question.uninterpretedHelp')}{' '}
            <Link to={`${base}?bsl=uninterpreted`}>{t('question.showUninterpreted')}</Link>
          </p>
        </div>
      ) : null}
      <ul>
        <li>
          <Link to={`${base}/themes`}>{t('question.themesLink')}</Link>
        </li>
        <li>
          <Link to={`${base}/campaigns`}>{t('question.campaignsLink')}</Link>
        </li>
      </ul>

      <AnswerFilterForm base={base} query={query} errors={errors} codes={codes} />

      <h2 id="answers">{t('question.answersHeading')}</h2>
      <p>{t('question.counts', { total, reviewed })}</p>
      {answers.length === 0 ? <p>{t('question.none')}</p> : null}
      <ol className="guth-analysis-answers" aria-labelledby="answers">
        {answers.map((answer) => (
          <li key={answer.id}>
            <p>
              <Link to={`${base}/answers/${answer.id}${search ? `?${search}` : ''}`}>{t('question.answerLink', { reference: answer.reference })}</Link>
              {' · '}
              {answer.respondentType ? t(`responses:respondentType.${answer.respondentType}`) : t('responses:notGiven')} · {t(`responses:channel.${answer.channel}`)}
              {answer.reviewed ? <> · {t('question.reviewed')}</> : null}
            </p>
            {answer.uninterpreted ? <p><strong className="ds_tag ds_tag--orange">{t('question.awaitingInterpretation')}</strong></p> : null}
            {answer.text ? <blockquote className="guth-analysis-quote">{answer.text}</blockquote> : null}
            {answer.interpretation ? <blockquote className="guth-analysis-quote">{t('question.interpretation', { text: answer.interpretation })}</blockquote> : null}
            {answer.codeIds.length ? <p>{t('question.codes', { codes: answer.codeIds.map((id) => codeLabel.get(id) ?? '').join(', ') })}</p> : null}
          </li>
        ))}
      </ol>
      <Pagination path={base} page={page} pageCount={pageCount} query={query} />

      <h2 id="coding-frame">{t('codes.heading')}</h2>
      {outcome?.status === 'confirm' ? (
        <div className="ds_notification ds_notification--warning" role="alert">
          <div className="ds_notification__text">
            <h3>{t('codes.confirmHeading', { label: outcome.label })}</h3>
            <p>{t('codes.confirmText', { count: outcome.applied, subCodes: t('codes.subCodes', { count: outcome.subCodes }) })}</p>
            <Form method="post" noValidate>
              <CsrfInput />
              <input type="hidden" name="intent" value="deleteCode" />
              <input type="hidden" name="codeId" value={outcome.codeId} />
              <input type="hidden" name="confirm" value="yes" />
              <Button type="submit">{t('codes.confirmDelete')}</Button>
            </Form>
          </div>
        </div>
      ) : null}
      {codes.length ? (
        <>
          <SplitTableView caption={t('codes.frequencies', { number: question.number })} table={frequencies} chart={false} />
          <ul>
            {codes.map((code) => (
              <li key={code.id}>
                <Form method="post" noValidate className="guth-inline-form">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="deleteCode" />
                  <input type="hidden" name="codeId" value={code.id} />
                  {code.depth ? '— ' : ''}
                  {code.label}{' '}
                  <Button type="submit" variant="secondary" aria-label={t('codes.deleteNamed', { label: code.label })}>
                    {t('codes.delete')}
                  </Button>
                </Form>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('codes.none')}</p>
      )}
      <Form method="post" noValidate aria-labelledby="new-code">
        <h3 id="new-code">{t('codes.newHeading')}</h3>
        <CsrfInput />
        <input type="hidden" name="intent" value="createCode" />
        <TextInput id="code-label" name="label" label={t('codes.label')} error={formErrors.label} width="fluid-two-thirds" />
        <SelectField
          id="code-parent"
          name="parentId"
          label={t('codes.parent')}
          defaultValue=""
          options={[{ value: '', label: t('codes.topLevel') }, ...codes.filter((c) => c.depth === 0).map((c) => ({ value: c.id, label: c.label }))]}
        />
        <Button type="submit">{t('codes.add')}</Button>
      </Form>
    </Page>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary part="analysis" back={({ id }) => (id ? { to: `/manage/consultations/${id}/analysis`, label: 'analysis' } : undefined)} />
}
