import { type QuestionView, translate } from '~/modules/consultations'
import { AnswerInput, type AnswerValue } from './AnswerInputs'
import { inLanguage } from './ConsultationCard'
import { LocalWords } from './EnglishOnlyNotice'

/** The form field of one question's answer: its text, or its choices (one field either way). */
export const answerFieldName = (question: { id: string }) => `q-${question.id}`

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
 * One question as respondents meet it (its kind's input, components/AnswerInputs.tsx), with its
 * help text and, under it, its follow-up.
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
  const name = answerFieldName(question)
  const id = mode === 'preview' ? `preview-${name}` : name
  // English standing in for a missing Gaelic version is marked lang="en" for screen readers.
  const prompt = <LocalWords {...inLanguage(question.prompt, language)} />
  const help = question.help && translate(question.help, language) ? <LocalWords {...inLanguage(question.help, language)} /> : null
  return (
    <AnswerInput
      question={question}
      language={language}
      id={id}
      name={name}
      prompt={prompt}
      help={help}
      value={value}
      error={error}
      disabled={mode === 'preview'}
      asPageHeading={asPageHeading}
    />
  )
}
