import { useTranslation } from 'react-i18next'
import { optionsOf, type QuestionView, SHORT_TEXT_LIMIT, TEXT_LIMIT, translate } from '~/modules/consultations/questions'
import { inLanguage } from './ConsultationCard'
import { TextInput, useMessage } from './ds/forms'
import { LocalWords } from './EnglishOnlyNotice'

export interface AnswerValue {
  text: string | null
  choices: string[]
}

/** The form field of one question's answer: its text, or its choices (one field either way). */
export const answerFieldName = (question: { id: string }) => `q-${question.id}`

export const charLimitOf = (question: Pick<QuestionView, 'kind' | 'charLimit'>) =>
  question.charLimit ?? (question.kind === 'text' ? SHORT_TEXT_LIMIT : TEXT_LIMIT)

export interface QuestionPreviewProps {
  question: QuestionView
  /** Its "Please explain your answer" question, shown under it. */
  followUp?: QuestionView | null
  /** Any further follow-ups, answered on the same page. */
  moreFollowUps?: QuestionView[]
  language: string
  /** `preview`: exactly as respondents see it, but nothing can be filled in. `answer`: live form controls. */
  mode: 'preview' | 'answer'
  /** Answers so far, by question id. */
  values?: Record<string, AnswerValue | undefined>
  /** Errors (translation keys or worded messages), by question id. */
  errors?: Record<string, string | undefined>
  /** The question is the page's h1 (one question per page). */
  asPageHeading?: boolean
}

/**
 * One question as respondents meet it: a text box, a long text box with the design system's
 * character count, radios (single choice, agree–disagree, yes/no) or checkboxes (multiple choice),
 * with its help text and, under it, its follow-up.
 */
export function QuestionPreview({ question, followUp, moreFollowUps = [], language, mode, values = {}, errors = {}, asPageHeading }: QuestionPreviewProps) {
  return (
    <div className="guth-question">
      <Control question={question} language={language} mode={mode} value={values[question.id]} error={errors[question.id]} asPageHeading={asPageHeading} />
      {[followUp, ...moreFollowUps].filter((q): q is QuestionView => Boolean(q)).map((q) => (
        <Control key={q.id} question={q} language={language} mode={mode} value={values[q.id]} error={errors[q.id]} />
      ))}
    </div>
  )
}

interface ControlProps {
  question: QuestionView
  language: string
  mode: 'preview' | 'answer'
  value?: AnswerValue
  error?: string
  asPageHeading?: boolean
}


function Control({ question, language, mode, value, error, asPageHeading }: ControlProps) {
  const { t } = useTranslation('manage')
  const message = useMessage()
  const name = answerFieldName(question)
  const id = mode === 'preview' ? `preview-${name}` : name
  // English standing in for a missing Gaelic version is marked lang="en" for screen readers.
  const prompt = <LocalWords {...inLanguage(question.prompt, language)} />
  const help = question.help && translate(question.help, language) ? <LocalWords {...inLanguage(question.help, language)} /> : null
  const disabled = mode === 'preview'
  if (question.kind === 'text') {
    const limit = charLimitOf(question)
    return (
      <TextInput
        id={id}
        name={name}
        label={prompt}
        hint={
          <>
            {help}
            {help ? ' ' : null}
            {t('answer.charLimit', { count: limit, lng: language })}
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
  if (question.kind === 'long_text') {
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
          {error ? (
            <p className="ds_question__error-message" id={`${id}-error`}>
              <span className="visually-hidden">{t('forms.errorPrefix', { ns: 'common', lng: language })}: </span>
              {message(error)}
            </p>
          ) : null}
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
  const type = question.kind === 'multiple' ? 'checkbox' : 'radio'
  const selected = new Set(value?.choices ?? [])
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
        {question.kind === 'multiple' ? <p className="ds_hint-text">{t('answer.selectAll', { lng: language })}</p> : null}
        {error ? (
          <p className="ds_question__error-message" id={`${id}-error`}>
            <span className="visually-hidden">{t('forms.errorPrefix', { ns: 'common', lng: language })}: </span>
            {message(error)}
          </p>
        ) : null}
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
      </fieldset>
    </div>
  )
}
