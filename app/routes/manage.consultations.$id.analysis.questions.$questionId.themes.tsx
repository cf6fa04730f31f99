import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { analysisLinks } from '~/components/AnalysisCharts'
import { AnalysisRunStatus, runIsActive } from '~/components/AnalysisRun'
import { Page } from '~/components/ds/Page'
import { LocalWords } from '~/components/EnglishOnlyNotice'
import { Button, ErrorSummary, NotificationBanner, SelectField, TextInput } from '~/components/ds/forms'
import { CsrfInput } from '~/components/FormSecurity'
import { requireUser } from '~/modules/accounts/index.server'
import { changeSuggestions, readThemesPage } from '~/modules/analysis/index.server'
import { assertCsrf } from '~/platform/csrf.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { routeMeta } from '~/platform/meta'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'

const doneKeys = ['queued', 'already', 'accept', 'rename', 'merge', 'reject']

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { t, serviceName, language } = await translatorFor(request, 'analysis')
  const page = await readThemesPage(user, params.id ?? '', params.questionId ?? '', language)
  if (!page) throw new Response('Not found', { status: 404 })
  const search = new URL(request.url).searchParams
  const done = doneKeys.find((key) => key === search.get('done')) ?? null
  const count = Number(search.get('count') ?? 0) || 0
  return { title: t('themes.title', { number: page.question.number }), serviceName, ...page, done, count }
}

export const links = analysisLinks

export const meta: MetaFunction<typeof loader> = (args) => routeMeta(args)

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  const outcome = await changeSuggestions(await requireUser(request), params.id ?? '', params.questionId ?? '', form)
  if (outcome.status === 'not_found') throw new Response('Not found', { status: 404 })
  if (outcome.status === 'invalid') return data(outcome, { status: 400 })
  return redirect(`/manage/consultations/${params.id}/analysis/questions/${params.questionId}/themes?done=${outcome.done}&count=${outcome.count ?? 0}`, 303)
}

export const handle = { i18n: ['analysis'] }

export default function Themes() {
  const { consultation, question, suggestions, done, count, run } = useLoaderData<typeof loader>()
  const outcome = useActionData<typeof action>()
  const { t } = useTranslation('analysis')
  const pending = suggestions.filter((s) => s.status === 'pending')
  const decided = suggestions.filter((s) => s.status !== 'pending')
  const errorFor = (id: string) => (outcome?.status === 'invalid' && outcome.suggestionId === id ? outcome.errors.label : undefined)
  return (
    <Page title={t('themes.title', { number: question.number })} lead={<LocalWords text={question.prompt} lang={question.promptLang} />}>
      <p>
        <Link to={`/manage/consultations/${consultation.id}/analysis/questions/${question.id}`}>{t('backToQuestion')}</Link>
      </p>
      {/* "Started" stops being news once the run below has finished. */}
      {done && (runIsActive(run) || !['queued', 'already'].includes(done)) ? <NotificationBanner title={t(`themes.done.${done}`, { n: count })} /> : null}
      {outcome?.status === 'invalid' ? (
        <ErrorSummary errors={Object.values(outcome.errors).map((message) => ({ fieldId: `label-${outcome.suggestionId}`, message }))} />
      ) : null}
      <p>{t('themes.lead')}</p>
      <AnalysisRunStatus kind="themes" run={run} href={`/manage/consultations/${consultation.id}/analysis/questions/${question.id}/themes`} />
      {runIsActive(run) ? null : (
        <Form method="post" noValidate>
          <CsrfInput />
          <input type="hidden" name="intent" value="compute" />
          <Button type="submit">{t('themes.compute')}</Button>
        </Form>
      )}
      {pending.length === 0 ? <p>{t('themes.none')}</p> : null}
      {pending.map((s) => (
        <section key={s.id} aria-labelledby={`theme-${s.id}`} className="guth-analysis-theme">
          <h2 id={`theme-${s.id}`}>{s.label}</h2>
          <p>{t('themes.size', { n: s.size })}</p>
          <h3>{t('themes.phrases')}</h3>
          <ul>
            {s.phrases.map((p) => (
              <li key={p.phrase}>{t('themes.phrase', { phrase: p.phrase, weight: p.weight })}</li>
            ))}
          </ul>
          <h3>{t('themes.examples')}</h3>
          {s.examples.map((e) => (
            <blockquote key={e.id} className="guth-analysis-quote">
              {e.text}
            </blockquote>
          ))}
          <Form method="post" noValidate>
            <CsrfInput />
            <input type="hidden" name="suggestionId" value={s.id} />
            <TextInput id={`label-${s.id}`} name="label" label={t('themes.label')} defaultValue={s.label} error={errorFor(s.id)} />
            <div className="ds_checkbox ds_checkbox--small">
              <input id={`apply-${s.id}`} name="apply" type="checkbox" value="yes" className="ds_checkbox__input" />
              <label htmlFor={`apply-${s.id}`} className="ds_checkbox__label">
                {t('themes.apply', { count: s.size })}
              </label>
            </div>
            <div className="ds_button-group">
              <Button type="submit" name="intent" value="accept">
                {t('themes.accept')}
              </Button>
              <Button type="submit" name="intent" value="rename" variant="secondary">
                {t('themes.rename')}
              </Button>
              <Button type="submit" name="intent" value="reject" variant="secondary">
                {t('themes.reject')}
              </Button>
            </div>
          </Form>
          {pending.length > 1 ? (
            <Form method="post" noValidate>
              <CsrfInput />
              <input type="hidden" name="intent" value="merge" />
              <input type="hidden" name="suggestionId" value={s.id} />
              <SelectField id={`into-${s.id}`} name="intoId" label={t('themes.mergeInto')} options={pending.filter((o) => o.id !== s.id).map((o) => ({ value: o.id, label: o.label }))} />
              <Button type="submit" variant="secondary">
                {t('themes.merge')}
              </Button>
            </Form>
          ) : null}
        </section>
      ))}
      {decided.length ? (
        <>
          <h2>{t('themes.decided')}</h2>
          <ul>
            {decided.map((s) => (
              <li key={s.id}>{t('themes.decidedItem', { label: s.label, status: t(`themes.status.${s.status}`), count: s.size })}</li>
            ))}
          </ul>
        </>
      ) : null}
    </Page>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary part="analysis" back={({ id }) => (id ? { to: `/manage/consultations/${id}/analysis`, label: 'analysis' } : undefined)} />
}
