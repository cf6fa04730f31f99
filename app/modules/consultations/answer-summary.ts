import { optionsOf, type QuestionView, translate } from './questions'

/** An answer as words: choice labels in the reader's language, or the text given. */
export function answerText(question: QuestionView, answer: { text: string | null; choices: string[] } | undefined, language: string) {
  if (!answer) return null
  if (answer.choices.length) {
    const labels = new Map(optionsOf(question).map((o) => [o.value, translate(o.label, language)]))
    return answer.choices.map((c) => labels.get(c) ?? c).join('; ')
  }
  return answer.text || null
}
