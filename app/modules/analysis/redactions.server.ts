import { recordAudit } from '~/modules/accounts/index.server'
import type { Actor } from '~/modules/accounts'
import { translate } from '~/modules/consultations'
import { answerWords, findManagedConsultation } from '~/modules/consultations/index.server'
import { getConnection, getDb } from '~/platform/db.server'
import { findOpenQuestion } from './context.server'
import { redactions } from './schema'

/**
 * Withholds a passage of an answer from everything published (responses, quotations), with the
 * reason, audited. The passage must be words the answer contains.
 */
export async function redactPassage(actor: Actor, consultationId: string, questionId: string, answerId: string, input: { passage: string; reason: string }) {
  if (!(await findOpenQuestion(actor, consultationId, questionId, 'en'))) return { ok: false as const, reason: 'not_found' as const }
  const answer = await answerWords(answerId, questionId)
  if (!answer) return { ok: false as const, reason: 'not_found' as const }
  if (!`${answer.text ?? ''}\n${answer.interpretation ?? ''}`.includes(input.passage)) return { ok: false as const, reason: 'passage_not_found' as const }
  await getDb().transaction(async (tx) => {
    const [row] = await tx.insert(redactions).values({ answerId, passage: input.passage, reason: input.reason, createdBy: actor.id }).returning({ id: redactions.id })
    await recordAudit({ actorId: actor.id, action: 'analysis.passage_redacted', subjectType: 'answer', subjectId: answerId, details: { redactionId: row!.id, reason: input.reason, consultationId } }, tx)
  })
  return { ok: true as const }
}

export const REDACTED = '[redacted]'

/** The text with every redacted passage replaced. */
export function applyRedactions(text: string | null, passages: string[]) {
  if (!text) return text
  return passages.reduce((result, passage) => (passage ? result.split(passage).join(REDACTED) : result), text)
}

/** The redacted passages of the given answers. */
export async function redactionsFor(answerIds: string[]) {
  const byAnswer = new Map<string, string[]>()
  if (!answerIds.length) return byAnswer
  const rows = await getConnection().query<{ answer_id: string; passage: string }>('select answer_id, passage from analysis_redactions where answer_id = any($1::uuid[])', [answerIds])
  for (const row of rows) byAnswer.set(row.answer_id, [...(byAnswer.get(row.answer_id) ?? []), row.passage])
  return byAnswer
}

/** Every redaction of a consultation, newest first, for the officials' list; null if no such consultation. */
export async function readRedactionsPage(actor: Actor, consultationId: string, language: string) {
  const consultation = await findManagedConsultation(actor, consultationId)
  if (!consultation) return null
  const redactions = await getConnection().query<{ id: string; passage: string; reason: string; created_at: Date; reference: string; answer_id: string; question_id: string; by: string | null }>(
    `select d.id, d.passage, d.reason, d.created_at, r.reference, a.id as answer_id, a.question_id, coalesce(u.display_name, u.email) as by
     from analysis_redactions d join answers a on a.id = d.answer_id join responses r on r.id = a.response_id left join users u on u.id = d.created_by
     where r.consultation_id = $1 order by d.created_at desc`,
    [consultation.id],
  )
  return { consultation: { id: consultation.id, title: translate(consultation.title, language) }, redactions }
}

