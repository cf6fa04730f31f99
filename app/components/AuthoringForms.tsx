import { useEffect, useState } from 'react'
import { useTranslation } from '~/platform/i18n/react'
import { BodyEditor, type BodyEditorLabels } from '~/components/BodyEditor'
import type { BodyDoc } from '~/kernel/rich-text'
import { hasOwnOptions, isTextKind, QUESTION_KINDS, type QuestionKind, CONSULTATION_TOPICS } from '~/modules/consultations'
import { topicLabel } from '~/modules/events'
import { ChoiceGroup, TextArea, TextInput } from './ds/forms'

/** Where the error summary sends people for a problem with the consultation paper. */
export const BODY_FIELD_ID = 'body'

/** What the forms need of a conform field. */
export interface FieldLike {
  id: string
  name: string
  key?: string
  initialValue?: unknown
  errors?: string[]
}

type Fields<K extends string> = Record<K, FieldLike>

/** Props for a text field: the submitted value after an error, otherwise the saved one. */
function textProps(field: FieldLike, saved?: string | null) {
  return {
    id: field.id,
    name: field.name,
    key: field.key,
    defaultValue: typeof field.initialValue === 'string' ? field.initialValue : (saved ?? ''),
    error: field.errors?.[0],
  }
}

type DetailsName =
  | 'titleEn'
  | 'titleGd'
  | 'summaryEn'
  | 'summaryGd'
  | 'slug'
  | 'team'
  | 'contactEmail'
  | 'postalAddress'
  | 'opensDate'
  | 'opensTime'
  | 'closesDate'
  | 'closesTime'
  | 'body'
  | 'topics'

/** The details form's fields with errors, in the order the form shows them, for the error summary. */
export function detailsErrors(fields: Fields<DetailsName>) {
  const order: DetailsName[] = ['titleEn', 'titleGd', 'summaryEn', 'summaryGd', 'slug', 'body', 'opensDate', 'opensTime', 'closesDate', 'closesTime', 'team', 'contactEmail', 'postalAddress']
  return order.map((name) => (name === 'body' ? { ...fields.body, id: BODY_FIELD_ID } : fields[name]))
}

export type DetailsDefaults = Partial<Record<Exclude<DetailsName, 'body' | 'topics'>, string | null>>

/** The consultation's details, paper and dates, for the new and the overview pages. */
export function DetailsFields({
  fields,
  saved = {},
  body,
  lockedSlug,
  savedTopics = [],
}: {
  fields: Fields<DetailsName>
  saved?: DetailsDefaults
  /** The topics people's "new consultations" alerts are matched against. */
  savedTopics?: string[]
  body: BodyDoc | null
  /** Once published, the web address stays as it is. */
  lockedSlug?: string | null
}) {
  const { t } = useTranslation('manage')
  const editorLabels: Partial<BodyEditorLabels> = {
    errorPrefix: t('forms.errorPrefix', { ns: 'common' }),
    toolbar: t('editor.toolbar'),
    bold: t('editor.bold'),
    italic: t('editor.italic'),
    heading2: t('editor.heading2'),
    heading3: t('editor.heading3'),
    bulletList: t('editor.bulletList'),
    orderedList: t('editor.orderedList'),
    link: t('editor.link'),
    linkPrompt: t('editor.linkPrompt'),
    linkInvalid: t('editor.linkInvalid'),
    insertTable: t('editor.insertTable'),
    addRow: t('editor.addRow'),
    addColumn: t('editor.addColumn'),
    deleteTable: t('editor.deleteTable'),
    tableNote: (rows) => t('editor.tableNote', { count: rows }),
    blockWithTableNote: t('editor.blockWithTableNote'),
  }
  const field = (name: Exclude<DetailsName, 'body' | 'topics'>) => {
    const { key, ...props } = textProps(fields[name], saved[name])
    return { key, props }
  }
  const when = (which: 'opens' | 'closes') => {
    const date = field(`${which}Date`)
    const time = field(`${which}Time`)
    return (
      <fieldset className="ds_question">
        <legend>{t(`details.${which}`)}</legend>
        <TextInput {...date.props} key={date.key} label={t(`details.${which}Date`)} hint={t('details.dateHint')} width="fixed-10" autoComplete="off" />
        <TextInput {...time.props} key={time.key} label={t(`details.${which}Time`)} hint={t('details.timeHint')} width="fixed-5" autoComplete="off" />
      </fieldset>
    )
  }
  const titleEn = field('titleEn')
  const titleGd = field('titleGd')
  const summaryEn = field('summaryEn')
  const summaryGd = field('summaryGd')
  const slug = field('slug')
  const team = field('team')
  const contactEmail = field('contactEmail')
  const postalAddress = field('postalAddress')
  return (
    <>
      <TextInput {...titleEn.props} key={titleEn.key} label={t('details.titleEn')} width="fluid-two-thirds" />
      <TextInput {...titleGd.props} key={titleGd.key} label={t('details.titleGd')} hint={t('details.optional')} lang="gd" width="fluid-two-thirds" />
      <TextArea {...summaryEn.props} key={summaryEn.key} label={t('details.summaryEn')} hint={t('details.summaryHint')} rows={3} />
      <TextArea {...summaryGd.props} key={summaryGd.key} label={t('details.summaryGd')} hint={t('details.optional')} lang="gd" rows={3} />
      {lockedSlug ? (
        <div className="ds_question">
          <p className="ds_label">{t('details.slug')}</p>
          <p>
            <code>/consultations/{lockedSlug}</code>
          </p>
          <p className="ds_hint-text">{t('details.slugLocked')}</p>
        </div>
      ) : (
        <TextInput {...slug.props} key={slug.key} label={t('details.slug')} hint={t('details.slugHint')} spellCheck={false} autoCapitalize="none" width="fluid-half" />
      )}
      <BodyEditor
        name="body"
        id={BODY_FIELD_ID}
        defaultDoc={body ?? undefined}
        labels={editorLabels}
        label={t('details.body')}
        hint={t('details.bodyHint')}
        formatHelp={t('details.bodyFormatHelp')}
        error={fields.body.errors?.[0] ? t(fields.body.errors[0]) : undefined}
      />
      {when('opens')}
      {when('closes')}
      <ChoiceGroup
        type="checkbox"
        name={fields.topics.name}
        key={fields.topics.key}
        legend={t('consultations:alerts.authoring.topicsLegend')}
        hint={t('consultations:alerts.authoring.topicsHint')}
        // After a refused submission, what was ticked then (nothing posted means none ticked).
        defaultValue={fields.titleEn.initialValue !== undefined ? [fields.topics.initialValue ?? []].flat().map(String) : savedTopics}
        choices={CONSULTATION_TOPICS.map((topic) => ({ value: topic, label: topicLabel(t, topic) }))}
        small
      />
      <TextInput {...team.props} key={team.key} label={t('details.team')} hint={t('details.teamHint')} width="fluid-two-thirds" />
      <TextInput {...contactEmail.props} key={contactEmail.key} type="email" label={t('details.contactEmail')} hint={t('details.contactEmailHint')} spellCheck={false} autoComplete="off" width="fluid-two-thirds" />
      <TextArea {...postalAddress.props} key={postalAddress.key} label={t('details.postalAddress')} hint={t('details.postalAddressHint')} rows={4} />
    </>
  )
}

type QuestionName = 'kind' | 'promptEn' | 'promptGd' | 'helpEn' | 'helpGd' | 'sectionEn' | 'sectionGd' | 'required' | 'charLimit' | 'options'

export interface QuestionDefaults {
  kind?: QuestionKind
  promptEn?: string
  promptGd?: string
  helpEn?: string
  helpGd?: string
  sectionEn?: string
  sectionGd?: string
  required?: boolean
  charLimit?: string
  options?: string
}

/**
 * A question's fields. Without JavaScript every field shows, each saying which kinds it is for
 * (the others are ignored); with it, only those for the chosen kind.
 */
export function QuestionFields({
  fields,
  saved = {},
  followUp,
}: {
  fields: Fields<QuestionName>
  saved?: QuestionDefaults
  /** A "Please explain your answer" follow-up: always long text, no section of its own. */
  followUp?: boolean
}) {
  const { t } = useTranslation('manage')
  const submittedKind = typeof fields.kind.initialValue === 'string' ? (fields.kind.initialValue as QuestionKind) : undefined
  const [kind, setKind] = useState<QuestionKind | undefined>(followUp ? 'long_text' : (submittedKind ?? saved.kind))
  const [enhanced, setEnhanced] = useState(false)
  useEffect(() => setEnhanced(true), [])
  const shows = (applies: (k: QuestionKind) => boolean) => !enhanced || (kind !== undefined && applies(kind))
  const text = (name: Exclude<QuestionName, 'kind' | 'required'>) => {
    const { key, ...props } = textProps(fields[name], saved[name])
    return { key, props }
  }
  const promptEn = text('promptEn')
  const promptGd = text('promptGd')
  const helpEn = text('helpEn')
  const helpGd = text('helpGd')
  const sectionEn = text('sectionEn')
  const sectionGd = text('sectionGd')
  const charLimit = text('charLimit')
  const options = text('options')
  // An unticked box sends nothing: after a refused submission, its absence means "not required".
  const submitted = fields.promptEn.initialValue !== undefined
  const required = submitted ? fields.required.initialValue === 'on' : Boolean(saved.required)
  const kindError = fields.kind.errors?.[0]
  return (
    <>
      {followUp ? null : (
        <div className={kindError ? 'ds_question ds_question--error' : 'ds_question'}>
          <fieldset aria-describedby={kindError ? `${fields.kind.id}-error` : undefined}>
            <legend>{t('question.kind')}</legend>
            {kindError ? (
              <p className="ds_question__error-message" id={`${fields.kind.id}-error`}>
                {t(kindError)}
              </p>
            ) : null}
            <div className="ds_field-group">
              {QUESTION_KINDS.map((value, index) => {
                const id = index === 0 ? fields.kind.id : `${fields.kind.id}-${value}`
                return (
                  <div className="ds_radio" key={value}>
                    <input
                      id={id}
                      name={fields.kind.name}
                      type="radio"
                      value={value}
                      className="ds_radio__input"
                      defaultChecked={(submittedKind ?? saved.kind) === value}
                      onChange={() => setKind(value)}
                      aria-describedby={`${id}-hint`}
                    />
                    <label htmlFor={id} className="ds_radio__label">
                      {t(`kinds.${value}`)}
                    </label>
                    <p className="ds_hint-text" id={`${id}-hint`}>
                      {t(`kindHints.${value}`)}
                    </p>
                  </div>
                )
              })}
            </div>
          </fieldset>
        </div>
      )}
      <TextArea {...promptEn.props} key={promptEn.key} label={t('question.promptEn')} rows={2} />
      <TextArea {...promptGd.props} key={promptGd.key} label={t('question.promptGd')} hint={t('details.optional')} lang="gd" rows={2} />
      <TextArea {...helpEn.props} key={helpEn.key} label={t('question.helpEn')} hint={t('question.helpHint')} rows={2} />
      <TextArea {...helpGd.props} key={helpGd.key} label={t('question.helpGd')} hint={t('details.optional')} lang="gd" rows={2} />
      {followUp ? null : (
        <>
          <TextInput {...sectionEn.props} key={sectionEn.key} label={t('question.sectionEn')} hint={t('question.sectionHint')} width="fluid-two-thirds" />
          <TextInput {...sectionGd.props} key={sectionGd.key} label={t('question.sectionGd')} hint={t('details.optional')} lang="gd" width="fluid-two-thirds" />
        </>
      )}
      <div className="ds_question">
        <div className="ds_checkbox">
          <input id={fields.required.id} name={fields.required.name} type="checkbox" className="ds_checkbox__input" defaultChecked={required} key={fields.required.key} />
          <label htmlFor={fields.required.id} className="ds_checkbox__label">
            {t('question.required')}
          </label>
        </div>
      </div>
      <div hidden={!shows(isTextKind)}>
        <TextInput
          {...charLimit.props}
          key={charLimit.key}
          label={t('question.charLimit')}
          hint={followUp ? t('question.charLimitFollowUpHint') : t('question.charLimitHint')}
          inputMode="numeric"
          width="fixed-5"
        />
      </div>
      {followUp ? null : (
        <div hidden={!shows(hasOwnOptions)}>
          <TextArea {...options.props} key={options.key} label={t('question.options')} hint={t('question.optionsHint')} rows={6} spellCheck />
        </div>
      )}
    </>
  )
}
