import type { QuestionView } from './questions'
import type { QuestionOption } from './schema'

// The registry of question kinds: each kind is defined once here (its stored value, how an answer
// is checked, what the official writes, how an answer reads in words). The respondent's input is
// in components/AnswerInputs.tsx and the analysis table in analysis/question-tables.server.ts,
// both keyed by the same kinds, so TypeScript names every place a new kind must fill in.
// Browser-safe: no server code, no React. Errors are translation keys in respond.json.

/** Every kind, in the order officials are offered them; also the Postgres enum `question_kind`. */
export const QUESTION_KINDS = ['text', 'long_text', 'single', 'multiple', 'scale', 'yes_no', 'ranking'] as const
export type QuestionKind = (typeof QUESTION_KINDS)[number]

export const TEXT_LIMIT = 10_000
export const SHORT_TEXT_LIMIT = 500

export type AnswerInput = { text: string | null; choices: string[] }
export type AnswerCheck = { ok: true; answer: AnswerInput } | { ok: false; error: string; limit?: number }
type Asked = Pick<QuestionView, 'kind' | 'options' | 'required' | 'charLimit'>

export interface KindDefinition {
  /** Answered from a list of options: shown as a table in the analysis, may have a follow-up. */
  closed: boolean
  /** The official writes the options, one a line (authoring shows the options box). */
  ownOptions: boolean
  /** Options every question of this kind has. */
  fixedOptions?: QuestionOption[]
  /** Answered in words, up to this many characters unless the official sets another limit. */
  textLimit?: number
  /** A BSL interpreter can record the answer by ticking options; `many`: more than one. */
  picked?: 'one' | 'many'
  /** Checks an answer as posted (text trimmed, choices as strings): the answer to store, or an error. */
  check(question: Asked, given: { text: string; choices: string[] }): AnswerCheck
  /** Chosen options (their labels, in stored order) as the check-answers page and receipts say them. */
  summary(labels: string[]): string
  /** The same in one cell of the responses export. */
  exportCell(labels: string[]): string
}

const scale = (label: (value: string) => QuestionOption['label']): QuestionOption[] =>
  ['strongly_agree', 'agree', 'neutral', 'disagree', 'strongly_disagree'].map((value) => ({ value, label: label(value) }))

const inWords = (limit: number): Omit<KindDefinition, 'summary' | 'exportCell'> => ({
  closed: false,
  ownOptions: false,
  textLimit: limit,
  check(question, { text }) {
    const max = question.charLimit ?? limit
    if (!text && question.required) return { ok: false, error: 'respond:errors.answerMissing' }
    if (text.length > max) return { ok: false, error: 'respond:errors.answerTooLong', limit: max }
    return { ok: true, answer: { text: text || null, choices: [] } }
  },
})

const byChoosing = (picked: 'one' | 'many'): Omit<KindDefinition, 'ownOptions' | 'summary' | 'exportCell'> => ({
  closed: true,
  picked,
  check(question, { choices: given }) {
    const allowed = new Set(optionsOf(question).map((o) => o.value))
    const choices = [...new Set(given)]
    if (choices.some((c) => !allowed.has(c))) return { ok: false, error: 'respond:errors.choiceInvalid' }
    if (picked === 'one' && choices.length > 1) return { ok: false, error: 'respond:errors.choiceInvalid' }
    if (!choices.length && question.required) return { ok: false, error: picked === 'many' ? 'respond:errors.choicesMissing' : 'respond:errors.choiceMissing' }
    return { ok: true, answer: { text: null, choices } }
  },
})

const listed = { summary: (labels: string[]) => labels.join('; '), exportCell: (labels: string[]) => labels.join('; ') }

/**
 * A ranking posts one `option:position` per option (a select each; an empty one is "not ranked").
 * It is stored as the ranked options, most preferred first. A required ranking ranks every option;
 * an optional one may rank some (1st, 2nd, … without gaps) or none.
 */
export function rankingPositions(choices: string[]): Map<string, number> {
  const positions = new Map<string, number>()
  choices.forEach((entry, index) => {
    const at = entry.lastIndexOf(':')
    // A stored answer is already in order; a posted one says each option's position.
    if (at < 0) positions.set(entry, index + 1)
    else if (entry.slice(at + 1)) positions.set(entry.slice(0, at), Number(entry.slice(at + 1)))
  })
  return positions
}

function checkRanking(question: Asked, given: string[]): AnswerCheck {
  const options = optionsOf(question).map((o) => o.value)
  const posted = given.filter((entry) => !entry.endsWith(':'))
  const entries = posted.map((entry, index) => {
    const at = entry.lastIndexOf(':')
    // A stored answer (most preferred first) checks as well as a posted one.
    return { value: at < 0 ? entry : entry.slice(0, at), position: at < 0 ? index + 1 : Number(entry.slice(at + 1)) }
  })
  const forged = entries.some(({ value, position }) => !options.includes(value) || !Number.isInteger(position) || position < 1 || position > options.length)
  if (forged || new Set(entries.map((e) => e.value)).size !== entries.length) return { ok: false, error: 'respond:errors.choiceInvalid' }
  const positions = entries.map((e) => e.position)
  if (new Set(positions).size !== positions.length) return { ok: false, error: 'respond:errors.rankingRepeated' }
  if (question.required && entries.length < options.length) return { ok: false, error: 'respond:errors.rankingIncomplete' }
  if (Math.max(0, ...positions) !== positions.length) return { ok: false, error: 'respond:errors.rankingGap' }
  return { ok: true, answer: { text: null, choices: entries.sort((a, b) => a.position - b.position).map((e) => e.value) } }
}

export const questionKinds: Record<QuestionKind, KindDefinition> = {
  text: { ...inWords(SHORT_TEXT_LIMIT), ...listed },
  long_text: { ...inWords(TEXT_LIMIT), ...listed },
  single: { ...byChoosing('one'), ownOptions: true, ...listed },
  multiple: { ...byChoosing('many'), ownOptions: true, ...listed },
  scale: {
    ...byChoosing('one'),
    ownOptions: false,
    fixedOptions: scale(
      (value) =>
        ({
          strongly_agree: { en: 'Strongly agree', gd: 'Aontaich gu làidir' },
          agree: { en: 'Agree', gd: 'Aontaich' },
          neutral: { en: 'Neither agree nor disagree', gd: 'Na aontaich is na eas-aontaich' },
          disagree: { en: 'Disagree', gd: 'Eas-aontaich' },
          strongly_disagree: { en: 'Strongly disagree', gd: 'Eas-aontaich gu làidir' },
        })[value]!,
    ),
    ...listed,
  },
  yes_no: {
    ...byChoosing('one'),
    ownOptions: false,
    fixedOptions: [
      { value: 'yes', label: { en: 'Yes', gd: 'Tha' } },
      { value: 'no', label: { en: 'No', gd: 'Chan eil' } },
      { value: 'dont_know', label: { en: 'Don’t know', gd: 'Chan eil fhios agam' } },
    ],
    ...listed,
  },
  ranking: {
    closed: true,
    ownOptions: true,
    check: (question, { choices }) => checkRanking(question, choices),
    summary: (labels) => labels.map((label, i) => `${i + 1}. ${label}`).join('; '),
    exportCell: (labels) => labels.join(' > '),
  },
}

/** The fixed choices of the agree–disagree and yes/no kinds. */
export const FIXED_OPTIONS: Partial<Record<QuestionKind, QuestionOption[]>> = Object.fromEntries(
  QUESTION_KINDS.flatMap((kind) => (questionKinds[kind].fixedOptions ? [[kind, questionKinds[kind].fixedOptions]] : [])),
)

export function optionsOf(question: Pick<QuestionView, 'kind' | 'options'>): QuestionOption[] {
  return questionKinds[question.kind].fixedOptions ?? question.options
}

export const isClosedKind = (kind: QuestionKind) => questionKinds[kind].closed
export const hasOwnOptions = (kind: QuestionKind) => questionKinds[kind].ownOptions
export const isTextKind = (kind: QuestionKind) => questionKinds[kind].textLimit !== undefined

/** The character limit of an answer in words. */
export const charLimitOf = (question: Pick<QuestionView, 'kind' | 'charLimit'>) => question.charLimit ?? questionKinds[question.kind].textLimit ?? TEXT_LIMIT

// Characters no answer needs: control characters other than tab and newlines.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g

/**
 * Checks one answer against its question, as the server sees it. Errors are translation keys.
 * Forged choices (values the question does not offer) are refused, never stored.
 */
export function validateAnswer(question: Asked, raw: { text?: unknown; choices?: unknown }): AnswerCheck {
  const text = typeof raw.text === 'string' ? raw.text.replace(/\r\n/g, '\n').replace(CONTROL, '').trim() : ''
  const choices = [raw.choices ?? []].flat().filter((c): c is string => typeof c === 'string' && c !== '')
  return questionKinds[question.kind].check(question, { text, choices })
}

/** Chosen options as words, through `labelOf` (the reader's language, or English for exports). */
export function choiceWords(question: Pick<QuestionView, 'kind' | 'options'>, choices: string[], labelOf: (label: QuestionOption['label']) => string, use: 'summary' | 'exportCell') {
  const labels = new Map(optionsOf(question).map((o) => [o.value, labelOf(o.label)]))
  return questionKinds[question.kind][use](choices.map((c) => labels.get(c) ?? c))
}
