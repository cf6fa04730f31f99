import type { Actor } from '~/modules/accounts'
import type { AnswerFilters } from './answer-filters'
import { answerCodeHistory, codeAnswer } from './coding.server'
import { fieldErrors, formObject, RedactionSchema } from './forms'
import { getAnswerForCoding } from './reading.server'
import { redactPassage } from './redactions.server'
import { addQuote } from './report.server'

/** One answer to code: the answer, its codes with who applied them, and where next/previous lead. */
export async function readAnswerPage(actor: Actor, consultationId: string, questionId: string, answerId: string, filters: AnswerFilters, language: string) {
  const found = await getAnswerForCoding(actor, consultationId, questionId, answerId, filters, language)
  if (!found) return null
  return { ...found, history: await answerCodeHistory(answerId) }
}

export type AnswerPageOutcome =
  | { status: 'saved'; next: boolean }
  | { status: 'redacted' }
  | { status: 'quoted' }
  | { status: 'invalid'; errors: Record<string, string> }
  | { status: 'not_found' }

/** Saves the codes (and reviewed mark) of an answer, redacts a passage of it, or quotes it in the report. */
export async function changeAnswer(actor: Actor, consultationId: string, questionId: string, answerId: string, form: FormData): Promise<AnswerPageOutcome> {
  const fields = formObject(form, ['codes'])
  if (fields.intent === 'quote') {
    const quoted = await addQuote(actor, consultationId, answerId, String(fields.section ?? ''))
    if (quoted.ok) return { status: 'quoted' }
    return quoted.reason === 'not_found' ? { status: 'not_found' } : { status: 'invalid', errors: { section: 'analysis:errors.notConsented' } }
  }
  if (fields.intent === 'redact') {
    const parsed = RedactionSchema.safeParse(fields)
    if (!parsed.success) return { status: 'invalid', errors: fieldErrors(parsed.error) }
    const redacted = await redactPassage(actor, consultationId, questionId, answerId, parsed.data)
    if (redacted.ok) return { status: 'redacted' }
    return redacted.reason === 'not_found' ? { status: 'not_found' } : { status: 'invalid', errors: { passage: 'analysis:errors.passageNotFound' } }
  }
  const codes = Array.isArray(fields.codes) ? (fields.codes as string[]) : []
  const saved = await codeAnswer(actor, consultationId, questionId, answerId, codes, fields.reviewed === 'yes')
  if (!saved.ok) return { status: 'not_found' }
  return { status: 'saved', next: fields.intent === 'codeNext' }
}
