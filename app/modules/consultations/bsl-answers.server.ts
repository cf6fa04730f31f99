import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm'
import { getDb } from '~/platform/db.server'
import { answers, questions, responses } from './schema'

// The consultations side of BSL answers: which answer a video belongs to, and its interpretation.

/** Whether the question belongs to the consultation and can be answered (follow-ups included). */
export async function isQuestionOf(consultationId: string, questionId: string) {
  if (!/^[0-9a-f-]{36}$/.test(questionId)) return false
  const [row] = await getDb()
    .select({ id: questions.id })
    .from(questions)
    .where(and(eq(questions.id, questionId), eq(questions.consultationId, consultationId)))
  return Boolean(row)
}

/**
 * Makes the video the draft's answer to the question (replacing an earlier video, keeping any
 * text) and marks the response as made in BSL. Returns the video it replaced, if any.
 */
export async function setAnswerVideo(responseId: string, questionId: string, mediaId: string) {
  return getDb().transaction(async (tx) => {
    const [before] = await tx
      .select({ mediaId: answers.mediaId })
      .from(answers)
      .where(and(eq(answers.responseId, responseId), eq(answers.questionId, questionId)))
    await tx
      .insert(answers)
      .values({ responseId, questionId, mediaId })
      .onConflictDoUpdate({ target: [answers.responseId, answers.questionId], set: { mediaId, interpretation: null, interpretedBy: null, interpretedAt: null, updatedAt: new Date() } })
    await markBsl(tx, responseId)
    return before?.mediaId ?? null
  })
}

type Tx = Parameters<Parameters<ReturnType<typeof getDb>['transaction']>[0]>[0]

async function markBsl(tx: Tx, responseId: string) {
  await tx.update(responses).set({ channel: 'bsl', isBslUser: true }).where(and(eq(responses.id, responseId), eq(responses.status, 'draft')))
}

/** A whole-response BSL video also makes the response a BSL one. */
export async function markResponseBsl(responseId: string) {
  await getDb().transaction((tx) => markBsl(tx, responseId))
}

/** Takes the video off the answer (the respondent chose English after all); an empty answer goes. */
export async function clearAnswerVideo(responseId: string, questionId: string) {
  const db = getDb()
  const mine = and(eq(answers.responseId, responseId), eq(answers.questionId, questionId))
  const [row] = await db.select().from(answers).where(mine)
  if (!row?.mediaId) return null
  if (!row.text && !row.choices.length) await db.delete(answers).where(mine)
  else await db.update(answers).set({ mediaId: null }).where(mine)
  return row.mediaId
}

/** Answers of a response that carry a video, by question. */
export async function answerVideosOf(responseId: string) {
  const rows = await getDb()
    .select({ questionId: answers.questionId, mediaId: answers.mediaId, interpretation: answers.interpretation, interpretedAt: answers.interpretedAt })
    .from(answers)
    .where(and(eq(answers.responseId, responseId), isNotNull(answers.mediaId)))
  return rows
}

/** One question's interpretation: the English, and for a closed question the option(s) chosen. */
export interface Interpretation {
  questionId: string
  text: string | null
  /** Stored as the answer's choices, as a typed answer's are; undefined leaves them as they were. */
  choices?: string[]
}

/** Records an official's interpretation of a response's BSL answers (who and when), all or nothing. */
export async function saveInterpretations(responseId: string, given: Interpretation[], userId: string, done: boolean) {
  await getDb().transaction(async (tx) => {
    for (const { questionId, text, choices } of given) {
      const by = { interpretation: text, interpretedBy: done ? userId : null, interpretedAt: done ? new Date() : null }
      await tx
        .insert(answers)
        .values({ responseId, questionId, ...by, ...(choices ? { choices } : {}) })
        .onConflictDoUpdate({ target: [answers.responseId, answers.questionId], set: { ...by, ...(choices ? { choices } : {}), updatedAt: new Date() } })
    }
  })
}

/** Submitted responses among these, with each answer's words and interpretation by question. */
export async function submittedWithAnswers(consultationId: string, responseIds: string[]) {
  if (!responseIds.length) return []
  const db = getDb()
  const rows = await db
    .select({ id: responses.id, reference: responses.reference, submittedAt: responses.submittedAt })
    .from(responses)
    .where(and(eq(responses.consultationId, consultationId), eq(responses.status, 'submitted'), inArray(responses.id, responseIds)))
    .orderBy(asc(responses.submittedAt))
  const given = rows.length ? await db.select().from(answers).where(inArray(answers.responseId, rows.map((r) => r.id))) : []
  return rows.map((row) => ({ ...row, answers: new Map(given.filter((a) => a.responseId === row.id).map((a) => [a.questionId, a])) }))
}
