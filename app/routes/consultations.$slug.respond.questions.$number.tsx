import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { answerFieldName, QuestionPreview } from '~/components/QuestionPreview'
import { BslAnswer } from '~/components/BslAnswer'
import { BslVersion } from '~/components/BslVersion'
import { inLanguage } from '~/components/ConsultationCard'
import { BackLink } from '~/components/ds/BackLink'
import { Button, ErrorSummary } from '~/components/ds/forms'
import { CsrfInput } from '~/components/FormSecurity'
import { NotOpen } from '~/components/RespondNotices'
import { translate, validateAnswer, respondPath } from '~/modules/consultations'
import { draftAnswers, loadRespondContext, type Step, consultationHeader, type Draft, saveAnswers } from '~/modules/consultations/index.server'
import { bslForRespondPage, videoState } from '~/modules/media/index.server'
import { assertCsrf } from '~/platform/csrf.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

// Who said they use BSL (or answered in BSL) meets each question in BSL first; saying "No" on
// the about-you page wins over an earlier BSL upload.
const prefersBsl = (draft: Draft | null) => draft?.isBslUser ?? draft?.channel === 'bsl'

function stepFor(steps: Step[], number: string | undefined) {
  const step = /^\d{1,4}$/.test(number ?? '') ? steps[Number(number) - 1] : undefined
  if (!step) throw new Response('Not found', { status: 404 })
  return step
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { language, serviceName } = await translatorFor(request, 'respond')
  const context = await loadRespondContext(request, params.slug!, { requireDraft: true })
  const step = stepFor(context.steps, params.number)
  const given = await draftAnswers(context.draft)
  const questions = [step.question, ...step.followUps]
  const bsl = await bslForRespondPage(request, context.consultation.id, context.draft?.id ?? null)
  const version = bsl.versionOf(step.question.id)
  return {
    ...consultationHeader(context.consultation, context.status, language),
    bsl: { version, first: prefersBsl(context.draft), video: videoState(bsl.answerOf(step.question.id)), limits: bsl.limits, error: bsl.error },
    title: translate(step.question.prompt, language),
    serviceName,
    language,
    number: step.number,
    total: context.steps.length,
    back: respondPath(params.slug!, step.number > 1 ? `questions/${step.number - 1}` : 'about-you'),
    section: step.question.section && translate(step.question.section, language) ? inLanguage(step.question.section, language) : null,
    questions,
    values: Object.fromEntries(questions.map((q) => [q.id, given.get(q.id) ?? null])),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  const context = await loadRespondContext(request, params.slug!, { requireDraft: true })
  if (context.status !== 'open' || !context.draft) return redirect(respondPath(params.slug!), 303)
  const step = stepFor(context.steps, params.number)
  const questions = [step.question, ...step.followUps]
  // A question answered in BSL (or by one video for the whole response) needs no words as well.
  const bsl = await bslForRespondPage(request, context.consultation.id, context.draft.id)
  const inBsl = (id: string) => Boolean(bsl.whole ?? bsl.answerOf(id))
  const results = questions.map((question) => {
    const name = answerFieldName(question)
    const asked = { ...question, required: question.required && !inBsl(question.id) }
    return { question, result: validateAnswer(asked, { text: form.get(name), choices: form.getAll(name) }) }
  })
  const errors = Object.fromEntries(
    results.flatMap(({ question, result }) => (result.ok ? [] : [[question.id, { key: result.error, limit: 'limit' in result ? result.limit : undefined }]])),
  )
  if (Object.keys(errors).length) {
    const entered = Object.fromEntries(
      questions.map((q) => [q.id, { text: (form.get(answerFieldName(q)) as string | null) ?? null, choices: form.getAll(answerFieldName(q)).map(String) }]),
    )
    return data({ errors, entered }, { status: 400 })
  }
  await saveAnswers(
    context.draft,
    results.flatMap(({ question, result }) => (result.ok ? [{ questionId: question.id, answer: result.answer }] : [])),
  )
  const intent = form.get('intent')
  const next = intent === 'later' ? 'save' : step.number < context.steps.length ? `questions/${step.number + 1}` : 'check'
  return redirect(respondPath(params.slug!, next), 303)
}

export const handle = { i18n: ['bsl', 'consultations', 'manage', 'respond'] }

export default function AnswerQuestion() {
  const loaderData = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('respond')
  if (loaderData.status !== 'open') return <NotOpen status={loaderData.status} date={loaderData.closes} title={loaderData.consultationTitle} />
  const errorText = (questionId: string) => {
    const error = actionData?.errors[questionId]
    return error ? t(error.key, { count: error.limit }) : undefined
  }
  const summary = loaderData.questions
    .filter((q) => actionData?.errors[q.id])
    .map((q) => ({ fieldId: answerFieldName(q), message: errorText(q.id)! }))
  const [question, ...followUps] = loaderData.questions
  const { version } = loaderData.bsl
  const values = Object.fromEntries(loaderData.questions.map((q) => [q.id, actionData?.entered[q.id] ?? loaderData.values[q.id] ?? undefined]))
  const errors = Object.fromEntries(loaderData.questions.map((q) => [q.id, errorText(q.id)]))
  const watch = version ? (
    <BslVersion
      id="watch-in-bsl"
      heading={t('bsl:watch.questionHeading')}
      video={version}
      label={t('bsl:watch.question', { number: loaderData.number })}
      language={loaderData.language}
    />
  ) : null
  return (
    <div className="ds_layout ds_layout--question-page">
      <div className="ds_layout__content">
        <BackLink to={loaderData.back} />
        <ErrorSummary errors={summary} />
        <p className="ds_page-header__label ds_content-label">
          {t('question.caption', { number: loaderData.number, total: loaderData.total })}
          {loaderData.section ? (
            <>
              {' · '}
              <span lang={loaderData.section.lang}>{loaderData.section.text}</span>
            </>
          ) : null}
        </p>
        {loaderData.bsl.first ? watch : null}
        <Form method="post" noValidate>
          <CsrfInput />
          <QuestionPreview question={question!} language={loaderData.language} mode="answer" values={values} errors={errors} asPageHeading />
          {/* For everyone else the BSL version sits under the question, before any "please explain". */}
          {loaderData.bsl.first ? null : watch}
          {followUps.length ? (
            <QuestionPreview question={followUps[0]!} moreFollowUps={followUps.slice(1)} language={loaderData.language} mode="answer" values={values} errors={errors} />
          ) : null}
          <div className="ds_button-group">
            <Button type="submit" name="intent" value="continue">
              {t('buttons.saveContinue')}
            </Button>
            <Button type="submit" name="intent" value="later" variant="secondary">
              {t('buttons.saveLater')}
            </Button>
          </div>
        </Form>
        <BslAnswer
          slug={loaderData.slug}
          questionId={question!.id}
          back={`questions/${loaderData.number}`}
          video={loaderData.bsl.video}
          maxBytes={loaderData.bsl.limits.maxBytes}
          maxMinutes={loaderData.bsl.limits.maxMinutes}
          error={loaderData.bsl.error}
        />
        <p>
          <Link to={respondPath(loaderData.slug, 'contents')}>{t('contents.title')}</Link>
        </p>
      </div>
    </div>
  )
}
