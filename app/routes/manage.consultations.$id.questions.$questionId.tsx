import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { QuestionFields } from '~/components/AuthoringForms'
import { Page } from '~/components/ds/Page'
import { Button, ErrorSummary } from '~/components/ds/forms'
import { CsrfInput } from '~/components/FormSecurity'
import { summaryErrors, useGuthForm } from '~/components/forms'
import { requireUser } from '~/modules/accounts/index.server'
import { assertCanManage, deleteQuestion, updateQuestion, getConsultationById, listQuestions } from '~/modules/consultations/index.server'
import { optionLines, QuestionSchema, translate } from '~/modules/consultations'
import { isUuid } from '~/kernel/ids'
import { assertCsrf } from '~/platform/csrf.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

const notFound = () => new Response('Not found', { status: 404 })

async function findQuestion(id: string | undefined, questionId: string | undefined) {
  const consultation = isUuid(id) ? await getConsultationById(id) : null
  if (!consultation || !isUuid(questionId)) throw notFound()
  const questions = await listQuestions(consultation.id)
  const question = questions.find((q) => q.id === questionId)
  if (!question) throw notFound()
  const numbered = questions.filter((q) => !q.followUpOf)
  const parent = question.followUpOf ? (questions.find((q) => q.id === question.followUpOf) ?? null) : null
  const number = numbered.indexOf(parent ?? question) + 1
  return { consultation, question, parent, number, hasFollowUp: questions.some((q) => q.followUpOf === question.id) }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  assertCanManage(await requireUser(request))
  const { consultation, question, parent, number, hasFollowUp } = await findQuestion(params.id, params.questionId)
  const { t, serviceName, language } = await translatorFor(request, 'manage')
  const confirmDelete = new URL(request.url).searchParams.get('confirm') === 'delete'
  const label = parent ? t('overview.questions.followUpOf', { number }) : t('overview.questions.number', { number })
  return {
    title: confirmDelete ? t('question.deleteTitle', { label }) : t('question.editTitle', { label }),
    serviceName,
    label,
    confirmDelete,
    hasFollowUp,
    consultation: { id: consultation.id, title: translate(consultation.title, language), locked: Boolean(consultation.questionsLockedAt) },
    question: { id: question.id, prompt: translate(question.prompt, language), followUp: Boolean(parent) },
    saved: {
      kind: question.kind,
      promptEn: question.prompt.en,
      promptGd: question.prompt.gd ?? '',
      helpEn: question.help?.en ?? '',
      helpGd: question.help?.gd ?? '',
      sectionEn: question.section?.en ?? '',
      sectionGd: question.section?.gd ?? '',
      required: question.required,
      charLimit: question.charLimit ? String(question.charLimit) : '',
      options: optionLines(question.options),
    },
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  const official = await requireUser(request)
  assertCanManage(official)
  const consultationId = params.id ?? ''
  const questionId = params.questionId ?? ''
  if (form.get('intent') === 'delete') {
    const outcome = await deleteQuestion(official, consultationId, questionId)
    if (!outcome.ok && outcome.reason === 'not_found') throw notFound()
    if (!outcome.ok) return data({ result: null, locked: true }, { status: 400 })
    return redirect(`/manage/consultations/${consultationId}?done=questionDeleted#questions`, 303)
  }
  const submission = parseWithZod(form, { schema: QuestionSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), locked: false }, { status: 400 })
  const outcome = await updateQuestion(official, consultationId, questionId, submission.value)
  if (!outcome.ok) {
    if (outcome.reason === 'not_found') throw notFound()
    if (outcome.reason === 'questions_locked') return data({ result: submission.reply(), locked: true }, { status: 400 })
    return data({ result: submission.reply({ fieldErrors: outcome.fieldErrors }), locked: false }, { status: 400 })
  }
  return redirect(`/manage/consultations/${consultationId}?done=questionUpdated#questions`, 303)
}

export const handle = { i18n: ['consultations', 'events', 'manage', 'respond'] }

export default function EditQuestion() {
  const { title, label, confirmDelete, hasFollowUp, consultation, question, saved } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('manage')
  const [form, fields] = useGuthForm(QuestionSchema, actionData?.result)
  const locked = consultation.locked || actionData?.locked
  const errors = summaryErrors([fields.kind, fields.promptEn, fields.promptGd, fields.helpEn, fields.helpGd, fields.sectionEn, fields.sectionGd, fields.charLimit, fields.options])
  if (actionData?.locked) errors.unshift({ fieldId: 'locked', message: t('refusals.questions_locked') })
  const back = `/manage/consultations/${consultation.id}#questions`
  return (
    <Page title={title} lead={consultation.title}>
      <p>
        <Link to={back}>{t('nav.backToConsultation')}</Link>
      </p>
      <ErrorSummary errors={errors} />
      {locked ? (
        <div className="ds_warning-text" id="locked">
          <strong className="ds_warning-text__icon" aria-hidden="true"></strong>
          <div className="ds_warning-text__text">{t('refusals.questions_locked')}</div>
        </div>
      ) : confirmDelete ? (
        <section aria-labelledby="confirm-delete">
          <h2 id="confirm-delete">{t('question.deleteQuestion')}</h2>
          <blockquote>
            <p>{question.prompt}</p>
          </blockquote>
          <p>{hasFollowUp ? t('question.deleteWithFollowUp') : t('question.deleteExplain')}</p>
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="delete" />
            <Button type="submit">{t('question.deleteSubmit', { label })}</Button>
          </Form>
          <p>
            <Link to={back}>{t('question.deleteCancel')}</Link>
          </p>
        </section>
      ) : (
        <>
          <Form method="post" {...getFormProps(form)}>
            <CsrfInput />
            <input type="hidden" name="intent" value="save" />
            <QuestionFields fields={fields} saved={saved} followUp={question.followUp} />
            <Button type="submit">{t('question.saveSubmit')}</Button>
          </Form>
          <p>
            <Link to="?confirm=delete">{t('question.deleteLink', { label })}</Link>
          </p>
        </>
      )}
    </Page>
  )
}
