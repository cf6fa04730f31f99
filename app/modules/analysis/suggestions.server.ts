import { answerTexts } from '~/modules/consultations/index.server'
import { and, asc, desc, eq } from 'drizzle-orm'
import type { Actor } from '~/modules/accounts'
import { getConnection, getDb } from '~/platform/db.server'
import { applyCodeInBulk, createCode } from './coding.server'
import { findOpenQuestion } from './context.server'
import { themeSuggestions } from './schema'
import { suggestThemes } from './themes'

// Suggested themes of one question: computed from its answers, then accepted (becoming a code,
// optionally applied to the answers behind it), renamed, merged or rejected by an official.

/** The words of a question's submitted open answers (BSL interpretations included), by answer id. */
export async function openAnswerTexts(questionId: string) {
  return getConnection().query<{ id: string; text: string }>(
    `select a.id, trim(coalesce(a.text, '') || ' ' || coalesce(a.interpretation, '')) as text
     from answers a join responses r on r.id = a.response_id
     where a.question_id = $1 and r.status = 'submitted' and (coalesce(a.text, '') <> '' or coalesce(a.interpretation, '') <> '')
     order by a.id`,
    [questionId],
  )
}

/** Recomputes the pending suggestions of a question (decided ones stay); returns how many there are. */
export async function computeSuggestions(actor: Actor, consultationId: string, questionId: string) {
  if (!(await findOpenQuestion(actor, consultationId, questionId, 'en'))) return null
  return storeSuggestions(questionId)
}

/** computeSuggestions without the permission check, for the background run an official asked for. */
export async function storeSuggestions(questionId: string) {
  const themes = suggestThemes(await openAnswerTexts(questionId))
  await getDb().transaction(async (tx) => {
    await tx.delete(themeSuggestions).where(and(eq(themeSuggestions.questionId, questionId), eq(themeSuggestions.status, 'pending')))
    if (themes.length)
      await tx.insert(themeSuggestions).values(
        themes.map((theme) => ({
          questionId,
          label: theme.label,
          explanation: { phrases: theme.phrases, exampleAnswerIds: theme.exampleAnswerIds },
          answerIds: theme.answerIds,
          size: theme.answerIds.length,
        })),
      )
  })
  return themes.length
}

/** A question's suggestions, pending first, each with the words of its example answers. */
export async function listSuggestions(questionId: string) {
  const rows = await getDb()
    .select()
    .from(themeSuggestions)
    .where(eq(themeSuggestions.questionId, questionId))
    .orderBy(asc(themeSuggestions.status), desc(themeSuggestions.size), asc(themeSuggestions.label))
  const exampleIds = [...new Set(rows.flatMap((r) => r.explanation.exampleAnswerIds))]
  const texts = exampleIds.length
    ? await answerTexts(exampleIds)
    : []
  const byId = new Map(texts.map((t) => [t.id, t.text]))
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    status: r.status,
    size: r.size,
    codeId: r.codeId,
    phrases: r.explanation.phrases,
    examples: r.explanation.exampleAnswerIds.map((id) => ({ id, text: byId.get(id) ?? '' })),
  }))
}

type Outcome = { ok: true; applied?: number } | { ok: false; reason: 'not_found' | 'duplicate' | 'not_pending' }

async function pendingSuggestion(actor: Actor, consultationId: string, questionId: string, suggestionId: string) {
  if (!(await findOpenQuestion(actor, consultationId, questionId, 'en'))) return null
  const [row] = await getDb()
    .select()
    .from(themeSuggestions)
    .where(and(eq(themeSuggestions.id, suggestionId), eq(themeSuggestions.questionId, questionId)))
  return row ?? null
}

/** Accepts a suggestion as a new code; with `apply`, codes every answer behind it (source "suggested"). */
export async function acceptSuggestion(actor: Actor, consultationId: string, questionId: string, suggestionId: string, label: string, apply: boolean): Promise<Outcome> {
  const suggestion = await pendingSuggestion(actor, consultationId, questionId, suggestionId)
  if (!suggestion) return { ok: false, reason: 'not_found' }
  if (suggestion.status !== 'pending') return { ok: false, reason: 'not_pending' }
  const code = await createCode(actor, consultationId, questionId, { label, description: suggestion.explanation.phrases.map((p) => p.phrase).join(', ') })
  if (!code.ok) return { ok: false, reason: code.reason === 'duplicate' ? 'duplicate' : 'not_found' }
  return getDb().transaction(async (tx) => {
    const applied = apply ? await applyCodeInBulk(actor, code.id, suggestion.answerIds, 'suggested', tx) : 0
    await tx
      .update(themeSuggestions)
      .set({ status: 'accepted', label, codeId: code.id, decidedBy: actor.id, decidedAt: new Date() })
      .where(eq(themeSuggestions.id, suggestionId))
    return { ok: true as const, applied }
  })
}

export async function renameSuggestion(actor: Actor, consultationId: string, questionId: string, suggestionId: string, label: string): Promise<Outcome> {
  const suggestion = await pendingSuggestion(actor, consultationId, questionId, suggestionId)
  if (!suggestion) return { ok: false, reason: 'not_found' }
  if (suggestion.status !== 'pending') return { ok: false, reason: 'not_pending' }
  await getDb().update(themeSuggestions).set({ label }).where(eq(themeSuggestions.id, suggestionId))
  return { ok: true }
}

export async function rejectSuggestion(actor: Actor, consultationId: string, questionId: string, suggestionId: string): Promise<Outcome> {
  const suggestion = await pendingSuggestion(actor, consultationId, questionId, suggestionId)
  if (!suggestion) return { ok: false, reason: 'not_found' }
  if (suggestion.status !== 'pending') return { ok: false, reason: 'not_pending' }
  await getDb().update(themeSuggestions).set({ status: 'rejected', decidedBy: actor.id, decidedAt: new Date() }).where(eq(themeSuggestions.id, suggestionId))
  return { ok: true }
}

/** Merges one pending suggestion into another: its answers and phrases join the other's. */
export async function mergeSuggestion(actor: Actor, consultationId: string, questionId: string, suggestionId: string, intoId: string): Promise<Outcome> {
  const [from, into] = await Promise.all([pendingSuggestion(actor, consultationId, questionId, suggestionId), pendingSuggestion(actor, consultationId, questionId, intoId)])
  if (!from || !into || from.id === into.id) return { ok: false, reason: 'not_found' }
  if (from.status !== 'pending' || into.status !== 'pending') return { ok: false, reason: 'not_pending' }
  const answerIds = [...new Set([...into.answerIds, ...from.answerIds])].sort()
  const phrases = [...into.explanation.phrases, ...from.explanation.phrases.filter((p) => !into.explanation.phrases.some((q) => q.phrase === p.phrase))]
  await getDb().transaction(async (tx) => {
    await tx
      .update(themeSuggestions)
      .set({ answerIds, size: answerIds.length, explanation: { phrases, exampleAnswerIds: [...into.explanation.exampleAnswerIds, ...from.explanation.exampleAnswerIds].slice(0, 5) } })
      .where(eq(themeSuggestions.id, into.id))
    await tx.update(themeSuggestions).set({ status: 'merged', mergedInto: into.id, decidedBy: actor.id, decidedAt: new Date() }).where(eq(themeSuggestions.id, from.id))
  })
  return { ok: true }
}

