import { fieldErrors } from '~/kernel/form-errors'
import { randomUUID } from 'node:crypto'
import { and, asc, eq, inArray, max, ne, sql } from 'drizzle-orm'
import { recordAudit, forbidden } from '~/modules/accounts/index.server'
import type { Actor } from '~/modules/accounts'
import { getDb } from '~/platform/db.server'
import { getFileStore } from '~/platform/storage.server'
import { ConsultationDetailsSchema, type ConsultationDetailsField, type ConsultationDetailsInput, type DocumentInput, DocumentSchema, FOLLOW_UP_PROMPT, hasOwnOptions, isCalendarDate, isFollowUpParentKind, isTextKind, MAX_DOCUMENT_BYTES, normaliseDate, normaliseTime, parseOptionLines, type QuestionField, type QuestionInput, QuestionSchema } from './forms-authoring'
import { isUuid } from '~/kernel/ids'
import { slugify } from '~/kernel/slugs'
import { type BodyDoc, isBodyEmpty, readBodyFromForm } from '~/kernel/rich-text'
import { statusOf } from './lifecycle'
import { londonInstant } from '~/kernel/london-time'
import { canManageConsultations } from './permissions'
import type { QuestionKind } from './questions'
import { answers, consultationDocuments, consultations, questions, type QuestionOption, responses } from './schema'
import type { Translated } from '~/kernel/translated'

type Db = ReturnType<typeof getDb>
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
type FieldErrors<F extends string> = Partial<Record<F, string[]>>
type Invalid<F extends string> = { ok: false; reason: 'invalid'; fieldErrors: FieldErrors<F> }
type NotFound = { ok: false; reason: 'not_found' }
type Locked = { ok: false; reason: 'questions_locked' }

export type BodyDocument = BodyDoc
/** The details form's values, with the consultation paper already read (readBodyFromForm). */
export type ConsultationInput = Omit<ConsultationDetailsInput, 'body'> & { body?: BodyDocument | null }

/** Refuses (403) anyone who may not write consultations: officials and admins may. */
export function assertCanManage(actor: Actor | null | undefined): asserts actor is Actor {
  if (!canManageConsultations(actor)) forbidden()
}

const translated = (en: string, gd?: string | null): Translated => (gd?.trim() ? { en: en.trim(), gd: gd.trim() } : { en: en.trim() })
const optionalTranslated = (en?: string | null, gd?: string | null) => (en?.trim() ? translated(en, gd) : null)

/** Empty form fields count as not given, as conform sends them. */
function given<T extends object>(input: T): T {
  return Object.fromEntries(Object.entries(input).map(([key, value]) => [key, typeof value === 'string' && !value.trim() ? undefined : value])) as T
}

function invalid<F extends string>(fieldErrors: FieldErrors<F>): Invalid<F> {
  return { ok: false, reason: 'invalid', fieldErrors }
}

const isUniqueViolation = (error: unknown) => {
  const cause = (error as { cause?: { code?: string } })?.cause ?? error
  return (cause as { code?: string })?.code === '23505'
}

async function lockConsultation(tx: Tx, id: string) {
  if (!isUuid(id)) return null
  const [row] = await tx.select().from(consultations).where(eq(consultations.id, id)).for('update')
  return row ?? null
}

/** The instants the form's dates mean in Scotland, or the fields that are wrong. */
function consultationDates(input: { opensDate: string; opensTime: string; closesDate: string; closesTime: string }) {
  const errors: FieldErrors<ConsultationDetailsField> = {}
  const instant = (dateField: 'opensDate' | 'closesDate', timeField: 'opensTime' | 'closesTime') => {
    const date = normaliseDate(input[dateField])
    const time = normaliseTime(input[timeField])
    if (!date) errors[dateField] = ['manage:errors.dateFormat']
    else if (!isCalendarDate(date)) errors[dateField] = ['manage:errors.dateImpossible']
    if (!time) errors[timeField] = ['manage:errors.timeFormat']
    if (!date || !time || errors[dateField]) return null
    const at = londonInstant(date, time)
    // A real date with a real time that is still no instant: the hour the clocks skip in spring.
    if (!at) errors[timeField] = ['manage:errors.timeSkipped']
    return at
  }
  const opensAt = instant('opensDate', 'opensTime')
  const closesAt = instant('closesDate', 'closesTime')
  if (opensAt && closesAt && closesAt <= opensAt) errors.closesDate = ['manage:errors.closesBeforeOpens']
  return opensAt && closesAt && !Object.keys(errors).length ? { ok: true as const, opensAt, closesAt } : { ok: false as const, errors }
}

function detailsFrom(input: ConsultationInput) {
  const parsed = ConsultationDetailsSchema.safeParse(given({ ...input, body: undefined }))
  const dates = consultationDates(input)
  if (!parsed.success || !dates.ok) {
    // The form's own checks (missing, badly written) come before what the dates mean.
    const errors = { ...(dates.ok ? {} : dates.errors), ...(parsed.success ? {} : fieldErrors<ConsultationDetailsField>(parsed.error.issues)) }
    return { ok: false as const, errors }
  }
  const value = parsed.data
  const slug = value.slug || slugify(value.titleEn)
  if (!slug) return { ok: false as const, errors: { slug: ['manage:errors.slugMissing'] } }
  return {
    ok: true as const,
    slug,
    values: {
      title: translated(value.titleEn, value.titleGd),
      summary: translated(value.summaryEn, value.summaryGd),
      team: value.team,
      contactEmail: value.contactEmail.toLowerCase(),
      postalAddress: value.postalAddress || null,
      opensAt: dates.opensAt,
      closesAt: dates.closesAt,
      topics: value.topics,
    },
  }
}

/**
 * The consultation paper from the details form: null when left empty, otherwise checked and with
 * block ids kept from `previous`. Errors are translation keys for the body field.
 */
export function readConsultationBody(form: FormData, previous: BodyDoc | null): { ok: true; doc: BodyDoc | null } | { ok: false; error: string } {
  const posted = [form.get('bodyJson'), form.get('bodyText')].some((value) => typeof value === 'string' && value.trim())
  if (!posted) return { ok: true, doc: null }
  const read = readBodyFromForm(form, 'body', previous ?? undefined)
  if (!read.ok) return { ok: false, error: read.reason === 'too_large' ? 'manage:errors.bodyTooLarge' : 'manage:errors.bodyInvalid' }
  return { ok: true, doc: isBodyEmpty(read.doc) ? null : read.doc }
}

const storedBody = (body: BodyDoc | null | undefined) => (body ?? null) as Record<string, unknown> | null

type DetailsOutcome = { ok: true; id: string; slug: string } | Invalid<ConsultationDetailsField>

/** A new draft consultation. Officials and admins only. */
export async function createConsultation(
  actor: Actor,
  input: ConsultationInput,
): Promise<DetailsOutcome> {
  assertCanManage(actor)
  const details = detailsFrom(input)
  if (!details.ok) return invalid(details.errors)
  try {
    return await getDb().transaction(async (tx) => {
      const [created] = await tx
        .insert(consultations)
        .values({ ...details.values, slug: details.slug, body: storedBody(input.body), createdBy: actor.id })
        .onConflictDoNothing({ target: consultations.slug })
        .returning({ id: consultations.id })
      if (!created) return invalid<ConsultationDetailsField>({ slug: ['manage:errors.slugTaken'] })
      await recordAudit(
        { actorId: actor.id, action: 'consultation.created', subjectType: 'consultation', subjectId: created.id, details: { slug: details.slug } },
        tx,
      )
      return { ok: true as const, id: created.id, slug: details.slug }
    })
  } catch (error) {
    if (isUniqueViolation(error)) return invalid({ slug: ['manage:errors.slugTaken'] })
    throw error
  }
}

/**
 * Changes a consultation's details, body and dates. The web address stays as it is once the
 * consultation has been published (people have shared it). Moving a date back into the future
 * means its opening or closing email goes out again when it comes.
 */
export async function updateConsultation(
  actor: Actor,
  id: string,
  input: ConsultationInput,
): Promise<DetailsOutcome | NotFound> {
  assertCanManage(actor)
  const details = detailsFrom(input)
  try {
    return await getDb().transaction(async (tx) => {
      const current = await lockConsultation(tx, id)
      if (!current) return { ok: false as const, reason: 'not_found' as const }
      if (!details.ok) return invalid(details.errors)
      const slug = current.publishedAt ? current.slug : details.slug
      if (slug !== current.slug) {
        const [taken] = await tx
          .select({ id: consultations.id })
          .from(consultations)
          .where(and(eq(consultations.slug, slug), ne(consultations.id, id)))
        if (taken) return invalid<ConsultationDetailsField>({ slug: ['manage:errors.slugTaken'] })
      }
      const now = new Date()
      const { opensAt, closesAt } = details.values
      await tx
        .update(consultations)
        .set({
          ...details.values,
          slug,
          ...(input.body !== undefined ? { body: storedBody(input.body) } : {}),
          ...(opensAt.getTime() !== current.opensAt.getTime() && opensAt > now ? { openedNotifiedAt: null } : {}),
          ...(closesAt.getTime() !== current.closesAt.getTime() && closesAt > now ? { closedNotifiedAt: null } : {}),
        })
        .where(eq(consultations.id, id))
      await recordAudit({ actorId: actor.id, action: 'consultation.updated', subjectType: 'consultation', subjectId: id, details: { slug } }, tx)
      return { ok: true as const, id, slug }
    })
  } catch (error) {
    if (isUniqueViolation(error)) return invalid({ slug: ['manage:errors.slugTaken'] })
    throw error
  }
}

export type LifecycleRefusal = 'not_found' | 'no_questions' | 'already_published' | 'closes_in_past' | 'not_published' | 'already_retracted' | 'not_retracted'

async function changeLifecycle(
  actor: Actor,
  id: string,
  action: 'published' | 'retracted' | 'reinstated',
  check: (current: typeof consultations.$inferSelect, tx: Tx) => Promise<LifecycleRefusal | null>,
  changes: Partial<typeof consultations.$inferInsert>,
): Promise<{ ok: true } | { ok: false; reason: LifecycleRefusal }> {
  assertCanManage(actor)
  return getDb().transaction(async (tx) => {
    const current = await lockConsultation(tx, id)
    if (!current) return { ok: false as const, reason: 'not_found' as const }
    const refusal = await check(current, tx)
    if (refusal) return { ok: false as const, reason: refusal }
    await tx.update(consultations).set(changes).where(eq(consultations.id, id))
    await recordAudit({ actorId: actor.id, action: `consultation.${action}`, subjectType: 'consultation', subjectId: id, details: { slug: current.slug } }, tx)
    return { ok: true as const }
  })
}

/** Makes a draft public: forthcoming, then open and closed by its dates. Needs at least one question. */
export function publishConsultation(actor: Actor, id: string) {
  return changeLifecycle(
    actor,
    id,
    'published',
    async (current, tx) => {
      if (current.publishedAt) return 'already_published'
      if (current.closesAt <= new Date()) return 'closes_in_past'
      const [first] = await tx.select({ id: questions.id }).from(questions).where(eq(questions.consultationId, id)).limit(1)
      return first ? null : 'no_questions'
    },
    { publishedAt: new Date() },
  )
}

/** Takes a published consultation off the public site. Its responses are kept. */
export function retractConsultation(actor: Actor, id: string) {
  return changeLifecycle(
    actor,
    id,
    'retracted',
    async (current) => (!current.publishedAt ? 'not_published' : current.retractedAt ? 'already_retracted' : null),
    { retractedAt: new Date() },
  )
}

/** Puts a retracted consultation back where its dates say it is. */
export function reinstateConsultation(actor: Actor, id: string) {
  return changeLifecycle(actor, id, 'reinstated', async (current) => (current.retractedAt ? null : 'not_retracted'), { retractedAt: null })
}

/**
 * Marks the consultation's analysis as published (its status is derived from this date), inside the
 * caller's transaction so it stands or falls with the report. The first publication's date is kept.
 */
export async function markAnalysisPublished(tx: Tx, actor: Actor, consultationId: string) {
  assertCanManage(actor)
  await tx
    .update(consultations)
    .set({ analysisPublishedAt: sql`coalesce(${consultations.analysisPublishedAt}, now())` })
    .where(eq(consultations.id, consultationId))
}

/** The next unused `<slug>-vN` for a copy. */
async function copySlug(tx: Tx, slug: string) {
  const match = /^(.*)-v(\d+)$/.exec(slug)
  const base = match ? match[1]! : slug
  for (let n = match ? Number(match[2]) + 1 : 2; ; n += 1) {
    const candidate = `${base.slice(0, 75)}-v${n}`
    const [taken] = await tx.select({ id: consultations.id }).from(consultations).where(eq(consultations.slug, candidate))
    if (!taken) return candidate
  }
}

/**
 * A new unpublished draft with the same details, body, documents and questions: the way to change
 * questions once responses have arrived.
 */
export async function copyConsultation(actor: Actor, id: string): Promise<{ ok: true; id: string; slug: string } | NotFound> {
  assertCanManage(actor)
  const db = getDb()
  if (!isUuid(id)) return { ok: false, reason: 'not_found' }
  const documents = await db.select().from(consultationDocuments).where(eq(consultationDocuments.consultationId, id))
  const store = getFileStore()
  const copiedKeys = new Map<string, string>()
  for (const document of documents) {
    const file = await store.get(document.storageKey)
    if (!file) continue
    const key = `documents/${randomUUID()}.${document.storageKey.split('.').pop()}`
    await store.put(key, new Uint8Array(await new Response(file.body).arrayBuffer()))
    copiedKeys.set(document.id, key)
  }
  try {
    return await db.transaction(async (tx) => {
      const source = await lockConsultation(tx, id)
      if (!source) return { ok: false as const, reason: 'not_found' as const }
      const slug = await copySlug(tx, source.slug)
      const [copy] = await tx
        .insert(consultations)
        .values({
          slug,
          title: source.title,
          summary: source.summary,
          body: source.body,
          team: source.team,
          contactEmail: source.contactEmail,
          topics: source.topics,
          postalAddress: source.postalAddress,
          organisationId: source.organisationId,
          opensAt: source.opensAt,
          closesAt: source.closesAt,
          createdBy: actor.id,
        })
        .returning({ id: consultations.id })
      const rows = await tx.select().from(questions).where(eq(questions.consultationId, id)).orderBy(asc(questions.position), asc(questions.createdAt))
      const newIds = new Map(rows.map((row) => [row.id, randomUUID()]))
      // Parents first, so each follow-up's reference exists when it is inserted.
      for (const row of [...rows.filter((r) => !r.followUpOf), ...rows.filter((r) => r.followUpOf)]) {
        await tx.insert(questions).values({
          id: newIds.get(row.id)!,
          consultationId: copy!.id,
          position: row.position,
          section: row.section,
          kind: row.kind,
          prompt: row.prompt,
          help: row.help,
          options: row.options,
          required: row.required,
          followUpOf: row.followUpOf ? (newIds.get(row.followUpOf) ?? null) : null,
          charLimit: row.charLimit,
          bslMediaId: row.bslMediaId,
        })
      }
      for (const document of documents) {
        const key = copiedKeys.get(document.id)
        if (!key) continue
        const { id: _id, createdAt: _createdAt, ...rest } = document
        await tx.insert(consultationDocuments).values({ ...rest, consultationId: copy!.id, storageKey: key })
      }
      await recordAudit(
        { actorId: actor.id, action: 'consultation.copied', subjectType: 'consultation', subjectId: copy!.id, details: { from: id, slug } },
        tx,
      )
      return { ok: true as const, id: copy!.id, slug }
    })
  } catch (error) {
    for (const key of copiedKeys.values()) await store.remove(key)
    throw error
  }
}

// ---- Questions -------------------------------------------------------------------------------

type QuestionRow = typeof questions.$inferSelect

async function questionsOf(tx: Tx, consultationId: string) {
  return tx.select().from(questions).where(eq(questions.consultationId, consultationId)).orderBy(asc(questions.position), asc(questions.createdAt))
}

/** Positions 1…n, each follow-up straight after its question. */
async function renumber(tx: Tx, ordered: QuestionRow[]) {
  const parents = ordered.filter((q) => !q.followUpOf)
  const children = new Map(ordered.filter((q) => q.followUpOf).map((q) => [q.followUpOf!, q]))
  const sequence = parents.flatMap((q) => [q, ...(children.has(q.id) ? [children.get(q.id)!] : [])])
  for (const [index, question] of sequence.entries()) {
    if (question.position !== index + 1) await tx.update(questions).set({ position: index + 1 }).where(eq(questions.id, question.id))
  }
}

/** Opens a change to a consultation's questions: refused once the first response is in. */
async function openQuestions(tx: Tx, consultationId: string) {
  const consultation = await lockConsultation(tx, consultationId)
  if (!consultation) return { ok: false as const, reason: 'not_found' as const }
  if (consultation.questionsLockedAt) return { ok: false as const, reason: 'questions_locked' as const }
  return { ok: true as const, consultation, list: await questionsOf(tx, consultationId) }
}

function questionValues(input: QuestionInput, kind: QuestionKind, existing: QuestionOption[]) {
  const parsed = QuestionSchema.safeParse(given(input))
  if (!parsed.success) return { ok: false as const, errors: fieldErrors<QuestionField>(parsed.error.issues) }
  const value = parsed.data
  let options: QuestionOption[] = []
  if (hasOwnOptions(kind)) {
    const lines = parseOptionLines(value.options ?? '', existing)
    if (!lines.ok) return { ok: false as const, errors: { options: [lines.error] } as FieldErrors<QuestionField> }
    options = lines.options
  }
  return {
    ok: true as const,
    values: {
      kind,
      prompt: translated(value.promptEn, value.promptGd),
      help: optionalTranslated(value.helpEn, value.helpGd),
      section: optionalTranslated(value.sectionEn, value.sectionGd),
      required: value.required ?? false,
      options,
      charLimit: isTextKind(kind) && value.charLimit ? Number(value.charLimit) : null,
    },
  }
}

type QuestionOutcome = { ok: true; id: string } | Invalid<QuestionField> | NotFound | Locked

/**
 * Adds a question at the end, or, with `followUpOf`, a "Please explain your answer" follow-up
 * (long text) straight after the closed question it belongs to.
 */
export async function addQuestion(actor: Actor, consultationId: string, input: QuestionInput): Promise<QuestionOutcome> {
  assertCanManage(actor)
  return getDb().transaction(async (tx) => {
    const opened = await openQuestions(tx, consultationId)
    if (!opened.ok) return opened
    const parent = input.followUpOf ? opened.list.find((q) => q.id === input.followUpOf) : undefined
    if (input.followUpOf) {
      const fine = parent && !parent.followUpOf && isFollowUpParentKind(parent.kind) && !opened.list.some((q) => q.followUpOf === parent.id)
      if (!fine) return invalid<QuestionField>({ followUpOf: ['manage:errors.followUpInvalid'] })
    }
    const kind = parent ? 'long_text' : input.kind
    if (!kind) return invalid<QuestionField>({ kind: ['manage:errors.kindMissing'] })
    const prompt = parent && !input.promptEn?.trim() ? { promptEn: FOLLOW_UP_PROMPT.en, promptGd: FOLLOW_UP_PROMPT.gd } : {}
    const built = questionValues({ ...input, ...prompt, kind }, kind, [])
    if (!built.ok) return invalid(built.errors)
    let position = (opened.list.at(-1)?.position ?? 0) + 1
    if (parent) {
      position = parent.position + 1
      for (const later of opened.list.filter((q) => q.position >= position).reverse()) {
        await tx.update(questions).set({ position: later.position + 1 }).where(eq(questions.id, later.id))
      }
    }
    const [created] = await tx
      .insert(questions)
      .values({ ...built.values, consultationId, position, followUpOf: parent?.id ?? null })
      .returning({ id: questions.id })
    await recordAudit(
      { actorId: actor.id, action: 'question.added', subjectType: 'question', subjectId: created!.id, details: { consultationId, kind, followUpOf: parent?.id ?? null } },
      tx,
    )
    return { ok: true as const, id: created!.id }
  })
}

/** Changes a question. A follow-up stays a long text question; a question with a follow-up stays a closed one. */
export async function updateQuestion(actor: Actor, consultationId: string, questionId: string, input: QuestionInput): Promise<QuestionOutcome> {
  assertCanManage(actor)
  return getDb().transaction(async (tx) => {
    const opened = await openQuestions(tx, consultationId)
    if (!opened.ok) return opened
    const current = opened.list.find((q) => q.id === questionId)
    if (!current) return { ok: false as const, reason: 'not_found' as const }
    const kind = current.followUpOf ? 'long_text' : (input.kind ?? current.kind)
    if (!isFollowUpParentKind(kind) && opened.list.some((q) => q.followUpOf === questionId)) {
      return invalid<QuestionField>({ kind: ['manage:errors.kindHasFollowUp'] })
    }
    const built = questionValues({ ...input, kind, followUpOf: undefined }, kind, current.options)
    if (!built.ok) return invalid(built.errors)
    await tx.update(questions).set(built.values).where(eq(questions.id, questionId))
    await recordAudit({ actorId: actor.id, action: 'question.updated', subjectType: 'question', subjectId: questionId, details: { consultationId, kind } }, tx)
    return { ok: true as const, id: questionId }
  })
}

/**
 * Deletes a question (and its follow-up). Unfinished responses lose their answers to it; there are
 * no sent ones, or the questions would be locked.
 */
export async function deleteQuestion(actor: Actor, consultationId: string, questionId: string): Promise<{ ok: true } | NotFound | Locked> {
  assertCanManage(actor)
  return getDb().transaction(async (tx) => {
    const opened = await openQuestions(tx, consultationId)
    if (!opened.ok) return opened
    const current = opened.list.find((q) => q.id === questionId)
    if (!current) return { ok: false as const, reason: 'not_found' as const }
    const doomed = [questionId, ...opened.list.filter((q) => q.followUpOf === questionId).map((q) => q.id)]
    const drafts = tx.select({ id: responses.id }).from(responses).where(and(eq(responses.consultationId, consultationId), eq(responses.status, 'draft')))
    await tx.delete(answers).where(and(inArray(answers.questionId, doomed), inArray(answers.responseId, drafts)))
    await tx.delete(questions).where(eq(questions.id, questionId))
    await renumber(tx, opened.list.filter((q) => q.id !== questionId && q.followUpOf !== questionId))
    await recordAudit(
      { actorId: actor.id, action: 'question.deleted', subjectType: 'question', subjectId: questionId, details: { consultationId, prompt: current.prompt.en } },
      tx,
    )
    return { ok: true as const }
  })
}

/** Moves a question (with its follow-up) one place up or down. Follow-ups move with their question. */
export async function moveQuestion(
  actor: Actor,
  consultationId: string,
  questionId: string,
  direction: 'up' | 'down',
): Promise<{ ok: true } | NotFound | Locked | { ok: false; reason: 'cannot_move' }> {
  assertCanManage(actor)
  return getDb().transaction(async (tx) => {
    const opened = await openQuestions(tx, consultationId)
    if (!opened.ok) return opened
    const current = opened.list.find((q) => q.id === questionId)
    if (!current) return { ok: false as const, reason: 'not_found' as const }
    const units = opened.list.filter((q) => !q.followUpOf).map((q) => [q, ...opened.list.filter((f) => f.followUpOf === q.id)])
    const index = units.findIndex(([q]) => q!.id === questionId)
    const target = direction === 'up' ? index - 1 : index + 1
    if (index < 0 || target < 0 || target >= units.length) return { ok: false as const, reason: 'cannot_move' as const }
    ;[units[index], units[target]] = [units[target]!, units[index]!]
    await renumber(tx, units.flat())
    await recordAudit({ actorId: actor.id, action: 'question.moved', subjectType: 'question', subjectId: questionId, details: { consultationId, direction } }, tx)
    return { ok: true as const }
  })
}

// ---- Documents -------------------------------------------------------------------------------

const MIME = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  txt: 'text/plain; charset=utf-8',
} as const
type FileKind = keyof typeof MIME

const startsWith = (bytes: Uint8Array, text: string, offset = 0) =>
  bytes.length >= offset + text.length && [...text].every((c, i) => bytes[offset + i] === c.charCodeAt(0))

function containsAscii(bytes: Uint8Array, text: string) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(text, 0, 'latin1')
}

/** What a file is, from its bytes: its name and the browser's word for it are not trusted. */
export function detectFileKind(bytes: Uint8Array): FileKind | null {
  if (startsWith(bytes, '%PDF-')) return 'pdf'
  if (startsWith(bytes, 'PK\x03\x04')) {
    // OpenDocument stores its type uncompressed as the first entry; Word's has a word/ folder.
    if (startsWith(bytes, 'mimetype', 30) && startsWith(bytes, 'application/vnd.oasis.opendocument.text', 38)) return 'odt'
    if (containsAscii(bytes, '[Content_Types].xml') && containsAscii(bytes, 'word/')) return 'docx'
    return null
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text) ? null : 'txt'
  } catch {
    return null
  }
}

/** A name safe to offer for download: letters, digits, spaces and a few marks, with our extension. */
export function safeFileName(name: string, extension: string) {
  // Browsers send `"` and line breaks in a file name as %22, %0A and %0D.
  const base = name
    .replace(/%22/g, '"')
    .replace(/%0[ad]/gi, ' ')
    .replace(/\.[^.]*$/, '')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ()_-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100)
  return `${base || 'document'}.${extension}`
}

export type DocumentRefusal = 'file_missing' | 'file_too_large' | 'file_type'

/**
 * Stores an attachment: PDF, Word (.docx) or OpenDocument (.odt), up to 20 MB; plain text only as
 * an Easy Read version. The type comes from the content, and a name claiming another type is refused.
 */
export async function addDocument(
  actor: Actor,
  consultationId: string,
  file: File | null | undefined,
  input: DocumentInput,
): Promise<{ ok: true; id: string } | NotFound | Invalid<keyof DocumentInput> | { ok: false; reason: DocumentRefusal }> {
  assertCanManage(actor)
  if (!isUuid(consultationId)) return { ok: false, reason: 'not_found' }
  const parsed = DocumentSchema.safeParse(input)
  if (!parsed.success) return invalid(fieldErrors<keyof DocumentInput>(parsed.error.issues))
  if (!file || file.size === 0) return { ok: false, reason: 'file_missing' }
  if (file.size > MAX_DOCUMENT_BYTES) return { ok: false, reason: 'file_too_large' }
  const bytes = new Uint8Array(await file.arrayBuffer())
  const kind = detectFileKind(bytes)
  const claimed = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase()
  const plausible = kind && (!claimed || claimed === kind || (kind === 'txt' && claimed === 'text'))
  if (!kind || !plausible || (kind === 'txt' && parsed.data.kind !== 'easy_read')) return { ok: false, reason: 'file_type' }
  const key = `documents/${randomUUID()}.${kind}`
  const store = getFileStore()
  await store.put(key, bytes)
  try {
    return await getDb().transaction(async (tx) => {
      const consultation = await lockConsultation(tx, consultationId)
      if (!consultation) {
        await store.remove(key)
        return { ok: false as const, reason: 'not_found' as const }
      }
      const [last] = await tx
        .select({ position: max(consultationDocuments.position) })
        .from(consultationDocuments)
        .where(eq(consultationDocuments.consultationId, consultationId))
      const [created] = await tx
        .insert(consultationDocuments)
        .values({
          consultationId,
          kind: parsed.data.kind,
          title: translated(parsed.data.titleEn, parsed.data.titleGd),
          storageKey: key,
          fileName: safeFileName(file.name, kind),
          mime: MIME[kind],
          bytes: bytes.byteLength,
          position: (last?.position ?? 0) + 1,
        })
        .returning({ id: consultationDocuments.id })
      await recordAudit(
        { actorId: actor.id, action: 'document.added', subjectType: 'consultation', subjectId: consultationId, details: { documentId: created!.id, kind: parsed.data.kind, bytes: bytes.byteLength } },
        tx,
      )
      return { ok: true as const, id: created!.id }
    })
  } catch (error) {
    await store.remove(key)
    throw error
  }
}

/** Removes an attachment and its file. */
export async function removeDocument(actor: Actor, consultationId: string, documentId: string): Promise<{ ok: true } | NotFound> {
  assertCanManage(actor)
  if (!isUuid(consultationId) || !isUuid(documentId)) return { ok: false, reason: 'not_found' }
  const removed = await getDb().transaction(async (tx) => {
    const [document] = await tx
      .delete(consultationDocuments)
      .where(and(eq(consultationDocuments.id, documentId), eq(consultationDocuments.consultationId, consultationId)))
      .returning()
    if (!document) return null
    await recordAudit(
      { actorId: actor.id, action: 'document.removed', subjectType: 'consultation', subjectId: consultationId, details: { documentId, fileName: document.fileName } },
      tx,
    )
    return document
  })
  if (!removed) return { ok: false, reason: 'not_found' }
  // After the commit: a file left behind by a crash here is harmless; a row without its file is not.
  await getFileStore().remove(removed.storageKey)
  return { ok: true }
}

/**
 * A document and its file for download: anyone may have those of a published, not retracted
 * consultation; officials and admins may have every one. Null when there is none to give.
 */
export async function openDocument(viewer: Actor | null, documentId: string) {
  if (!isUuid(documentId)) return null
  const [row] = await getDb()
    .select({ document: consultationDocuments, consultation: consultations })
    .from(consultationDocuments)
    .innerJoin(consultations, eq(consultations.id, consultationDocuments.consultationId))
    .where(eq(consultationDocuments.id, documentId))
  if (!row) return null
  const status = statusOf(row.consultation)
  const isPublic = status !== 'draft' && status !== 'retracted'
  if (!isPublic && !canManageConsultations(viewer)) return null
  const file = await getFileStore().get(row.document.storageKey)
  if (!file) return null
  return { document: row.document, file, isPublic }
}

