import type { ReactNode } from 'react'
import { useTranslation } from '~/platform/i18n/react'
import { charLimitOf, optionsOf, type QuestionKind, rankingPositions, type QuestionView } from '~/modules/consultations'
import { inLanguage } from './ConsultationCard'
import { TextInput, useMessage } from './ds/forms'
import { LocalWords } from './EnglishOnlyNotice'

// The respondent's input of each question kind, drawn the same for the public question page,
// the preview and an official entering a response received by post. One entry per kind of the
// registry (modules/consultations/question-kinds.ts).

export interface AnswerValue {
  text: string | null
  choices: string[]
}

export interface AnswerInputProps {
  question: QuestionView
  language: string
  /** The first control's id (what the error summary links to) and the field's name. */
  id: string
  name: string
  prompt: ReactNode
  /** The question's help text, and anything the page adds to it. */
  help: ReactNode | null
  value?: AnswerValue
  /** A translation key or a worded message. */
  error?: string
  disabled: boolean
  asPageHeading?: boolean
}

function ErrorMessage({ id, error, language }: { id: string; error?: string; language: string }) {
  const { t } = useTranslation('manage')
  const message = useMessage()
  if (!error) return null
  return (
    <p className="ds_question__error-message" id={`${id}-error`}>
      <span className="visually-hidden">{t('forms.errorPrefix', { ns: 'common', lng: language })}: </span>
      {message(error)}
    </p>
  )
}

function ShortText({ question, language, id, name, prompt, help, value, error, disabled, asPageHeading }: AnswerInputProps) {
  const { t } = useTranslation('manage')
  return (
    <TextInput
      id={id}
      name={name}
      label={prompt}
      hint={
        <>
          {help}
          {help ? ' ' : null}
          {t('answer.charLimit', { count: charLimitOf(question), lng: language })}
        </>
      }
      error={error}
      defaultValue={value?.text ?? ''}
      labelAsHeading={asPageHeading}
      width="fluid-two-thirds"
      disabled={disabled}
    />
  )
}

function LongText({ question, language, id, name, prompt, help, value, error, disabled, asPageHeading }: AnswerInputProps) {
  const { t } = useTranslation('manage')
  const limit = charLimitOf(question)
  const describedBy = [help ? `${id}-hint` : null, `${id}-limit`, error ? `${id}-error` : null].filter(Boolean).join(' ')
  const label = (
    <label className="ds_label" htmlFor={id}>
      {prompt}
    </label>
  )
  // The design system's live count speaks only English, so Gaelic pages keep the static limit.
  const counter = language === 'en' && !disabled ? { 'data-module': 'ds-character-count', 'data-maxlength': limit } : {}
  return (
    <div className={error ? 'ds_question ds_question--error' : 'ds_question'}>
      <div {...counter}>
        {asPageHeading ? <h1 className="ds_no-margin--top">{label}</h1> : label}
        {help ? (
          <p className="ds_hint-text" id={`${id}-hint`}>
            {help}
          </p>
        ) : null}
        <p className="ds_hint-text guth-char-limit" id={`${id}-limit`}>
          {t('answer.charLimit', { count: limit, lng: language })}
        </p>
        <ErrorMessage id={id} error={error} language={language} />
        <textarea
          id={id}
          name={name}
          rows={8}
          className={error ? 'ds_input ds_input--error' : 'ds_input'}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          defaultValue={value?.text ?? ''}
          disabled={disabled}
        />
      </div>
    </div>
  )
}

/** A fieldset with the question as its legend, its help and error, around `children`. */
function QuestionFieldset({ id, language, prompt, help, error, asPageHeading, extraHint, children }: AnswerInputProps & { extraHint?: ReactNode; children: ReactNode }) {
  const describedBy = [help ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  return (
    <div className={error ? 'ds_question ds_question--error' : 'ds_question'}>
      <fieldset aria-describedby={describedBy}>
        <legend>{asPageHeading ? <h1 className="ds_no-margin--top">{prompt}</h1> : prompt}</legend>
        {help ? (
          <p className="ds_hint-text" id={`${id}-hint`}>
            {help}
          </p>
        ) : null}
        {extraHint ? <p className="ds_hint-text">{extraHint}</p> : null}
        <ErrorMessage id={id} error={error} language={language} />
        {children}
      </fieldset>
    </div>
  )
}

/** Radios (one choice) or checkboxes (`many`). */
function Choices(props: AnswerInputProps & { many?: boolean }) {
  const { t } = useTranslation('manage')
  const { question, language, id, name, value, disabled, many } = props
  const type = many ? 'checkbox' : 'radio'
  const selected = new Set(value?.choices ?? [])
  return (
    <QuestionFieldset {...props} extraHint={many ? t('answer.selectAll', { lng: language }) : null}>
      <div className="ds_field-group">
        {optionsOf(question).map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${index}`
          return (
            <div key={option.value} className={`ds_${type}`}>
              <input
                id={optionId}
                name={name}
                type={type}
                value={option.value}
                defaultChecked={selected.has(option.value)}
                className={`ds_${type}__input`}
                disabled={disabled}
              />
              <label htmlFor={optionId} className={`ds_${type}__label`}>
                <LocalWords {...inLanguage(option.label, language)} />
              </label>
            </div>
          )
        })}
      </div>
    </QuestionFieldset>
  )
}

// "1st", "2nd", "3rd", "4th": the language's ordinal rule picks the words (locales answer.rankPosition).
const ordinalOf = (language: string, n: number) => new Intl.PluralRules(language, { type: 'ordinal' }).select(n)

/**
 * A position select per option ("1st", "2nd", …), which works without JavaScript. An optional
 * question may leave options "not ranked"; a required one asks for a position for each.
 */
function Ranking(props: AnswerInputProps) {
  const { t } = useTranslation('manage')
  const { question, language, id, name, value, disabled } = props
  const options = optionsOf(question)
  // What was posted ("option:position") after a refused answer, or the stored order.
  const positions = rankingPositions(value?.choices ?? [])
  return (
    <QuestionFieldset {...props} extraHint={t(question.required ? 'answer.rankEvery' : 'answer.rankSome', { lng: language })}>
      <div className="ds_field-group">
        {options.map((option, index) => {
          const selectId = index === 0 ? id : `${id}-${index}`
          const at = positions.get(option.value)
          return (
            <div key={option.value} className="ds_!_margin-bottom--2">
              <label className="ds_label" htmlFor={selectId}>
                <LocalWords {...inLanguage(option.label, language)} />
              </label>
              <div className="ds_select-wrapper">
                <select id={selectId} name={name} className="ds_select" defaultValue={`${option.value}:${at ?? ''}`} disabled={disabled} aria-invalid={props.error ? true : undefined}>
                  <option value={`${option.value}:`}>{t(question.required ? 'answer.rankChoose' : 'answer.notRanked', { lng: language })}</option>
                  {options.map((_, n) => (
                    <option key={n} value={`${option.value}:${n + 1}`}>
                      {t(`answer.rankPosition.${ordinalOf(language, n + 1)}`, { position: n + 1, lng: language })}
                    </option>
                  ))}
                </select>
                <span className="ds_select-arrow" aria-hidden="true" />
              </div>
            </div>
          )
        })}
      </div>
    </QuestionFieldset>
  )
}

export const answerInputs: Record<QuestionKind, (props: AnswerInputProps) => JSX.Element> = {
  text: ShortText,
  long_text: LongText,
  single: Choices,
  multiple: (props) => <Choices {...props} many />,
  scale: Choices,
  yes_no: Choices,
  ranking: Ranking,
}

/** The input of one question, whatever its kind. */
export function AnswerInput(props: AnswerInputProps) {
  const Input = answerInputs[props.question.kind]
  return <Input {...props} />
}
