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
import { addQuestion, assertCanManage, getConsultationById, listQuestions } from '~/modules/consultations/index.server'
import { FOLLOW_UP_PROMPT, isFollowUpParentKind, QuestionSchema, translate } from '~/modules/consultations'
import { isUuid } from '~/kernel/ids'
import { assertCsrf } from '~/platform/csrf.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

const notFound = () => new Response('Not found', { status: 404 })

async function findContext(id: string | undefined, followUpOf: string | null) {
  const consultation = isUuid(id) ? await getConsultationById(id) : null
  if (!consultation) throw notFound()
  if (!followUpOf) return { consultation, parent: null }
  const questions = await listQuestions(consultation.id)
  const parent = questions.find((q) => q.id === followUpOf)
  const fits = parent && !parent.followUpOf && isFollowUpParentKind(parent.kind) && !questions.some((q) => q.followUpOf === parent.id)
  if (!fits) throw notFound()
  return { consultation, parent }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  assertCanManage(await requireUser(request))
  const { consultation, parent } = await findContext(params.id, new URL(request.url).searchParams.get('followUpOf'))
  const { t, serviceName, language } = await translatorFor(request, 'manage')
  const title = parent ? t('question.newFollowUpTitle') : t('question.newTitle')
  return {
    title,
    serviceName,
    consultation: { id: consultation.id, title: translate(consultation.title, language), locked: Boolean(consultation.questionsLockedAt) },
    parent: parent ? { id: parent.id, prompt: translate(parent.prompt, language) } : null,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  const official = await requireUser(request)
  assertCanManage(official)
  const submission = parseWithZod(form, { schema: QuestionSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), locked: false }, { status: 400 })
  const outcome = await addQuestion(official, params.id ?? '', submission.value)
  if (!outcome.ok) {
    if (outcome.reason === 'not_found') throw notFound()
    if (outcome.reason === 'questions_locked') return data({ result: submission.reply(), locked: true }, { status: 400 })
    return data({ result: submission.reply({ fieldErrors: outcome.fieldErrors }), locked: false }, { status: 400 })
  }
  return redirect(`/manage/consultations/${params.id}?done=questionAdded#questions`, 303)
}

export const handle = { i18n: ['consultations', 'events', 'manage', 'respond'] }

export default function NewQuestion() {
  const { title, consultation, parent } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('manage')
  const [form, fields] = useGuthForm(QuestionSchema, actionData?.result)
  const locked = consultation.locked || actionData?.locked
  const errors = summaryErrors([fields.kind, fields.promptEn, fields.promptGd, fields.helpEn, fields.helpGd, fields.sectionEn, fields.sectionGd, fields.charLimit, fields.options, fields.followUpOf])
  if (actionData?.locked) errors.unshift({ fieldId: 'locked', message: t('refusals.questions_locked') })
  return (
    <Page title={title} lead={parent ? t('question.followUpLead', { prompt: parent.prompt }) : consultation.title}>
      <p>
        <Link to={`/manage/consultations/${consultation.id}#questions`}>{t('nav.backToConsultation')}</Link>
      </p>
      <ErrorSummary errors={errors} />
      {locked ? (
        <div className="ds_warning-text" id="locked">
          <strong className="ds_warning-text__icon" aria-hidden="true"></strong>
          <div className="ds_warning-text__text">{t('refusals.questions_locked')}</div>
        </div>
      ) : (
        <Form method="post" {...getFormProps(form)}>
          <CsrfInput />
          {parent ? <input type="hidden" name="followUpOf" value={parent.id} /> : null}
          <QuestionFields
            fields={fields}
            followUp={Boolean(parent)}
            saved={parent ? { kind: 'long_text', promptEn: FOLLOW_UP_PROMPT.en, promptGd: FOLLOW_UP_PROMPT.gd, required: false } : {}}
          />
          <Button type="submit">{t(parent ? 'question.addFollowUpSubmit' : 'question.addSubmit')}</Button>
        </Form>
      )}
    </Page>
  )
}
