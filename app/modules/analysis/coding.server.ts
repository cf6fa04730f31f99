import { answerWords } from '~/modules/consultations/index.server'
import { and, asc, eq, inArray, notInArray } from 'drizzle-orm'
import { recordAudit } from '~/modules/accounts/index.server'
import { isUuid } from '~/kernel/ids'
import type { Actor } from '~/modules/accounts'
import { getConnection, getDb } from '~/platform/db.server'
import { findOpenQuestion } from './context.server'
import { answerTallies, typeOf } from './dashboard.server'
import { analysisCodes, answerCodes, answerReviews } from './schema'
import { type SplitTable, splitTable } from './tables'

// The coding frame of a question and the codes applied to its answers.

export interface CodeView {
  id: string
  label: string
  description: string | null
  parentId: string | null
  depth: number
}

/** A question's codes, each top-level code followed by its sub-codes, alphabetically. */
export async function listCodes(questionId: string): Promise<CodeView[]> {
  const rows = await getDb()
    .select({ id: analysisCodes.id, label: analysisCodes.label, description: analysisCodes.description, parentId: analysisCodes.parentId })
    .from(analysisCodes)
    .where(eq(analysisCodes.questionId, questionId))
    .orderBy(asc(analysisCodes.label))
  const walk = (parentId: string | null, depth: number): CodeView[] =>
    rows.filter((r) => r.parentId === parentId).flatMap((r) => [{ ...r, depth }, ...walk(r.id, depth + 1)])
  return walk(null, 0)
}

type Refusal = { ok: false; reason: 'not_found' | 'duplicate' | 'parent_not_found' | 'applied'; applied?: number; subCodes?: number }

/** Adds a code (or, with a parent, a sub-code) to a question's frame. */
export async function createCode(
  actor: Actor,
  consultationId: string,
  questionId: string,
  input: { label: string; description?: string; parentId?: string },
): Promise<{ ok: true; id: string } | Refusal> {
  if (!(await findOpenQuestion(actor, consultationId, questionId, 'en'))) return { ok: false, reason: 'not_found' }
  const db = getDb()
  const codes = await listCodes(questionId)
  if (input.parentId && !codes.some((c) => c.id === input.parentId && c.depth === 0)) return { ok: false, reason: 'parent_not_found' }
  const parentId = input.parentId ?? null
  if (codes.some((c) => c.parentId === parentId && c.label.toLowerCase() === input.label.toLowerCase())) return { ok: false, reason: 'duplicate' }
  const [code] = await db
    .insert(analysisCodes)
    .values({ questionId, parentId, label: input.label, description: input.description || null, createdBy: actor.id })
    .returning({ id: analysisCodes.id })
  return { ok: true, id: code!.id }
}

/** How many answers carry a code or any of its sub-codes, and how many sub-codes it has. */
export async function codeUsage(codeId: string) {
  const [row] = await getConnection().query<{ applied: number; sub_codes: number }>(
    `select (select count(distinct ac.answer_id)::int from analysis_answer_codes ac join analysis_codes c on c.id = ac.code_id where c.id = $1 or c.parent_id = $1) as applied,
            (select count(*)::int from analysis_codes where parent_id = $1) as sub_codes`,
    [codeId],
  )
  return { applied: row?.applied ?? 0, subCodes: row?.sub_codes ?? 0 }
}

/**
 * Deletes a code and its sub-codes. A code in use is only deleted once the official has
 * confirmed, having been told how many answers lose it; the deletion is audited.
 */
export async function deleteCode(actor: Actor, consultationId: string, questionId: string, codeId: string, confirmed: boolean): Promise<{ ok: true; label: string } | Refusal> {
  if (!(await findOpenQuestion(actor, consultationId, questionId, 'en')) || !isUuid(codeId)) return { ok: false, reason: 'not_found' }
  const db = getDb()
  const [code] = await db.select().from(analysisCodes).where(and(eq(analysisCodes.id, codeId), eq(analysisCodes.questionId, questionId)))
  if (!code) return { ok: false, reason: 'not_found' }
  const usage = await codeUsage(codeId)
  if ((usage.applied > 0 || usage.subCodes > 0) && !confirmed) return { ok: false, reason: 'applied', ...usage }
  await db.transaction(async (tx) => {
    await tx.delete(analysisCodes).where(eq(analysisCodes.id, codeId))
    await recordAudit({ actorId: actor.id, action: 'analysis.code_deleted', subjectType: 'analysis_code', subjectId: codeId, details: { questionId, label: code.label, ...usage } }, tx)
  })
  return { ok: true, label: code.label }
}

/**
 * Makes the answer's codes exactly `codeIds` (codes of this question only); codes it already had
 * keep who applied them and how. Marks it reviewed when asked.
 */
export async function codeAnswer(actor: Actor, consultationId: string, questionId: string, answerId: string, codeIds: string[], reviewed: boolean) {
  if (!(await findOpenQuestion(actor, consultationId, questionId, 'en')) || !isUuid(answerId)) return { ok: false as const, reason: 'not_found' as const }
  const db = getDb()
  if (!(await answerWords(answerId, questionId))) return { ok: false as const, reason: 'not_found' as const }
  const valid = codeIds.length
    ? (await db.select({ id: analysisCodes.id }).from(analysisCodes).where(and(eq(analysisCodes.questionId, questionId), inArray(analysisCodes.id, codeIds.filter(isUuid))))).map((c) => c.id)
    : []
  await db.transaction(async (tx) => {
    await tx.delete(answerCodes).where(and(eq(answerCodes.answerId, answerId), valid.length ? notInArray(answerCodes.codeId, valid) : undefined))
    if (valid.length) await tx.insert(answerCodes).values(valid.map((codeId) => ({ answerId, codeId, appliedBy: actor.id, source: 'human' as const }))).onConflictDoNothing()
    if (reviewed) await tx.insert(answerReviews).values({ answerId, reviewedBy: actor.id }).onConflictDoNothing()
    else await tx.delete(answerReviews).where(eq(answerReviews.answerId, answerId))
  })
  return { ok: true as const }
}

/** Applies one code to many answers at once (accepting a suggested theme); returns how many were new. */
export async function applyCodeInBulk(actor: Actor, codeId: string, answerIds: string[], source: 'human' | 'suggested', tx: Pick<ReturnType<typeof getDb>, 'insert'> = getDb()) {
  if (!answerIds.length) return 0
  const inserted = await tx
    .insert(answerCodes)
    .values(answerIds.map((answerId) => ({ answerId, codeId, appliedBy: actor.id, source })))
    .onConflictDoNothing()
    .returning({ answerId: answerCodes.answerId })
  return inserted.length
}

/** Who applied each code to an answer, and how. */
export async function answerCodeHistory(answerId: string) {
  return getConnection().query<{ code_id: string; label: string; source: string; applied_by: string | null; created_at: Date }>(
    `select ac.code_id, c.label, ac.source, coalesce(u.display_name, u.email) as applied_by, ac.created_at
     from analysis_answer_codes ac join analysis_codes c on c.id = ac.code_id left join users u on u.id = ac.applied_by
     where ac.answer_id = $1 order by c.label`,
    [answerId],
  )
}

/** Answers per code (a code counts its sub-codes' answers too), split by respondent type. */
export async function codeFrequencies(questionId: string): Promise<SplitTable> {
  const connection = getConnection()
  const codes = await listCodes(questionId)
  const answered = `a.question_id = $1 and r.status = 'submitted' and (coalesce(a.text, '') <> '' or coalesce(a.interpretation, '') <> '')`
  const [counts, tallies] = await Promise.all([
    connection.query<{ key: string; respondent_type: string | null; n: number }>(
      `select c.key, r.respondent_type, count(distinct a.id)::int as n
       from answers a join responses r on r.id = a.response_id
       join (select ac.answer_id, unnest(array[k.id::text, k.parent_id::text]) as key
             from analysis_answer_codes ac join analysis_codes k on k.id = ac.code_id where k.question_id = $1) c on c.answer_id = a.id and c.key is not null
       where ${answered} group by 1, 2`,
      [questionId],
    ),
    answerTallies([questionId], ['answered']),
  ])
  return splitTable(
    codes.map((c) => ({ key: c.id, label: c.depth ? `— ${c.label}` : c.label })),
    counts.map((c) => ({ key: c.key, respondentType: c.respondent_type, n: c.n })),
    tallies.map((b) => ({ respondentType: typeOf(b.respondent_type), n: b.n })),
  )
}
