import type { Actor } from '~/modules/accounts'
import type { AnswerFilters } from './answer-filters'
import { codeFrequencies, createCode, deleteCode, listCodes } from './coding.server'
import { CodeFrameSchema, fieldErrors, formObject } from './forms'
import { listOpenAnswers } from './reading.server'

/** What the page of one open question shows: a page of answers, the coding frame and its counts. */
export async function readQuestionPage(actor: Actor, consultationId: string, questionId: string, filters: AnswerFilters, page: number, language: string) {
  const list = await listOpenAnswers(actor, consultationId, questionId, filters, page, language)
  if (!list) return null
  return { ...list, frequencies: await codeFrequencies(questionId) }
}

export type CodeFrameOutcome =
  | { status: 'done'; done: 'codeCreated' | 'codeDeleted' }
  | { status: 'invalid'; errors: Record<string, string> }
  | { status: 'confirm'; codeId: string; label: string; applied: number; subCodes: number }
  | { status: 'not_found' }

/** Adds or deletes a code from the posted form; deleting a code in use first asks for confirmation. */
export async function changeCodeFrame(actor: Actor, consultationId: string, questionId: string, form: FormData): Promise<CodeFrameOutcome> {
  const parsed = CodeFrameSchema.safeParse(formObject(form))
  if (!parsed.success) return { status: 'invalid', errors: fieldErrors(parsed.error) }
  const command = parsed.data
  if (command.intent === 'createCode') {
    const created = await createCode(actor, consultationId, questionId, { label: command.label, description: command.description, parentId: command.parentId || undefined })
    if (created.ok) return { status: 'done', done: 'codeCreated' }
    if (created.reason === 'not_found') return { status: 'not_found' }
    return { status: 'invalid', errors: { label: `analysis:errors.${created.reason}` } }
  }
  const deleted = await deleteCode(actor, consultationId, questionId, command.codeId, command.confirm === 'yes')
  if (deleted.ok) return { status: 'done', done: 'codeDeleted' }
  if (deleted.reason === 'applied') {
    const codes = await listCodes(questionId)
    return { status: 'confirm', codeId: command.codeId, label: codes.find((c) => c.id === command.codeId)?.label ?? '', applied: deleted.applied ?? 0, subCodes: deleted.subCodes ?? 0 }
  }
  return { status: 'not_found' }
}
