import { Form } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { BodyEditor, type BodyEditorLabels } from '~/components/BodyEditor'
import { CsrfInput } from '~/components/FormSecurity'
import { Button, ChoiceGroup, ErrorSummary, SelectField, TextArea, TextInput } from '~/components/ds/forms'
import type { BodyDoc } from '~/kernel/rich-text'
import { ACCESSIBILITY_FEATURES, CLOCKS, type EventField, type EventInput, MODES, REPEATS } from '~/modules/events'

type Errors = Partial<Record<EventField | 'description' | 'descriptionGd', string[]>>

const UNPREFIXED: (EventField | 'description' | 'descriptionGd')[] = ['description', 'descriptionGd', 'repeat', 'mode', 'startClock', 'endClock']

// The order of the fields on the page, which is also the error summary's order.
const ORDER: (EventField | 'description' | 'descriptionGd')[] = ['title', 'summary', 'description', 'titleGd', 'summaryGd', 'descriptionGd', 'organisation', 'programme', 'consultation', 'startDate', 'startTime', 'startClock', 'endDate', 'endTime', 'endClock', 'repeat', 'repeatCount', 'exceptions', 'mode', 'venue', 'address', 'onlineUrl', 'accessibility', 'accessibilityNotes', 'bookingRequired', 'capacity', 'tags']

/** The organiser's event form (new and edit): plain fields that work without JavaScript. */
export function EventForm({
  values,
  errors = {},
  description,
  descriptionGd = null,
  organisations,
  programmes,
  submitLabel,
}: {
  values: Partial<EventInput>
  errors?: Errors
  description: BodyDoc | null
  descriptionGd?: BodyDoc | null
  organisations: { slug: string; name: string }[]
  programmes: { slug: string; name: string }[]
  submitLabel: string
}) {
  const { t } = useTranslation('events')
  const m = (key: string) => t(`editor.${key}`, { ns: 'manage' })
  const editorLabels: Partial<BodyEditorLabels> = {
    errorPrefix: t('forms.errorPrefix', { ns: 'common' }),
    ...Object.fromEntries(['toolbar', 'bold', 'italic', 'heading2', 'heading3', 'bulletList', 'orderedList', 'link', 'linkPrompt', 'linkInvalid', 'insertTable', 'addRow', 'addColumn', 'deleteTable', 'blockWithTableNote'].map((key) => [key, m(key)])),
    tableNote: (rows) => t('editor.tableNote', { ns: 'manage', count: rows }),
  }
  const error = (field: EventField | 'description' | 'descriptionGd') => errors[field]?.[0]
  const text = (field: EventField) => ({ id: `event-${field}`, name: field, error: error(field), defaultValue: String(values[field] ?? ''), label: t(`form.${field}`) })
  // Radios and the editor are named for their field; the first radio has the field's name as its id.
  const summary = ORDER.filter((field) => errors[field]?.length).map((field) => ({ fieldId: UNPREFIXED.includes(field) ? field : `event-${field}`, message: errors[field]![0]! }))
  // Only a time in the hour the clocks go back, which happens twice, asks which one is meant.
  const clock = (field: 'startClock' | 'endClock') =>
    errors[field] || values[field] ? (
      <ChoiceGroup type="radio" name={field} legend={t(`form.${field}`)} hint={t('form.clockHint')} error={error(field)} defaultValue={values[field] ?? ''} choices={CLOCKS.map((c) => ({ value: c, label: t(`form.clocks.${c}`) }))} />
    ) : null
  const select = (field: 'organisation' | 'programme', options: { slug: string; name: string }[], optional: boolean) => (
    <SelectField
      id={`event-${field}`}
      name={field}
      label={t(`form.${field}`)}
      error={error(field)}
      defaultValue={String(values[field] ?? '')}
      options={options.map((option) => ({ value: option.slug, label: option.name }))}
      // With one organisation to choose from, it is already chosen.
      emptyLabel={optional ? t('form.none') : options.length === 1 ? undefined : t('form.choose')}
    />
  )
  return (
    <>
      <ErrorSummary errors={summary} />
      <Form method="post" noValidate>
        <CsrfInput />
        <TextInput {...text('title')} width="fluid-two-thirds" />
        <TextArea {...text('summary')} hint={t('form.summaryHint')} rows={3} />
        <BodyEditor name="description" id="description" defaultDoc={description ?? undefined} labels={editorLabels} label={t('form.description')} error={error('description')} formatHelp={t('form.descriptionHelp')} />
        {/* The Gaelic versions, typed in Gaelic (lang) so spelling checks and screen readers use it. */}
        <TextInput {...text('titleGd')} hint={t('form.gaelicHint')} lang="gd" width="fluid-two-thirds" />
        <TextArea {...text('summaryGd')} hint={t('form.summaryHint')} lang="gd" rows={3} />
        <BodyEditor name="descriptionGd" id="descriptionGd" defaultDoc={descriptionGd ?? undefined} labels={editorLabels} label={t('form.descriptionGd')} error={error('descriptionGd')} formatHelp={t('form.descriptionHelp')} />
        {select('organisation', organisations, false)}
        {select('programme', programmes, true)}
        <TextInput {...text('consultation')} hint={t('form.consultationHint')} width="fluid-two-thirds" />
        <ChoiceGroup type="checkbox" name="allDay" legend={t('form.allDayLegend')} small defaultValue={values.allDay ? 'on' : ''} choices={[{ value: 'on', label: t('form.allDay') }]} />
        <fieldset className="ds_question">
          <legend>{t('form.starts')}</legend>
          <TextInput {...text('startDate')} hint={t('form.dateHint')} width="fixed-10" autoComplete="off" />
          <TextInput {...text('startTime')} hint={t('form.timeHint')} width="fixed-5" autoComplete="off" />
          {clock('startClock')}
        </fieldset>
        <fieldset className="ds_question">
          <legend>{t('form.ends')}</legend>
          <TextInput {...text('endDate')} hint={t('form.dateHint')} width="fixed-10" autoComplete="off" />
          <TextInput {...text('endTime')} hint={t('form.timeHint')} width="fixed-5" autoComplete="off" />
          {clock('endClock')}
        </fieldset>
        <ChoiceGroup type="radio" name="repeat" legend={t('form.repeat')} error={error('repeat')} defaultValue={String(values.repeat ?? 'none')} choices={REPEATS.map((r) => ({ value: r, label: t(`form.repeats.${r}`) }))} />
        <TextInput {...text('repeatCount')} hint={t('form.repeatCountHint')} width="fixed-4" inputMode="numeric" />
        <TextArea {...text('exceptions')} hint={t('form.exceptionsHint')} rows={3} />
        <ChoiceGroup type="radio" name="mode" legend={t('form.mode')} error={error('mode')} defaultValue={String(values.mode ?? '')} choices={MODES.map((mode) => ({ value: mode, label: t(`mode.${mode}`) }))} />
        <TextInput {...text('venue')} width="fluid-two-thirds" />
        <TextArea {...text('address')} rows={3} />
        <TextInput {...text('onlineUrl')} hint={t('form.onlineUrlHint')} type="url" spellCheck={false} width="fluid-two-thirds" />
        <ChoiceGroup type="checkbox" name="accessibility" legend={t('form.accessibility')} small defaultValue={(values.accessibility as string[] | undefined) ?? []} choices={ACCESSIBILITY_FEATURES.map((f) => ({ value: f, label: t(`access.${f}`) }))} />
        <TextArea {...text('accessibilityNotes')} hint={t('form.accessibilityNotesHint')} rows={3} />
        <ChoiceGroup type="checkbox" name="bookingRequired" legend={t('form.bookingLegend')} small defaultValue={values.bookingRequired ? 'on' : ''} choices={[{ value: 'on', label: t('form.bookingRequired') }]} />
        <TextInput {...text('capacity')} width="fixed-5" inputMode="numeric" />
        <TextInput {...text('tags')} hint={t('form.tagsHint')} width="fluid-two-thirds" />
        <Button type="submit">{submitLabel}</Button>
      </Form>
    </>
  )
}
