import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { DetailsFields, detailsErrors } from '~/components/AuthoringForms'
import { Page } from '~/components/ds/Page'
import { Button, ErrorSummary } from '~/components/ds/forms'
import { CsrfInput } from '~/components/FormSecurity'
import { summaryErrors, useGuthForm } from '~/components/forms'
import { requireUser } from '~/modules/accounts/index.server'
import { assertCanManage, createConsultation, readConsultationBody } from '~/modules/consultations/index.server'
import { ConsultationDetailsSchema } from '~/modules/consultations'
import { assertCsrf } from '~/platform/csrf.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

export async function loader({ request }: LoaderFunctionArgs) {
  assertCanManage(await requireUser(request))
  const { t, serviceName } = await translatorFor(request, 'manage')
  return { title: t('create.title'), serviceName }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  const official = await requireUser(request)
  assertCanManage(official)
  const submission = parseWithZod(form, { schema: ConsultationDetailsSchema })
  const body = readConsultationBody(form, null)
  const keptBody = body.ok ? body.doc : null
  if (submission.status !== 'success' || !body.ok) {
    return data({ result: submission.reply({ fieldErrors: body.ok ? {} : { body: [body.error] } }), body: keptBody }, { status: 400 })
  }
  const outcome = await createConsultation(official, { ...submission.value, body: body.doc })
  if (!outcome.ok) return data({ result: submission.reply({ fieldErrors: outcome.fieldErrors }), body: keptBody }, { status: 400 })
  return redirect(`/manage/consultations/${outcome.id}?done=created`, 303)
}

export const handle = { i18n: ['consultations', 'events', 'manage', 'respond'] }

export default function NewConsultation() {
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('manage')
  const [form, fields] = useGuthForm(ConsultationDetailsSchema, actionData?.result)
  const errors = summaryErrors(detailsErrors(fields))
  return (
    <Page title={t('create.title')} lead={t('create.lead')}>
      <p>
        <Link to="/manage/consultations">{t('nav.backToList')}</Link>
      </p>
      <ErrorSummary errors={errors} />
      <Form method="post" {...getFormProps(form)}>
        <CsrfInput />
        <DetailsFields fields={fields} body={actionData?.body ?? null} />
        <Button type="submit">{t('create.submit')}</Button>
      </Form>
    </Page>
  )
}
