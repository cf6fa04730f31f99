import { choiceWords } from './question-kinds'
import { type QuestionView, translate } from './questions'

/** An answer as words: choice labels in the reader's language (as its kind says them), or the text given. */
export function answerText(question: QuestionView, answer: { text: string | null; choices: string[] } | undefined, language: string) {
  if (!answer) return null
  if (answer.choices.length) return choiceWords(question, answer.choices, (label) => translate(label, language), 'summary')
  return answer.text || null
}
