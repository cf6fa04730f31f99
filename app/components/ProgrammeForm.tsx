import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { CsrfInput } from '~/components/FormSecurity'
import { Button, ErrorSummary, TextArea, TextInput } from '~/components/ds/forms'
import { summaryErrors, useGuthForm } from '~/components/forms'
import { type ProgrammeField, type ProgrammeInput, ProgrammeSchema } from '~/modules/events'

const ORDER: ProgrammeField[] = ['name', 'slug', 'description', 'nameGd', 'descriptionGd', 'target']

/** The moderators' programme form (new and edit): plain fields that work without JavaScript. */
export function ProgrammeForm({ lastResult, saved, submitLabel }: { lastResult: SubmissionResult<string[]> | null | undefined; saved?: ProgrammeInput; submitLabel: string }) {
  const { t } = useTranslation('events')
  const [form, fields] = useGuthForm(ProgrammeSchema, lastResult)
  // After a refused submission the form shows what was typed, even where that was nothing.
  const submitted = Boolean(lastResult?.initialValue)
  const field = (name: ProgrammeField) => {
    const typed = fields[name].initialValue
    return {
      id: fields[name].id,
      name: fields[name].name,
      defaultValue: submitted ? (typeof typed === 'string' ? typed : '') : String(saved?.[name] ?? ''),
      error: fields[name].errors?.[0],
      label: t(`programmeForm.${name}`),
    }
  }
  return (
    <>
      <ErrorSummary errors={summaryErrors(ORDER.map((name) => fields[name]))} />
      <Form method="post" {...getFormProps(form)}>
        <CsrfInput />
        <TextInput {...field('name')} key={fields.name.key} width="fluid-two-thirds" />
        <TextInput {...field('slug')} key={fields.slug.key} hint={t('programmeForm.slugHint')} spellCheck={false} autoCapitalize="none" width="fluid-half" />
        <TextArea {...field('description')} key={fields.description.key} hint={t('programmeForm.descriptionHint')} rows={4} />
        <TextInput {...field('nameGd')} key={fields.nameGd.key} hint={t('programmeForm.gaelicHint')} lang="gd" width="fluid-two-thirds" />
        <TextArea {...field('descriptionGd')} key={fields.descriptionGd.key} lang="gd" rows={4} />
        <TextInput {...field('target')} key={fields.target.key} hint={t('programmeForm.targetHint')} inputMode="numeric" width="fixed-4" />
        <Button type="submit">{submitLabel}</Button>
      </Form>
    </>
  )
}
