import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { useTranslation } from '~/platform/i18n/react'
import { z } from 'zod'
import { Page } from '~/components/ds/Page'
import { AnswerInput } from '~/components/AnswerInputs'
import { Button, ChoiceGroup, ErrorSummary, TextInput } from '~/components/ds/forms'
import { CsrfInput } from '~/components/FormSecurity'
import { useGuthForm } from '~/components/forms'
import { requireUser } from '~/modules/accounts/index.server'
import { AboutYouSchema, respondentInfoFrom, statusOf, type QuestionView, translate, validateAnswer } from '~/modules/consultations'
import { enterResponse, prepareResponseEntry } from '~/modules/consultations/index.server'
import { assertCsrf } from '~/platform/csrf.server'
import { dateText } from '~/platform/dates'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

const todayInLondon = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date())

// validateAnswer and the Respondent Information Form speak to respondents ("your answer",
// "contact you"); an official entering someone else's response gets messages of their own.
const answerErrors: Record<string, string> = {
  'respond:errors.answerMissing': 'responses:errors.answers.answerMissing',
  'respond:errors.answerTooLong': 'responses:errors.answers.answerTooLong',
  'respond:errors.choiceInvalid': 'responses:errors.answers.choiceInvalid',
  'respond:errors.choiceMissing': 'responses:errors.answers.choiceMissing',
  'respond:errors.choicesMissing': 'responses:errors.answers.choicesMissing',
}
const respondentErrors: Record<string, string> = {
  'respond:errors.typeMissing': 'responses:errors.respondent.typeMissing',
  'respond:errors.nameMissing': 'responses:errors.respondent.organisationNameMissing',
  'respond:errors.nameTooLong': 'responses:errors.respondent.nameTooLong',
  'respond:errors.emailInvalid': 'responses:errors.respondent.emailInvalid',
  'respond:errors.consentMissing': 'responses:errors.respondent.consentMissing',
  'respond:errors.contactMissing': 'responses:errors.respondent.contactMissing',
}

/** The whole form, checked the same way in the browser and on the server; answers are named `answers.<question id>`. */
function entrySchema(questions: QuestionView[]) {
  return z
    .object({
      idempotencyKey: z.string({ required_error: 'responses:errors.formExpired' }).uuid('responses:errors.formExpired'),
      channel: z.enum(['email', 'post', 'event'], { message: 'responses:errors.channelMissing' }),
      receivedOn: z
        .string({ required_error: 'responses:errors.receivedMissing' })
        .pipe(dateText('responses:errors.dateFormat'))
        .refine((date) => date <= todayInLondon(), 'responses:errors.receivedInFuture'),
      answers: z
        .record(z.string(), z.unknown())
        .optional()
        .superRefine((answers = {}, ctx) => {
          for (const question of questions) {
            const given = answers[question.id]
            const result = validateAnswer(question, { text: given, choices: given })
            if (!result.ok) ctx.addIssue({ code: 'custom', path: [question.id], message: answerErrors[result.error] ?? result.error })
          }
        }),
    })
    .and(AboutYouSchema)
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { t, serviceName, language } = await translatorFor(request, 'responses')
  const entry = await prepareResponseEntry(user, params.id ?? '')
  if (!entry) throw new Response('Not found', { status: 404 })
  return {
    title: t('entry.title'),
    serviceName,
    language,
    consultation: { id: entry.consultation.id, title: translate(entry.consultation.title, language) },
    accepting: !['draft', 'retracted'].includes(statusOf(entry.consultation)),
    questions: entry.questions,
    idempotencyKey: entry.idempotencyKey,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  const user = await requireUser(request)
  const entry = await prepareResponseEntry(user, params.id ?? '')
  if (!entry) throw new Response('Not found', { status: 404 })
  const submission = parseWithZod(form, { schema: entrySchema(entry.questions) })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const value = submission.value
  const outcome = await enterResponse(user, entry.consultation.id, {
    idempotencyKey: value.idempotencyKey,
    channel: value.channel,
    receivedOn: value.receivedOn,
    ...respondentInfoFrom(value),
    answers: Object.fromEntries(Object.entries(value.answers ?? {}).map(([id, given]) => [id, { text: given, choices: given }])),
  })
  if (outcome.ok) return redirect(`/manage/consultations/${outcome.consultationId}/responses/${outcome.responseId}?done=entered`, 303)
  if (outcome.reason === 'not_found') throw new Response('Not found', { status: 404 })
  if (outcome.reason === 'invalid_answers') {
    const fieldErrors = Object.fromEntries(Object.entries(outcome.errors).map(([id, { error }]) => [`answers.${id}`, [answerErrors[error] ?? error]]))
    return data({ result: submission.reply({ fieldErrors }) }, { status: 400 })
  }
  if (outcome.reason === 'bad_date') return data({ result: submission.reply({ fieldErrors: { receivedOn: ['responses:errors.receivedInFuture'] } }) }, { status: 400 })
  return data({ result: submission.reply({ formErrors: ['responses:errors.notAccepting'] }) }, { status: 400 })
}

const fixedFields = ['channel', 'receivedOn', 'respondentType', 'name', 'organisationName', 'email', 'publishConsent', 'contactConsent', 'isBslUser']

export const handle = { i18n: ['consultations', 'manage', 'respond', 'responses'] }

export default function EnterResponse() {
  const { consultation, accepting, questions, idempotencyKey, language } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('responses')
  const schema = useMemo(() => entrySchema(questions), [questions])
  const [form] = useGuthForm(schema, actionData?.result)
  const errors = form.allErrors
  const errorOf = (name: string) => {
    const error = errors[name]?.[0]
    return error ? (respondentErrors[error] ?? error) : undefined
  }
  const initial = (form.initialValue ?? {}) as Record<string, unknown> & { answers?: Record<string, unknown> }
  const text = (name: string) => (typeof initial[name] === 'string' ? (initial[name] as string) : undefined)
  const answerNames = questions.map((q) => `answers.${q.id}`)
  const summary = [...(errorOf('') ? [{ fieldId: form.id, message: errorOf('')! }] : [])]
  for (const name of [...fixedFields, ...answerNames]) if (errorOf(name)) summary.push({ fieldId: name, message: errorOf(name)! })

  const yesNo = [
    { value: 'yes', label: t('yes') },
    { value: 'no', label: t('no') },
  ]
  return (
    <Page title={t('entry.title')} lead={consultation.title}>
      <p>
        <Link to={`/manage/consultations/${consultation.id}/responses`}>{t('detail.backToList')}</Link>
      </p>
      {!accepting ? (
        <p>{t('errors.notAccepting')}</p>
      ) : (
        <>
          <p>{t('entry.lead')}</p>
          <ErrorSummary errors={summary} />
          <Form method="post" {...getFormProps(form)} aria-label={t('entry.title')}>
            <CsrfInput />
            <input type="hidden" name="idempotencyKey" value={idempotencyKey} />

            <h2>{t('entry.howHeading')}</h2>
            <ChoiceGroup
              type="radio"
              name="channel"
              legend={t('fields.channel')}
              error={errorOf('channel')}
              defaultValue={text('channel')}
              choices={(['email', 'post', 'event'] as const).map((value) => ({ value, label: t(`channel.${value}`) }))}
            />
            <TextInput
              id="receivedOn"
              name="receivedOn"
              label={t('fields.receivedOn')}
              hint={t('fields.receivedOnHint')}
              error={errorOf('receivedOn')}
              defaultValue={text('receivedOn')}
              inputMode="numeric"
              width="fixed-10"
            />

            <h2>{t('detail.respondentHeading')}</h2>
            <ChoiceGroup
              type="radio"
              name="respondentType"
              legend={t('fields.respondentType')}
              error={errorOf('respondentType')}
              defaultValue={text('respondentType')}
              choices={(['individual', 'organisation'] as const).map((value) => ({ value, label: t(`respondentType.${value}`) }))}
            />
            <TextInput id="name" name="name" label={t('fields.name')} hint={t('fields.optional')} error={errorOf('name')} defaultValue={text('name')} autoComplete="off" width="fluid-two-thirds" />
            <TextInput
              id="organisationName"
              name="organisationName"
              label={t('fields.organisationName')}
              hint={t('fields.organisationNameHint')}
              error={errorOf('organisationName')}
              defaultValue={text('organisationName')}
              autoComplete="off"
              width="fluid-two-thirds"
            />
            <TextInput
              id="email"
              name="email"
              type="email"
              label={t('fields.email')}
              hint={t('fields.optional')}
              error={errorOf('email')}
              defaultValue={text('email')}
              autoComplete="off"
              spellCheck={false}
              width="fluid-two-thirds"
            />
            <ChoiceGroup
              type="radio"
              name="publishConsent"
              legend={t('fields.publishConsent')}
              error={errorOf('publishConsent')}
              defaultValue={text('publishConsent')}
              choices={(['with_name', 'anonymous', 'not_published'] as const).map((value) => ({ value, label: t(`consent.${value}`) }))}
            />
            <ChoiceGroup type="radio" name="contactConsent" legend={t('fields.contactConsent')} error={errorOf('contactConsent')} defaultValue={text('contactConsent')} choices={yesNo} />
            <ChoiceGroup
              type="radio"
              name="isBslUser"
              legend={t('fields.isBslUser')}
              hint={t('fields.optional')}
              error={errorOf('isBslUser')}
              defaultValue={text('isBslUser')}
              choices={[...yesNo, { value: 'prefer_not', label: t('preferNotToSay') }]}
            />

            <h2>{t('detail.answersHeading')}</h2>
            {questions.length === 0 ? <p>{t('detail.noQuestions')}</p> : null}
            {questions.map((question) => {
              const name = `answers.${question.id}`
              const label = t('detail.question', { number: question.number, prompt: translate(question.prompt, language) })
              const given = initial.answers?.[question.id]
              const optional = question.required ? undefined : t('fields.optional')
              const help = [translate(question.help, language), optional].filter(Boolean).join(' ') || null
              // The same inputs as the public question page, named answers.<question id>.
              const value = { text: typeof given === 'string' ? given : null, choices: [given ?? []].flat().filter((c): c is string => typeof c === 'string') }
              return (
                <AnswerInput key={question.id} question={question} language={language} id={name} name={name} prompt={label} help={help} value={value} error={errorOf(name)} disabled={false} />
              )
            })}
            <Button type="submit">{t('entry.submit')}</Button>
          </Form>
        </>
      )}
    </Page>
  )
}
