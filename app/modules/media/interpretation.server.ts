import { and, eq, inArray, isNotNull } from 'drizzle-orm'
import { z } from 'zod'
import type { Actor } from '~/modules/accounts'
import { findPeople, recordAudit } from '~/modules/accounts/index.server'
import { type Interpretation, saveInterpretations, submittedWithAnswers, listQuestions, findManagedConsultation, numberQuestions } from '~/modules/consultations/index.server'
import { canManageConsultations, questionKinds, optionsOf, type QuestionView, translate, validateAnswer } from '~/modules/consultations'
import { getDb } from '~/platform/db.server'
import { videoView } from './queries.server'
import { media } from './schema'

/** Interpreting BSL answers is an official's work (see docs/decisions/008-bsl-media.md). */
export const canInterpret = canManageConsultations

export const INTERPRETATION_LIMIT = 20_000

// Interpreters are the officials who manage consultations (the same check, the same 403).
const managedConsultation = findManagedConsultation

/**
 * The "BSL answers" queue of a consultation: every submitted response with a BSL video, its
 * videos, and per question the English interpretation so far (who finished it, and when).
 * Responses still to interpret come first.
 */
export async function interpretationQueue(actor: Actor, consultationId: string, language: string) {
  const consultation = await managedConsultation(actor, consultationId)
  if (!consultation) return null
  const rows = await getDb()
    .select()
    .from(media)
    .where(and(eq(media.consultationId, consultation.id), inArray(media.purpose, ['answer', 'response']), isNotNull(media.responseId)))
  const [questions, responses] = await Promise.all([listQuestions(consultation.id), submittedWithAnswers(consultation.id, [...new Set(rows.map((r) => r.responseId!))])])
  const people = await findPeople([...new Set(responses.flatMap((r) => [...r.answers.values()].map((a) => a.interpretedBy).filter((id): id is string => Boolean(id))))])
  const numbered = numberQuestions(questions)
  const items = responses.map((response) => {
    const videos = rows.filter((r) => r.responseId === response.id).map(videoView)
    const asked = numbered.map((q) => {
      const answer = response.answers.get(q.id)
      const by = answer?.interpretedBy ? people.get(answer.interpretedBy) : undefined
      const videoId = videos.find((v) => v.questionId === q.id)?.id ?? null
      return {
        id: q.id,
        number: q.number,
        prompt: translate(q.prompt, language),
        kind: q.kind,
        // The options an interpreter chooses from: closed questions answered in BSL only.
        options: choosable(q, Boolean(videoId), videos) ? optionsOf(q).map((o) => ({ value: o.value, label: translate(o.label, language) })) : null,
        choices: answer?.choices ?? [],
        text: answer?.text ?? null,
        videoId,
        interpretation: answer?.interpretation ?? null,
        interpretedBy: by ? (by.displayName ?? by.email) : null,
        interpretedAt: answer?.interpretedAt ?? null,
      }
    })
    const pending = asked.filter((q) => q.videoId && !q.interpretedAt).length + (videos.some((v) => v.purpose === 'response') && !asked.some((q) => q.interpretedAt) ? 1 : 0)
    return { id: response.id, reference: response.reference, submittedAt: response.submittedAt, videos, questions: asked, done: pending === 0 }
  })
  items.sort((a, b) => Number(a.done) - Number(b.done))
  return { consultation, items, pending: items.filter((i) => !i.done).length }
}

/** A question answered by ticking options whose answer is in BSL: its own video, or the response's whole-response video. */
function choosable(question: Pick<QuestionView, 'kind'>, ownVideo: boolean, videos: { purpose: string }[]) {
  return questionKinds[question.kind].picked !== undefined && (ownVideo || videos.some((v) => v.purpose === 'response'))
}

export const InterpretationSchema = z.object({
  responseId: z.string().uuid('bsl:interpret.errors.notFound'),
  intent: z.enum(['save', 'done']).default('save'),
})

/**
 * Saves the interpretation of one response's BSL answers, question by question: the English, and
 * for a closed question answered in BSL the chosen option(s), stored as a typed answer's choices
 * so the answer counts in every table. `done` records who finished it and when. Only questions of
 * the consultation, only submitted responses; an option the question does not offer refuses the
 * whole save, naming the question.
 */
export async function interpretResponse(actor: Actor, consultationId: string, responseId: string, texts: Map<string, string>, done: boolean, choices = new Map<string, string[]>()) {
  const consultation = await managedConsultation(actor, consultationId)
  if (!consultation) return { ok: false as const, reason: 'not_found' as const }
  const [response] = await submittedWithAnswers(consultation.id, [responseId])
  if (!response) return { ok: false as const, reason: 'not_found' as const }
  const questions = new Map((await listQuestions(consultation.id)).map((q) => [q.id, q]))
  const tooLong = [...texts.values()].some((text) => text.length > INTERPRETATION_LIMIT)
  if (tooLong) return { ok: false as const, reason: 'too_long' as const }
  const videos = await getDb().select({ questionId: media.questionId, purpose: media.purpose }).from(media).where(eq(media.responseId, response.id))
  const errors = new Map<string, string>()
  const given: Interpretation[] = []
  for (const questionId of new Set([...texts.keys(), ...choices.keys()])) {
    const question = questions.get(questionId)
    if (!question) continue
    const text = texts.get(questionId) ?? ''
    const before = response.answers.get(questionId)
    let chosen: string[] | undefined
    if (choosable(question, videos.some((v) => v.questionId === questionId && v.purpose === 'answer'), videos)) {
      const checked = validateAnswer({ ...question, required: false }, { choices: choices.get(questionId) ?? [] })
      if (!checked.ok) {
        errors.set(questionId, 'bsl:interpret.errors.unknownOption')
        continue
      }
      chosen = checked.answer.choices
    } else if (choices.get(questionId)?.length) {
      errors.set(questionId, 'bsl:interpret.errors.unknownOption')
      continue
    }
    const unchanged = !text && !before?.interpretation && (chosen === undefined || (!chosen.length && !before?.choices.length))
    if (!unchanged) given.push({ questionId, text: text || null, choices: chosen })
  }
  if (errors.size) return { ok: false as const, reason: 'invalid_choice' as const, errors }
  await saveInterpretations(response.id, given, actor.id, done)
  if (done) {
    await recordAudit({ actorId: actor.id, action: 'response.interpreted', subjectType: 'response', subjectId: response.id, details: { consultationId: consultation.id, reference: response.reference } })
  }
  return { ok: true as const, reference: response.reference }
}
