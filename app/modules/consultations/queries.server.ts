import { and, asc, count, desc, eq, gt, ilike, isNotNull, isNull, lte, or, sql } from 'drizzle-orm'
import { getDb } from '~/platform/db.server'
import { publicRead, thisMinute } from '~/platform/public-reads.server'
import { type ConsultationStatus, statusOf } from './lifecycle'
import type { QuestionView } from './questions'
import { consultationDocuments, consultations, questions, responses } from './schema'

export type Consultation = typeof consultations.$inferSelect

const publicColumns = {
  id: consultations.id,
  slug: consultations.slug,
  title: consultations.title,
  summary: consultations.summary,
  opensAt: consultations.opensAt,
  closesAt: consultations.closesAt,
  publishedAt: consultations.publishedAt,
  retractedAt: consultations.retractedAt,
  analysisPublishedAt: consultations.analysisPublishedAt,
  team: consultations.team,
}

const isPublic = and(isNotNull(consultations.publishedAt), isNull(consultations.retractedAt))

export type PublicTab = 'open' | 'forthcoming' | 'closed'

/** Published consultations in one tab (open, forthcoming or closed), searchable by title and summary. */
export function listPublicConsultations(options: { tab: PublicTab; q?: string; page?: number; pageSize?: number }) {
  if (options.q?.trim()) return readPublicConsultations(options, new Date())
  // The lists without a search are the same for everyone: kept for the minute (tabs move with time).
  const minute = thisMinute()
  return publicRead(['consultations'], `consultations:${JSON.stringify([options.tab, options.page, options.pageSize])}:${minute.getTime()}`, () =>
    readPublicConsultations(options, minute),
  )
}

async function readPublicConsultations(options: { tab: PublicTab; q?: string; page?: number; pageSize?: number }, now: Date) {
  const tabCondition = {
    open: and(lte(consultations.opensAt, now), gt(consultations.closesAt, now)),
    forthcoming: gt(consultations.opensAt, now),
    closed: lte(consultations.closesAt, now),
  }[options.tab]
  const search = options.q?.trim()
  const pattern = search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null
  const where = and(
    isPublic,
    tabCondition,
    pattern
      ? or(
          ilike(sql`${consultations.title}->>'en'`, pattern),
          ilike(sql`coalesce(${consultations.title}->>'gd', '')`, pattern),
          ilike(sql`${consultations.summary}->>'en'`, pattern),
          ilike(sql`coalesce(${consultations.summary}->>'gd', '')`, pattern),
        )
      : undefined,
  )
  const pageSize = options.pageSize ?? 20
  const page = Math.max(1, options.page ?? 1)
  const db = getDb()
  const order = options.tab === 'closed' ? desc(consultations.closesAt) : asc(consultations.closesAt)
  const [rows, [total]] = await Promise.all([
    db.select(publicColumns).from(consultations).where(where).orderBy(order).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ n: count() }).from(consultations).where(where),
  ])
  return { consultations: rows, total: total?.n ?? 0, page, pageCount: Math.max(1, Math.ceil((total?.n ?? 0) / pageSize)) }
}

export function countPublicByTab() {
  return publicRead(['consultations'], `consultation-tabs:${thisMinute().getTime()}`, readCountByTab)
}

async function readCountByTab() {
  const [row] = await getDb()
    .select({
      open: sql<number>`count(*) filter (where ${consultations.opensAt} <= now() and ${consultations.closesAt} > now())`.mapWith(Number),
      forthcoming: sql<number>`count(*) filter (where ${consultations.opensAt} > now())`.mapWith(Number),
      closed: sql<number>`count(*) filter (where ${consultations.closesAt} <= now())`.mapWith(Number),
    })
    .from(consultations)
    .where(isPublic)
  return row ?? { open: 0, forthcoming: 0, closed: 0 }
}

/** A consultation the public may see (published, not retracted), with its documents; or null. */
export async function getPublicConsultation(slug: string) {
  // Read by everyone who opens or answers it; kept until it or its documents change.
  const found = await publicRead(['consultations', 'consultation_documents'], `consultation:${slug}`, async () => {
    const [consultation] = await getDb().select().from(consultations).where(and(eq(consultations.slug, slug), isPublic))
    return consultation ? { consultation, documents: await listDocuments(consultation.id) } : null
  })
  return found && { ...found, status: statusOf(found.consultation) as ConsultationStatus }
}

export function listDocuments(consultationId: string) {
  return getDb()
    .select()
    .from(consultationDocuments)
    .where(eq(consultationDocuments.consultationId, consultationId))
    .orderBy(asc(consultationDocuments.position), asc(consultationDocuments.createdAt))
}

/** The questions in the order respondents meet them: each follow-up straight after its question. */
export function listQuestions(consultationId: string): Promise<QuestionView[]> {
  return publicRead(['questions'], `questions:${consultationId}`, () => readQuestions(consultationId))
}

async function readQuestions(consultationId: string): Promise<QuestionView[]> {
  const rows = await getDb()
    .select()
    .from(questions)
    .where(eq(questions.consultationId, consultationId))
    .orderBy(asc(questions.position), asc(questions.createdAt))
  return rows.map((q) => ({
    id: q.id,
    position: q.position,
    kind: q.kind,
    prompt: q.prompt,
    help: q.help,
    section: q.section,
    options: q.options,
    required: q.required,
    followUpOf: q.followUpOf,
    charLimit: q.charLimit,
  }))
}

export function getConsultationById(id: string) {
  return publicRead(['consultations'], `consultation-id:${id}`, async () => {
    const [row] = await getDb().select().from(consultations).where(eq(consultations.id, id))
    return row ?? null
  })
}

/** Every consultation with its response count, newest first (officials' list). */
export async function listAllConsultations() {
  const db = getDb()
  const submitted = db
    .select({ consultationId: responses.consultationId, n: count().as('n') })
    .from(responses)
    .where(eq(responses.status, 'submitted'))
    .groupBy(responses.consultationId)
    .as('submitted')
  const rows = await db
    .select({ consultation: consultations, responses: sql<number>`coalesce(${submitted.n}, 0)`.mapWith(Number) })
    .from(consultations)
    .leftJoin(submitted, eq(submitted.consultationId, consultations.id))
    .orderBy(desc(consultations.createdAt))
  return rows.map((row) => ({ ...row.consultation, responseCount: row.responses, status: statusOf(row.consultation) }))
}
