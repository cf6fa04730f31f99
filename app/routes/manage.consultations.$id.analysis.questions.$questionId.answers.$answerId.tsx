import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigate } from '@remix-run/react'
import { useEffect } from 'react'
import { useTranslation } from '~/platform/i18n/react'
import { analysisLinks } from '~/components/AnalysisCharts'
import { QuestionLabel } from '~/components/AnalysisReport'
import { Page } from '~/components/ds/Page'
import { Button, ErrorSummary, NotificationBanner, SelectField, TextArea, TextInput } from '~/components/ds/forms'
import { CsrfInput } from '~/components/FormSecurity'
import { requireUser } from '~/modules/accounts/index.server'
import { filterQuery, parseAnswerFilters, sectionKeys } from '~/modules/analysis'
import { changeAnswer, readAnswerPage } from '~/modules/analysis/index.server'
import { assertCsrf } from '~/platform/csrf.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { routeMeta } from '~/platform/meta'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { t, serviceName, language } = await translatorFor(request, 'analysis')
  const search = new URL(request.url).searchParams
  const filters = parseAnswerFilters(search)
  const found = await readAnswerPage(user, params.id ?? '', params.questionId ?? '', params.answerId ?? '', filters.ok ? filters.filters : {}, language)
  if (!found) throw new Response('Not found', { status: 404 })
  const done = ['saved', 'redacted', 'quoted'].find((key) => key === search.get('done')) ?? null
  return { title: t('answer.title', { reference: found.answer.reference }), serviceName, ...found, query: filterQuery(filters.query), done }
}

export const links = analysisLinks

export const meta: MetaFunction<typeof loader> = (args) => routeMeta(args)

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  const user = await requireUser(request)
  const outcome = await changeAnswer(user, params.id ?? '', params.questionId ?? '', params.answerId ?? '', form)
  if (outcome.status === 'not_found') throw new Response('Not found', { status: 404 })
  if (outcome.status === 'invalid') return data(outcome, { status: 400 })
  const query = new URL(request.url).search.slice(1)
  const base = `/manage/consultations/${params.id}/analysis/questions/${params.questionId}`
  const nextId = String(form.get('nextId') ?? '')
  if (outcome.status === 'saved' && outcome.next && nextId) return redirect(`${base}/answers/${nextId}?${query ? `${query}&` : ''}done=saved`, 303)
  if (outcome.status === 'saved' && outcome.next) return redirect(`${base}${query ? `?${query}` : ''}`, 303)
  return redirect(`${base}/answers/${params.answerId}?${query ? `${query}&` : ''}done=${outcome.status}`, 303)
}

/** Keys for quick coding: 1–9 tick codes, n/p move, s saves and moves on. Never while typing. */
function useCodingKeys(ids: { next: string | null; previous: string | null }, href: (id: string) => string) {
  const navigate = useNavigate()
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement
      if (event.ctrlKey || event.metaKey || event.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) && (target as HTMLInputElement).type !== 'checkbox') return
      const boxes = document.querySelectorAll<HTMLInputElement>('input[name="codes"]')
      if (/^[1-9]$/.test(event.key) && boxes[Number(event.key) - 1]) {
        event.preventDefault()
        boxes[Number(event.key) - 1]!.click()
      } else if (event.key === 'n' && ids.next) navigate(href(ids.next))
      else if (event.key === 'p' && ids.previous) navigate(href(ids.previous))
      else if (event.key === 's') {
        event.preventDefault()
        document.querySelector<HTMLButtonElement>('button[value="codeNext"]')?.click()
      }
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [ids.next, ids.previous, href, navigate])
}

export const handle = { i18n: ['analysis', 'responses'] }

export default function CodeAnswer() {
  const { consultation, question, answer, codes, history, nextId, previousId, redactions, query, done } = useLoaderData<typeof loader>()
  const outcome = useActionData<typeof action>()
  const { t } = useTranslation(['analysis', 'responses'])
  const base = `/manage/consultations/${consultation.id}/analysis/questions/${question.id}`
  const href = (id: string) => `${base}/answers/${id}${query ? `?${query}` : ''}`
  useCodingKeys({ next: nextId, previous: previousId }, href)
  const errors = outcome?.status === 'invalid' ? outcome.errors : {}
  const applied = new Set(answer.codeIds)
  return (
    <Page title={t('answer.title', { reference: answer.reference })} lead={<QuestionLabel number={question.number} prompt={question.prompt} promptLang={question.promptLang} />}>
      <p>
        <Link to={`${base}${query ? `?${query}` : ''}`}>{t('answer.back')}</Link>
      </p>
      {done ? <NotificationBanner title={t(`answer.done.${done}`)} /> : null}
      <ErrorSummary errors={Object.entries(errors).map(([name, message]) => ({ fieldId: name === 'section' ? 'quote-section' : `redact-${name}`, message }))} />
      <nav aria-label={t('answer.navigation')} className="ds_pagination">
        <ul className="ds_pagination__list">
          {previousId ? (
            <li className="ds_pagination__item">
              <Link className="ds_pagination__link" to={href(previousId)} rel="prev">
                {t('answer.previous')}
              </Link>
            </li>
          ) : null}
          {nextId ? (
            <li className="ds_pagination__item">
              <Link className="ds_pagination__link" to={href(nextId)} rel="next">
                {t('answer.next')}
              </Link>
            </li>
          ) : null}
        </ul>
      </nav>
      <p>
        {answer.respondentType ? t(`responses:respondentType.${answer.respondentType}`) : t('responses:notGiven')} · {t(`responses:channel.${answer.channel}`)} ·{' '}
        {answer.consent ? t(`responses:consent.${answer.consent}`) : t('responses:notGiven')}
      </p>
      {answer.uninterpreted ? <p><strong className="ds_tag ds_tag--orange">{t('question.awaitingInterpretation')}</strong></p> : null}
      {answer.text ? <blockquote className="guth-analysis-quote">{answer.text}</blockquote> : null}
      {answer.interpretation ? <blockquote className="guth-analysis-quote">{t('question.interpretation', { text: answer.interpretation })}</blockquote> : null}

      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="nextId" value={nextId ?? ''} />
        <fieldset>
          <legend className="ds_label">{t('answer.codesLegend')}</legend>
          <p className="ds_hint-text">{codes.length ? t('answer.keysHint') : t('answer.noCodes')}</p>
          <div className="ds_field-group">
            {codes.map((code, index) => (
              <div key={code.id} className="ds_checkbox ds_checkbox--small">
                <input id={`code-${code.id}`} name="codes" type="checkbox" value={code.id} defaultChecked={applied.has(code.id)} className="ds_checkbox__input" />
                <label htmlFor={`code-${code.id}`} className="ds_checkbox__label">
                  {index < 9 ? `${index + 1}. ` : ''}
                  {code.depth ? '— ' : ''}
                  {code.label}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <div className="ds_checkbox ds_checkbox--small">
          <input id="reviewed" name="reviewed" type="checkbox" value="yes" defaultChecked className="ds_checkbox__input" />
          <label htmlFor="reviewed" className="ds_checkbox__label">
            {t('answer.markReviewed')}
          </label>
        </div>
        <div className="ds_button-group">
          <Button type="submit" name="intent" value="codeNext">
            {t('answer.saveNext')}
          </Button>
          <Button type="submit" name="intent" value="code" variant="secondary">
            {t('answer.save')}
          </Button>
        </div>
      </Form>

      {history.length ? (
        <table className="ds_table ds_table--small">
          <caption className="ds_table__caption">{t('answer.history')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('answer.historyCode')}</th>
              <th scope="col">{t('answer.historyBy')}</th>
              <th scope="col">{t('answer.historyHow')}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((row) => (
              <tr key={row.code_id}>
                <th scope="row">{row.label}</th>
                <td>{row.applied_by ?? '—'}</td>
                <td>{t(`answer.source.${row.source}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <h2 id="quote">{t('quote.heading')}</h2>
      {answer.consent === 'with_name' || answer.consent === 'anonymous' ? (
        <Form method="post" noValidate aria-labelledby="quote">
          <CsrfInput />
          <input type="hidden" name="intent" value="quote" />
          <p>{t(`quote.attribution.${answer.consent}`)}</p>
          <SelectField id="quote-section" name="section" label={t('quote.section')} defaultValue="questions" options={sectionKeys.map((key) => ({ value: key, label: t(`sections.${key}`) }))} error={errors.section} />
          <Button type="submit" variant="secondary">
            {t('quote.submit')}
          </Button>
        </Form>
      ) : (
        <p>{t('quote.notAllowed')}</p>
      )}

      <h2 id="redact">{t('redact.heading')}</h2>
      <p>{t('redact.lead')}</p>
      {redactions.length ? (
        <ul>
          {redactions.map((r) => (
            <li key={r.id}>{t('redact.item', { passage: r.passage, reason: r.reason })}</li>
          ))}
        </ul>
      ) : null}
      <Form method="post" noValidate aria-labelledby="redact">
        <CsrfInput />
        <input type="hidden" name="intent" value="redact" />
        <TextInput id="redact-passage" name="passage" label={t('redact.passage')} hint={t('redact.passageHint')} error={errors.passage} />
        <TextArea id="redact-reason" name="reason" label={t('redact.reason')} error={errors.reason} rows={2} />
        <Button type="submit" variant="secondary">
          {t('redact.submit')}
        </Button>
      </Form>
    </Page>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary part="analysis" back={({ id }) => (id ? { to: `/manage/consultations/${id}/analysis`, label: 'analysis' } : undefined)} />
}
