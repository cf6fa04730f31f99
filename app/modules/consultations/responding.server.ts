import { createHash, randomBytes } from 'node:crypto'
import { createCookie } from '@remix-run/node'
import { and, eq, isNull, sql } from 'drizzle-orm'
import { getDb } from '~/platform/db.server'
import type { Tx } from '~/platform/jobs-in-transaction.server'
import { getEnv } from '~/platform/env.server'
import type { Language } from '~/platform/i18n/config'
import type { Consultation } from './queries.server'
import type { AnswerInput, QuestionView } from './questions'
import { newReference } from './references'
import { answers, consultations, responses } from './schema'

export type Draft = typeof responses.$inferSelect

const hash = (token: string) => createHash('sha256').update(token).digest('hex')
const newToken = () => randomBytes(32).toString('base64url')

// One cookie holds this browser's unfinished responses, one secret per consultation.
function draftCookie() {
  const env = getEnv()
  return createCookie('guth_response', {
    path: '/consultations',
    httpOnly: true,
    sameSite: 'lax',
    secure: env.PUBLIC_URL.startsWith('https:'),
    secrets: [env.SESSION_SECRET],
    maxAge: 180 * 24 * 3600,
  })
}

async function readDraftTokens(request: Request): Promise<Record<string, string>> {
  const value = await draftCookie().parse(request.headers.get('cookie'))
  return value && typeof value === 'object' ? (value as Record<string, string>) : {}
}

async function writeDraftToken(request: Request, consultationId: string, token: string | null) {
  const tokens = await readDraftTokens(request)
  if (token) tokens[consultationId] = token
  else delete tokens[consultationId]
  // Keep the cookie small: at most five unfinished responses per browser.
  const kept = Object.fromEntries(Object.entries(tokens).slice(-5))
  return draftCookie().serialize(kept)
}

/** This browser's unfinished response to the consultation, or null. */
export async function findDraft(request: Request, consultationId: string): Promise<Draft | null> {
  const token = (await readDraftTokens(request))[consultationId]
  if (!token) return null
  const [draft] = await getDb()
    .select()
    .from(responses)
    .where(and(eq(responses.draftTokenHash, hash(token)), eq(responses.consultationId, consultationId), eq(responses.status, 'draft')))
  return draft ?? null
}

/** Starts (or carries on with) this browser's response. Returns the cookie to set. */
/** Starts (or finds) the person's draft; `bslUser` records that they chose to respond in BSL. */
export async function startDraft(request: Request, consultation: Consultation, language: Language, { bslUser = false } = {}) {
  const existing = await findDraft(request, consultation.id)
  if (existing) {
    if (!bslUser || existing.isBslUser) return { draft: existing, cookie: null }
    const [updated] = await getDb().update(responses).set({ isBslUser: true }).where(eq(responses.id, existing.id)).returning()
    return { draft: updated ?? existing, cookie: null }
  }
  const token = newToken()
  // References are short enough to read out on the phone, so two can collide: draw again.
  for (let attempt = 0; attempt < 5; attempt++) {
    const [draft] = await getDb()
      .insert(responses)
      .values({ consultationId: consultation.id, reference: newReference(), draftTokenHash: hash(token), language, ...(bslUser ? { isBslUser: true } : {}) })
      .onConflictDoNothing({ target: responses.reference })
      .returning()
    if (draft) return { draft, cookie: await writeDraftToken(request, consultation.id, token) }
  }
  throw new Error('Could not find a free response reference')
}

export interface RespondentInfo {
  respondentType: 'individual' | 'organisation'
  name: string | null
  organisationName: string | null
  email: string | null
  publishConsent: 'with_name' | 'anonymous' | 'not_published'
  contactConsent: boolean
  isBslUser: boolean | null
}

export async function saveRespondentInfo(draft: Draft, info: RespondentInfo) {
  // An individual's answer has no organisation, whatever the form still held.
  const organisationName = info.respondentType === 'organisation' ? info.organisationName : null
  await getDb()
    .update(responses)
    .set({ ...info, organisationName })
    .where(and(eq(responses.id, draft.id), eq(responses.status, 'draft')))
}

/** Saves the answers given on one page (a question and its follow-up), replacing earlier ones. */
export async function saveAnswers(draft: Draft, given: { questionId: string; answer: AnswerInput }[]) {
  await getDb().transaction(async (tx) => {
    for (const { questionId, answer } of given) {
      if (answer.text === null && answer.choices.length === 0) {
        // An answer given in BSL stays when the words are left empty.
        const mine = and(eq(answers.responseId, draft.id), eq(answers.questionId, questionId))
        await tx.delete(answers).where(and(mine, isNull(answers.mediaId)))
        await tx.update(answers).set({ text: null, choices: [] }).where(mine)
        continue
      }
      await tx
        .insert(answers)
        .values({ responseId: draft.id, questionId, text: answer.text, choices: answer.choices })
        .onConflictDoUpdate({
          target: [answers.responseId, answers.questionId],
          set: { text: answer.text, choices: answer.choices, updatedAt: new Date() },
        })
    }
  })
}

// Inside a transaction, pass it: on PGlite a query outside the open transaction would wait forever.
export async function answersOf(responseId: string, db: Pick<ReturnType<typeof getDb>, 'select'> = getDb()): Promise<Map<string, GivenAnswer>> {
  const rows = await db
    .select({ questionId: answers.questionId, text: answers.text, choices: answers.choices, mediaId: answers.mediaId })
    .from(answers)
    .where(eq(answers.responseId, responseId))
  return new Map(rows.map((row) => [row.questionId, { text: row.text, choices: row.choices, mediaId: row.mediaId }]))
}

/** An answer as given: in words, by choices, or by a BSL video. */
export type GivenAnswer = AnswerInput & { mediaId?: string | null }

/**
 * What still stops the response being sent: the respondent information and required questions
 * (answered in words or in BSL; one BSL video for the whole response answers them all).
 */
export function missingParts(draft: Draft, questions: QuestionView[], given: Map<string, GivenAnswer>, options: { wholeVideo?: boolean } = {}) {
  const missing: string[] = []
  if (!draft.respondentType || !draft.publishConsent) missing.push('about-you')
  for (const question of questions) {
    const answer = given.get(question.id)
    if (question.required && !options.wholeVideo && !answer?.text && !answer?.choices.length && !answer?.mediaId) missing.push(question.id)
  }
  return missing
}

export type SubmitResult =
  | { ok: true; reference: string; email: string | null; alreadySubmitted: boolean }
  | { ok: false; reason: 'closed' | 'incomplete'; missing?: string[] }

/**
 * Sends the response. Exactly once: the draft row *is* the response, so a double click, a retry or
 * a replayed form finds it already submitted and gets the same reference. Refused after closing,
 * by the database's clock, whatever the page showed.
 */
export async function submitDraft(
  consultation: Consultation,
  responseId: string,
  questions: QuestionView[],
  options: { wholeVideo?: boolean } = {},
): Promise<SubmitResult> {
  return getDb().transaction((tx) => submitDraftIn(tx, consultation, responseId, questions, options))
}

/** submitDraft inside a transaction the caller holds, so what goes with sending (the receipt) commits with it. */
export async function submitDraftIn(
  tx: Tx,
  consultation: Consultation,
  responseId: string,
  questions: QuestionView[],
  options: { wholeVideo?: boolean } = {},
): Promise<SubmitResult> {
  const [response] = await tx.select().from(responses).where(eq(responses.id, responseId)).for('update')
  if (!response || response.consultationId !== consultation.id) return { ok: false, reason: 'incomplete' }
  if (response.status === 'submitted') {
    return { ok: true, reference: response.reference, email: response.email, alreadySubmitted: true }
  }
  const [open] = await tx
    .select({
      open: sql<boolean>`${consultations.publishedAt} is not null and ${consultations.retractedAt} is null
        and ${consultations.opensAt} <= now() and now() < ${consultations.closesAt}`,
    })
    .from(consultations)
    .where(eq(consultations.id, consultation.id))
  if (!open?.open) return { ok: false, reason: 'closed' }
  const missing = missingParts(response, questions, await answersOf(response.id, tx), options)
  if (missing.length) return { ok: false, reason: 'incomplete', missing }
  await tx
    .update(responses)
    .set({ status: 'submitted', submittedAt: sql`now()`, draftTokenHash: null, resumeTokenHash: null })
    .where(and(eq(responses.id, response.id), eq(responses.status, 'draft')))
  // The first response fixes the questions: analysis must compare like with like.
  await tx
    .update(consultations)
    .set({ questionsLockedAt: sql`now()` })
    .where(and(eq(consultations.id, consultation.id), isNull(consultations.questionsLockedAt)))
  return { ok: true, reference: response.reference, email: response.email, alreadySubmitted: false }
}

export function forgetDraftCookie(request: Request, consultationId: string) {
  return writeDraftToken(request, consultationId, null)
}

/** A single-use link that brings the draft back on any device, valid until the consultation closes. */
export async function createResumeToken(draft: Draft, email: string) {
  const token = newToken()
  await getDb()
    .update(responses)
    .set({ resumeTokenHash: hash(token), email: draft.email ?? email })
    .where(and(eq(responses.id, draft.id), eq(responses.status, 'draft')))
  return token
}

/** Exchanges a resume link for this browser's draft cookie; the link then stops working. */
export async function resumeDraft(request: Request, consultation: Consultation, token: string) {
  const db = getDb()
  const fresh = newToken()
  const [draft] = await db
    .update(responses)
    .set({ resumeTokenHash: null, draftTokenHash: hash(fresh) })
    .where(
      and(
        eq(responses.resumeTokenHash, hash(token)),
        eq(responses.consultationId, consultation.id),
        eq(responses.status, 'draft'),
      ),
    )
    .returning()
  if (!draft) return null
  return { draft, cookie: await writeDraftToken(request, consultation.id, fresh) }
}

export async function getSubmitted(consultationId: string, reference: string) {
  const [row] = await getDb()
    .select()
    .from(responses)
    .where(and(eq(responses.consultationId, consultationId), eq(responses.reference, reference), eq(responses.status, 'submitted')))
  return row ?? null
}

/** A sent response, found by the id its own check page carried (for repeated submissions). */
export async function findSubmittedById(consultationId: string, responseId: string) {
  if (!/^[0-9a-f-]{36}$/.test(responseId)) return null
  const [row] = await getDb()
    .select({ reference: responses.reference })
    .from(responses)
    .where(and(eq(responses.id, responseId), eq(responses.consultationId, consultationId), eq(responses.status, 'submitted')))
  return row ?? null
}
