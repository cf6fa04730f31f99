import type { QuestionOption, Translated } from './schema'

export type QuestionKind = 'text' | 'long_text' | 'single' | 'multiple' | 'scale' | 'yes_no'

export interface QuestionView {
  id: string
  position: number
  kind: QuestionKind
  prompt: Translated
  help: Translated | null
  section: Translated | null
  options: QuestionOption[]
  required: boolean
  followUpOf: string | null
  charLimit: number | null
}

export const TEXT_LIMIT = 10_000
export const SHORT_TEXT_LIMIT = 500

const scale = (label: (value: string) => Translated): QuestionOption[] =>
  ['strongly_agree', 'agree', 'neutral', 'disagree', 'strongly_disagree'].map((value) => ({ value, label: label(value) }))

/** The fixed choices of the agree–disagree and yes/no kinds. */
export const FIXED_OPTIONS: Partial<Record<QuestionKind, QuestionOption[]>> = {
  scale: scale(
    (value) =>
      ({
        strongly_agree: { en: 'Strongly agree', gd: 'Aontaich gu làidir' },
        agree: { en: 'Agree', gd: 'Aontaich' },
        neutral: { en: 'Neither agree nor disagree', gd: 'Na aontaich is na eas-aontaich' },
        disagree: { en: 'Disagree', gd: 'Eas-aontaich' },
        strongly_disagree: { en: 'Strongly disagree', gd: 'Eas-aontaich gu làidir' },
      })[value]!,
  ),
  yes_no: [
    { value: 'yes', label: { en: 'Yes', gd: 'Tha' } },
    { value: 'no', label: { en: 'No', gd: 'Chan eil' } },
    { value: 'dont_know', label: { en: 'Don’t know', gd: 'Chan eil fhios agam' } },
  ],
}

export function optionsOf(question: Pick<QuestionView, 'kind' | 'options'>): QuestionOption[] {
  return FIXED_OPTIONS[question.kind] ?? question.options
}

export const isClosedKind = (kind: QuestionKind) => kind === 'single' || kind === 'multiple' || kind === 'scale' || kind === 'yes_no'

export function translate(text: Translated | null | undefined, language: string) {
  if (!text) return ''
  return (language === 'gd' && text.gd) || text.en
}

// Characters no answer needs: control characters other than tab and newlines.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g

export type AnswerInput = { text: string | null; choices: string[] }

/**
 * Checks one answer against its question, as the server sees it. Errors are translation keys.
 * Forged choices (values the question does not offer) are refused, never stored.
 */
export function validateAnswer(question: QuestionView, raw: { text?: unknown; choices?: unknown }) {
  const text = typeof raw.text === 'string' ? raw.text.replace(/\r\n/g, '\n').replace(CONTROL, '').trim() : ''
  const given = [raw.choices ?? []].flat().filter((c): c is string => typeof c === 'string' && c !== '')
  if (question.kind === 'text' || question.kind === 'long_text') {
    const limit = question.charLimit ?? (question.kind === 'text' ? SHORT_TEXT_LIMIT : TEXT_LIMIT)
    if (!text && question.required) return { ok: false as const, error: 'respond:errors.answerMissing' }
    if (text.length > limit) return { ok: false as const, error: 'respond:errors.answerTooLong', limit }
    return { ok: true as const, answer: { text: text || null, choices: [] } }
  }
  const allowed = new Set(optionsOf(question).map((o) => o.value))
  const choices = [...new Set(given)]
  if (choices.some((c) => !allowed.has(c))) return { ok: false as const, error: 'respond:errors.choiceInvalid' }
  if (question.kind !== 'multiple' && choices.length > 1) return { ok: false as const, error: 'respond:errors.choiceInvalid' }
  if (!choices.length && question.required) {
    return { ok: false as const, error: question.kind === 'multiple' ? 'respond:errors.choicesMissing' : 'respond:errors.choiceMissing' }
  }
  return { ok: true as const, answer: { text: null, choices } }
}
