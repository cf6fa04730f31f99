import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { Form, useActionData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { Button, ChoiceGroup, ErrorSummary, TextInput } from '~/components/ds/forms'
import { CsrfInput, Honeypot } from '~/components/FormSecurity'
import { summaryErrors, useGuthForm } from '~/components/forms'
import { NewAlertSchema, OpeningAlertSchema, CONSULTATION_TOPICS } from '~/modules/consultations'
import { topicLabel } from '~/modules/events'
import type { Notice } from '~/platform/notice'

type AlertActionData = { result: SubmissionResult<string[]>; notice: Notice | null } | undefined

// The checkbox group's first box carries the group's name as its id (ChoiceGroup).
const TOPICS_FIELD_ID = 'topics'

function useNotice(actionData: AlertActionData) {
  const { t } = useTranslation('consultations')
  return actionData?.notice ? t(actionData.notice.key, actionData.notice.values) : undefined
}

type EmailMeta = { id: string; name: string; key?: string; initialValue?: unknown; errors?: string[] }

/** The address to send the alert to (both forms), with its error or the form's notice. */
function EmailField({ field, notice }: { field: EmailMeta; notice?: string }) {
  const { t } = useTranslation('consultations')
  return (
    <TextInput
      type="email"
      id={field.id}
      name={field.name}
      key={field.key}
      defaultValue={typeof field.initialValue === 'string' ? field.initialValue : undefined}
      label={t('alerts.emailLabel')}
      hint={t('alerts.emailHint')}
      error={field.errors?.[0] ?? notice}
      autoComplete="email"
      spellCheck={false}
      width="fluid-two-thirds"
    />
  )
}

/** "Email me when this consultation opens", on a forthcoming consultation's page. */
export function OpeningAlertSignup() {
  const { t } = useTranslation('consultations')
  const actionData = useActionData<AlertActionData>()
  const [form, fields] = useGuthForm(OpeningAlertSchema, actionData?.result)
  const notice = useNotice(actionData)
  const errors = summaryErrors([fields.email])
  if (notice) errors.unshift({ fieldId: fields.email.id, message: notice })
  return (
    <section aria-labelledby="opening-alert" className="guth-alert-signup">
      <h2 id="opening-alert">{t('alerts.opening.heading')}</h2>
      <ErrorSummary errors={errors} />
      <p>{t('alerts.opening.body')}</p>
      <Form method="post" {...getFormProps(form)} noValidate>
        <CsrfInput />
        <Honeypot />
        <EmailField field={fields.email} notice={notice} />
        <Button type="submit">{t('alerts.opening.submit')}</Button>
      </Form>
    </section>
  )
}

/** "Email me about new consultations" on the topics ticked, on the consultations list. */
export function NewAlertSignup() {
  const { t } = useTranslation('consultations')
  const actionData = useActionData<AlertActionData>()
  const [form, fields] = useGuthForm(NewAlertSchema, actionData?.result)
  const notice = useNotice(actionData)
  const errors = summaryErrors([fields.email, { id: TOPICS_FIELD_ID, errors: fields.topics.errors }])
  if (notice) errors.unshift({ fieldId: fields.email.id, message: notice })
  const ticked = [fields.topics.initialValue ?? []].flat().filter((value): value is string => typeof value === 'string')
  return (
    <section aria-labelledby="new-alert" className="guth-alert-signup">
      <h2 id="new-alert">{t('alerts.new.heading')}</h2>
      <ErrorSummary errors={errors} />
      <p>{t('alerts.new.body')}</p>
      <Form method="post" {...getFormProps(form)} noValidate>
        <CsrfInput />
        <Honeypot />
        <ChoiceGroup
          type="checkbox"
          name={fields.topics.name}
          key={fields.topics.key}
          legend={t('alerts.new.topicsLegend')}
          hint={t('alerts.new.topicsHint')}
          error={fields.topics.errors?.[0]}
          defaultValue={ticked}
          choices={CONSULTATION_TOPICS.map((topic) => ({ value: topic, label: topicLabel(t, topic) }))}
          small
        />
        <EmailField field={fields.email} notice={notice} />
        <Button type="submit">{t('alerts.new.submit')}</Button>
      </Form>
    </section>
  )
}
