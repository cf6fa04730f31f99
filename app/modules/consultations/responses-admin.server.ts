import { firstFieldErrors } from '~/kernel/form-errors'
import { randomUUID } from 'node:crypto'
import { and, asc, count, desc, eq, gte, inArray, isNull, lt, type SQL } from 'drizzle-orm'
import { DateTime } from 'luxon'
import { z } from 'zod'
import { forbidden, recordAudit, findPeople } from '~/modules/accounts/index.server'
import { isUuid } from '~/kernel/ids'
import type { Actor } from '~/modules/accounts'
import { dateText } from '~/platform/dates'
import { getDb } from '~/platform/db.server'
import { statusOf } from './lifecycle'
import { londonInstant, ZONE } from '~/kernel/london-time'
import { canManageConsultations, canSeePersonalData } from './permissions'
import { getConsultationById, listQuestions } from './queries.server'
import { optionsOf, type QuestionView, translate, validateAnswer } from './questions'
import { newReference } from './references'
import { answers, consultations, publishConsent, respondentType, responseChannel, responses } from './schema'

export const RESPONSES_PAGE_SIZE = 50
export const channels = responseChannel.enumValues
export const offlineChannels = ['email', 'post', 'event'] as const
export const respondentTypes = respondentType.enumValues
export const consents = publishConsent.enumValues

export type Channel = (typeof channels)[number]
export type OfflineChannel = (typeof offlineChannels)[number]

const optionalDate = dateText('responses:errors.dateFormat').optional()

export const ResponseFilterSchema = z
  .object({
    type: z.enum(respondentTypes, { message: 'responses:errors.invalidChoice' }).optional(),
    channel: z.enum(channels, { message: 'responses:errors.invalidChoice' }).optional(),
    consent: z.enum(consents, { message: 'responses:errors.invalidChoice' }).optional(),
    from: optionalDate,
    to: optionalDate,
    withdrawn: z.literal('yes', { message: 'responses:errors.invalidChoice' }).optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], message: 'responses:errors.dateOrder' })

export type ResponseFilters = z.infer<typeof ResponseFilterSchema>
export const filterNames = ['type', 'channel', 'consent', 'from', 'to', 'withdrawn'] as const
export type FilterName = (typeof filterNames)[number]

/**
 * The filters in a query string, as given (for the form and for links) and, when they make sense,
 * checked; a bad value is a field error (a translation key), never an exception.
 */
export function parseResponseFilters(search: URLSearchParams) {
  const query = Object.fromEntries(filterNames.map((name) => [name, (search.get(name) ?? '').trim().slice(0, 40)])) as Record<FilterName, string>
  const parsed = ResponseFilterSchema.safeParse(Object.fromEntries(Object.entries(query).filter(([, value]) => value)))
  if (parsed.success) return { ok: true as const, query, filters: parsed.data }
  return { ok: false as const, query, errors: firstFieldErrors<FilterName>(parsed.error.issues) }
}

/** Today's date in Scotland, YYYY-MM-DD. */
export const todayInLondon = () => DateTime.now().setZone(ZONE).toISODate()!

const londonDay = (date: string, plusDays = 0) => DateTime.fromISO(date, { zone: ZONE }).plus({ days: plusDays }).toJSDate()

/** Which responses of a consultation the filters select. Drafts are never among them. */
export function filterConditions(consultationId: string, filters: ResponseFilters) {
  const where: SQL[] = [
    eq(responses.consultationId, consultationId),
    filters.withdrawn ? inArray(responses.status, ['submitted', 'withdrawn']) : eq(responses.status, 'submitted'),
  ]
  if (filters.type) where.push(eq(responses.respondentType, filters.type))
  if (filters.channel) where.push(eq(responses.channel, filters.channel))
  if (filters.consent) where.push(eq(responses.publishConsent, filters.consent))
  if (filters.from) where.push(gte(responses.submittedAt, londonDay(filters.from)))
  // "To" includes the whole of that day in Scotland.
  if (filters.to) where.push(lt(responses.submittedAt, londonDay(filters.to, 1)))
  return and(...where)!
}

/** A consultation an official may manage, or null for an unknown or malformed id. */
export async function findManagedConsultation(actor: Actor, consultationId: string) {
  if (!canManageConsultations(actor)) forbidden()
  return isUuid(consultationId) ? getConsultationById(consultationId) : null
}

export interface NumberedQuestion extends QuestionView {
  /** "3" for a question, "3a" for its first follow-up */
  number: string
}

/** Questions in reading order, numbered, each follow-up straight after the question it follows. */
export function numberQuestions(questions: QuestionView[]): NumberedQuestion[] {
  const ids = new Set(questions.map((q) => q.id))
  const main = questions.filter((q) => !q.followUpOf || !ids.has(q.followUpOf))
  return main.flatMap((question, index) => [
    { ...question, number: String(index + 1) },
    ...questions
      .filter((q) => q.followUpOf === question.id)
      .map((q, i) => ({ ...q, number: `${index + 1}${String.fromCharCode(97 + (i % 26))}` })),
  ])
}

/**
 * Submitted (and, if asked, withdrawn) responses to a consultation, newest first, 50 to a page,
 * with how many were submitted through each channel. Officials and admins only; null if there is
 * no such consultation.
 */
export async function listResponses(actor: Actor, consultationId: string, filters: ResponseFilters, page = 1) {
  const consultation = await findManagedConsultation(actor, consultationId)
  if (!consultation) return null
  const db = getDb()
  const where = filterConditions(consultation.id, filters)
  const [[{ total } = { total: 0 }], rows, tally] = await Promise.all([
    db.select({ total: count() }).from(responses).where(where),
    db
      .select({
        id: responses.id,
        reference: responses.reference,
        submittedAt: responses.submittedAt,
        respondentType: responses.respondentType,
        name: responses.name,
        organisationName: responses.organisationName,
        channel: responses.channel,
        publishConsent: responses.publishConsent,
        status: responses.status,
      })
      .from(responses)
      .where(where)
      .orderBy(desc(responses.submittedAt), asc(responses.reference))
      .limit(RESPONSES_PAGE_SIZE)
      .offset((Math.max(1, page) - 1) * RESPONSES_PAGE_SIZE),
    db
      .select({ channel: responses.channel, status: responses.status, n: count() })
      .from(responses)
      .where(and(eq(responses.consultationId, consultation.id), inArray(responses.status, ['submitted', 'withdrawn'])))
      .groupBy(responses.channel, responses.status),
  ])
  const personal = canSeePersonalData(actor)
  const byChannel = Object.fromEntries(channels.map((c) => [c, 0])) as Record<Channel, number>
  for (const row of tally) if (row.status === 'submitted') byChannel[row.channel] += row.n
  return {
    consultation,
    showPersonalData: personal,
    responses: rows.map(({ name, organisationName, ...row }) => ({
      ...row,
      respondent: personal ? (row.respondentType === 'organisation' ? organisationName || name : name || organisationName) || null : null,
    })),
    total,
    page: Math.max(1, page),
    pageCount: Math.max(1, Math.ceil(total / RESPONSES_PAGE_SIZE)),
    summary: {
      submitted: Object.values(byChannel).reduce((a, b) => a + b, 0),
      withdrawn: tally.filter((row) => row.status === 'withdrawn').reduce((a, row) => a + row.n, 0),
      byChannel,
    },
  }
}

export interface AnswerView {
  text: string | null
  choices: string[]
  hasVideo: boolean
  interpretation: string | null
}

/**
 * One submitted or withdrawn response in full: the Respondent Information, who entered it, and
 * every question with its answer (choice labels in `language`), follow-ups under their question.
 * Null for drafts, unknown ids and responses to another consultation. Officials and admins only.
 */
export async function getResponse(actor: Actor, consultationId: string, responseId: string, language: string) {
  const consultation = await findManagedConsultation(actor, consultationId)
  if (!consultation || !isUuid(responseId)) return null
  const db = getDb()
  const [row] = await db
    .select({ response: responses })
    .from(responses)
    .where(and(eq(responses.id, responseId), eq(responses.consultationId, consultation.id), inArray(responses.status, ['submitted', 'withdrawn'])))
  if (!row) return null
  const [questions, given, enteredBy] = await Promise.all([
    listQuestions(consultation.id),
    db.select().from(answers).where(eq(answers.responseId, responseId)),
    findPeople(row.response.enteredBy ? [row.response.enteredBy] : []),
  ])
  const byQuestion = new Map(given.map((a) => [a.questionId, a]))
  const answerTo = (question: QuestionView): AnswerView | null => {
    const answer = byQuestion.get(question.id)
    if (!answer || (!answer.text && !answer.choices.length && !answer.mediaId && !answer.interpretation)) return null
    const labels = new Map(optionsOf(question).map((o) => [o.value, translate(o.label, language)]))
    return {
      text: answer.text,
      choices: answer.choices.map((c) => labels.get(c) ?? c),
      hasVideo: Boolean(answer.mediaId),
      interpretation: answer.interpretation,
    }
  }
  const numbered = numberQuestions(questions).map((q) => ({
    id: q.id,
    number: q.number,
    prompt: translate(q.prompt, language),
    followUpOf: q.followUpOf,
    answer: answerTo(q),
  }))
  const personal = canSeePersonalData(actor)
  const { response } = row
  return {
    consultation,
    response: {
      id: response.id,
      reference: response.reference,
      status: response.status,
      channel: response.channel,
      submittedAt: response.submittedAt,
      withdrawnAt: response.withdrawnAt,
      withdrawnReason: response.withdrawnReason,
      respondentType: response.respondentType,
      publishConsent: response.publishConsent,
      contactConsent: response.contactConsent,
      isBslUser: response.isBslUser,
      name: personal ? response.name : null,
      organisationName: personal ? response.organisationName : null,
      email: personal ? response.email : null,
      enteredBy: response.enteredBy ? (enteredBy.get(response.enteredBy)?.displayName ?? enteredBy.get(response.enteredBy)?.email ?? null) : null,
    },
    showPersonalData: personal,
    questions: numbered
      .filter((q) => !q.followUpOf || !numbered.some((p) => p.id === q.followUpOf))
      .map((q) => ({ ...q, followUps: numbered.filter((f) => f.followUpOf === q.id) })),
  }
}

/**
 * Withdraws a submitted response at the respondent's request: it stays on record, marked, and
 * leaves exports and counts. Officials and admins only.
 */
export async function withdrawResponse(
  actor: Actor,
  consultationId: string,
  responseId: string,
  reason: string,
): Promise<{ ok: true; reference: string } | { ok: false; reason: 'not_found' | 'already_withdrawn' }> {
  const consultation = await findManagedConsultation(actor, consultationId)
  if (!consultation || !isUuid(responseId)) return { ok: false, reason: 'not_found' }
  return getDb().transaction(async (tx) => {
    const mine = and(eq(responses.id, responseId), eq(responses.consultationId, consultation.id))
    const [withdrawn] = await tx
      .update(responses)
      .set({ status: 'withdrawn', withdrawnAt: new Date(), withdrawnReason: reason })
      .where(and(mine, eq(responses.status, 'submitted')))
      .returning({ reference: responses.reference })
    if (!withdrawn) {
      const [existing] = await tx.select({ status: responses.status }).from(responses).where(mine)
      return { ok: false, reason: existing?.status === 'withdrawn' ? 'already_withdrawn' : 'not_found' } as const
    }
    await recordAudit(
      {
        actorId: actor.id,
        action: 'response.withdrawn',
        subjectType: 'response',
        subjectId: responseId,
        details: { consultationId: consultation.id, reference: withdrawn.reference },
      },
      tx,
    )
    return { ok: true, reference: withdrawn.reference } as const
  })
}

/** What the form for entering a response needs, with a fresh idempotency key; null if no such consultation. */
export async function prepareResponseEntry(actor: Actor, consultationId: string) {
  const consultation = await findManagedConsultation(actor, consultationId)
  if (!consultation) return null
  return { consultation, questions: numberQuestions(await listQuestions(consultation.id)), idempotencyKey: randomUUID() }
}

export interface EnteredResponse {
  idempotencyKey: string
  channel: OfflineChannel
  /** YYYY-MM-DD, the day it arrived (Europe/London) */
  receivedOn: string
  respondentType: 'individual' | 'organisation'
  name?: string | null
  organisationName?: string | null
  email?: string | null
  publishConsent: 'with_name' | 'anonymous' | 'not_published'
  contactConsent: boolean
  isBslUser?: boolean | null
  /** Raw answers by question id, checked here with validateAnswer. */
  answers: Record<string, { text?: unknown; choices?: unknown }>
}

export type EntryOutcome =
  | { ok: true; created: boolean; consultationId: string; responseId: string; reference: string }
  | { ok: false; reason: 'not_found' | 'not_published' | 'bad_date' }
  | { ok: false; reason: 'invalid_answers'; errors: Record<string, { error: string; limit?: number }> }

/**
 * Records a response that came by email, post or at an event, as submitted on the day it arrived
 * (at noon in Scotland), with its answers, in one transaction. The same idempotency key twice
 * gives back the first response: a double click or a replayed form makes exactly one. The first
 * submitted response locks the questions. Officials and admins only.
 */
export async function enterResponse(actor: Actor, consultationId: string, input: EnteredResponse): Promise<EntryOutcome> {
  const consultation = await findManagedConsultation(actor, consultationId)
  if (!consultation) return { ok: false, reason: 'not_found' }
  const existing = await findByIdempotencyKey(input.idempotencyKey)
  if (existing) return { ok: true, created: false, ...existing }
  if (['draft', 'retracted'].includes(statusOf(consultation))) return { ok: false, reason: 'not_published' }
  const submittedAt = londonInstant(input.receivedOn, '12:00')
  if (!submittedAt || input.receivedOn > todayInLondon()) return { ok: false, reason: 'bad_date' }

  const questions = await listQuestions(consultation.id)
  const errors: Record<string, { error: string; limit?: number }> = {}
  const checked: { questionId: string; text: string | null; choices: string[] }[] = []
  for (const question of questions) {
    const result = validateAnswer(question, input.answers[question.id] ?? {})
    if (!result.ok) errors[question.id] = { error: result.error, ...('limit' in result ? { limit: result.limit } : {}) }
    else if (result.answer.text || result.answer.choices.length) checked.push({ questionId: question.id, ...result.answer })
  }
  if (Object.keys(errors).length) return { ok: false, reason: 'invalid_answers', errors }

  return getDb().transaction(async (tx) => {
    let created: { id: string; reference: string } | undefined
    // ON CONFLICT DO NOTHING covers both unique keys: a reference that is already taken (try
    // another) and a concurrent submit of the same form (it won; hand back its response).
    for (let attempt = 0; !created && attempt < 5; attempt++) {
      const [inserted] = await tx
        .insert(responses)
        .values({
          consultationId: consultation.id,
          reference: newReference(),
          status: 'submitted',
          channel: input.channel,
          respondentType: input.respondentType,
          name: input.name || null,
          organisationName: input.organisationName || null,
          email: input.email || null,
          publishConsent: input.publishConsent,
          contactConsent: input.contactConsent,
          isBslUser: input.isBslUser ?? null,
          idempotencyKey: input.idempotencyKey,
          enteredBy: actor.id,
          submittedAt,
        })
        .onConflictDoNothing()
        .returning({ id: responses.id, reference: responses.reference })
      created = inserted
      if (!created) {
        const [winner] = await tx
          .select({ consultationId: responses.consultationId, responseId: responses.id, reference: responses.reference })
          .from(responses)
          .where(eq(responses.idempotencyKey, input.idempotencyKey))
        if (winner) return { ok: true, created: false, ...winner } as const
      }
    }
    if (!created) throw new Error('Could not find an unused response reference')
    if (checked.length) await tx.insert(answers).values(checked.map((a) => ({ ...a, responseId: created.id })))
    await tx
      .update(consultations)
      .set({ questionsLockedAt: new Date() })
      .where(and(eq(consultations.id, consultation.id), isNull(consultations.questionsLockedAt)))
    await recordAudit(
      {
        actorId: actor.id,
        action: 'response.entered',
        subjectType: 'response',
        subjectId: created.id,
        details: { consultationId: consultation.id, reference: created.reference, channel: input.channel },
      },
      tx,
    )
    return { ok: true, created: true, consultationId: consultation.id, responseId: created.id, reference: created.reference } as const
  })
}

async function findByIdempotencyKey(key: string) {
  const [row] = await getDb()
    .select({ consultationId: responses.consultationId, responseId: responses.id, reference: responses.reference })
    .from(responses)
    .where(eq(responses.idempotencyKey, key))
  return row ?? null
}
