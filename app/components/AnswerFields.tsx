import { useTranslation } from 'react-i18next'
import { optionsOf, type QuestionView, SHORT_TEXT_LIMIT, TEXT_LIMIT, translate } from '~/modules/consultations/questions'
import { ChoiceGroup, TextArea, TextInput } from './ds/forms'

export interface AnswerValue {
  text: string | null
  choices: string[]
}

export const answerFieldName = (question: { id: string }) => `q-${question.id}`

interface Props {
  question: QuestionView
  language: string
  value?: AnswerValue
  error?: string
  /** The question is the page's heading (one question per page). */
  asHeading?: boolean
  label?: string
}

/** The form control for one question, in the reader's language. */
export function AnswerField({ question, language, value, error, asHeading, label }: Props) {
  const { t } = useTranslation('respond')
  const name = answerFieldName(question)
  const prompt = label ?? translate(question.prompt, language)
  const help = translate(question.help, language) || undefined
  if (question.kind === 'text' || question.kind === 'long_text') {
    const limit = question.charLimit ?? (question.kind === 'text' ? SHORT_TEXT_LIMIT : TEXT_LIMIT)
    const hint = [help, t('question.charLimit', { count: limit })].filter(Boolean).join(' ')
    if (question.kind === 'text') {
      return <TextInput id={name} name={name} label={prompt} hint={hint} error={error} defaultValue={value?.text ?? ''} labelAsHeading={asHeading} width="fluid-two-thirds" />
    }
    // The design system's live count speaks English only, so it runs on English pages.
    return (
      <div {...(language === 'en' ? { 'data-module': 'ds-character-count', 'data-maxlength': limit } : {})}>
        <TextArea id={name} name={name} label={prompt} hint={hint} error={error} defaultValue={value?.text ?? ''} labelAsHeading={asHeading} rows={8} />
      </div>
    )
  }
  const choices = optionsOf(question).map((option) => ({ value: option.value, label: translate(option.label, language) }))
  return (
    <ChoiceGroup
      type={question.kind === 'multiple' ? 'checkbox' : 'radio'}
      name={name}
      legend={asHeading ? <h1 className="ds_no-margin--top guth-legend-heading">{prompt}</h1> : prompt}
      hint={help}
      error={error}
      choices={choices}
      defaultValue={value?.choices ?? []}
    />
  )
}
