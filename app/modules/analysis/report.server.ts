import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { recordAudit } from '~/modules/accounts/index.server'
import { isUuid } from '~/kernel/ids'
import type { Actor } from '~/modules/accounts'
import { isBodyEmpty, readBodyFromForm } from '~/kernel/rich-text'
import { answerConsent, markAnalysisPublished, getPublicConsultation, findManagedConsultation } from '~/modules/consultations/index.server'
import { getDb } from '~/platform/db.server'
import { listCodes } from './coding.server'
import { type DataBlock, type PublishProblem, readReport, type ReportDoc, type ResolvedReport, type SectionKey, sectionKeys } from './report-doc'
import { isQuotable, resolveReport } from './report-resolve.server'
import { analysisReports } from './schema'

export const SUMMARY_LIMIT = 2000

/** The report of a consultation (a new empty one if there is none yet). */
async function loadReport(consultationId: string) {
  const [row] = await getDb().select().from(analysisReports).where(eq(analysisReports.consultationId, consultationId))
  return { row: row ?? null, doc: readReport(row?.doc, randomUUID) }
}

async function storeReport(actor: Actor, consultationId: string, doc: ReportDoc) {
  await getDb()
    .insert(analysisReports)
    .values({ consultationId, doc: doc as never, updatedBy: actor.id })
    .onConflictDoUpdate({ target: analysisReports.consultationId, set: { doc: doc as never, updatedBy: actor.id, updatedAt: new Date() } })
}

/** The report as its builder shows it; null if the consultation is not there. */
export async function getReportForEditing(actor: Actor, consultationId: string) {
  const consultation = await findManagedConsultation(actor, consultationId)
  if (!consultation) return null
  const { row, doc } = await loadReport(consultation.id)
  return { consultation, doc, status: row?.status ?? 'draft', publishedAt: row?.publishedAt ?? null, changedSincePublished: Boolean(row?.publishedAt && row.updatedAt > row.publishedAt) }
}

/** The report with live numbers (the preview), and what would stop it being published. */
export async function previewReport(actor: Actor, consultationId: string, language: string) {
  const editing = await getReportForEditing(actor, consultationId)
  if (!editing) return null
  const resolved = await resolveReport(editing.doc, editing.consultation.id, language)
  return { ...editing, report: resolved.report, problems: [...openProblem(editing.consultation), ...resolved.problems] }
}

// An analysis is of a finished consultation: publishing one stops it taking responses.
const openProblem = (consultation: { closesAt: Date }): PublishProblem[] => (consultation.closesAt > new Date() ? [{ key: 'stillOpen' }] : [])

export type ReportOutcome =
  | { status: 'saved' | 'published' }
  | { status: 'invalid'; errors: Record<string, string> }
  | { status: 'blocked'; problems: PublishProblem[] }
  | { status: 'not_found' }

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim()

/** Applies the builder's form: the prose of every section and the summary, then the button pressed. */
export async function changeReport(actor: Actor, consultationId: string, form: FormData): Promise<ReportOutcome> {
  const editing = await getReportForEditing(actor, consultationId)
  if (!editing) return { status: 'not_found' }
  const doc = structuredClone(editing.doc)
  const errors: Record<string, string> = {}
  for (const section of doc.sections) {
    const name = `section-${section.key}`
    if (!form.has(`${name}Json`) && !form.has(`${name}Text`)) continue
    const read = readBodyFromForm(form, name, section.body ?? undefined)
    if (!read.ok) errors[name] = read.reason === 'too_large' ? 'analysis:errors.sectionTooLarge' : 'analysis:errors.sectionInvalid'
    else section.body = isBodyEmpty(read.doc) ? null : read.doc
  }
  for (const field of ['youSaid', 'weDid'] as const) {
    if (!form.has(field)) continue
    const value = text(form, field)
    if (value.length > SUMMARY_LIMIT) errors[field] = 'analysis:errors.summaryTooLong'
    else doc.summary[field] = value
  }
  if (Object.keys(errors).length) return { status: 'invalid', errors }
  const [verb, sectionKey, type] = text(form, 'intent').split(':')
  const section = doc.sections.find((s) => s.key === sectionKey)
  if (verb === 'add' && section) {
    const block = await newBlock(editing.consultation.id, type ?? '', (name) => text(form, `${section.key}-${name}`))
    if (!block.ok) return { status: 'invalid', errors: { [`${section.key}-${block.field}`]: block.error } }
    section.blocks.push(block.block)
  } else if (verb === 'remove' || verb === 'up') {
    for (const s of doc.sections) {
      const at = s.blocks.findIndex((b) => b.id === sectionKey)
      if (at < 0) continue
      if (verb === 'remove') s.blocks.splice(at, 1)
      else if (at > 0) s.blocks.splice(at - 1, 2, s.blocks[at]!, s.blocks[at - 1]!)
    }
  }
  await storeReport(actor, editing.consultation.id, doc)
  if (verb !== 'publish') return { status: 'saved' }
  return publishReport(actor, editing.consultation.id)
}

async function newBlock(consultationId: string, type: string, field: (name: string) => string): Promise<{ ok: true; block: DataBlock } | { ok: false; field: string; error: string }> {
  const id = randomUUID()
  if (type === 'profile' || type === 'campaigns' || type === 'organisations') return { ok: true, block: { id, type } }
  if (type === 'closedQuestion') {
    const questionId = field('closedQuestion')
    if (!isUuid(questionId)) return { ok: false, field: 'closedQuestion', error: 'analysis:errors.chooseQuestion' }
    return { ok: true, block: { id, type, questionId, display: field('display') === 'table' ? 'table' : 'chart' } }
  }
  if (type === 'codeFrequency') {
    const questionId = field('codeQuestion')
    const codes = isUuid(questionId) ? await listCodes(questionId) : []
    if (!codes.length) return { ok: false, field: 'codeQuestion', error: 'analysis:errors.chooseCodedQuestion' }
    return { ok: true, block: { id, type, questionId, codeIds: codes.map((c) => c.id) } }
  }
  return { ok: false, field: 'intent', error: 'analysis:errors.invalid' }
}

/** Adds an answer as a quotation to a section; refused unless the respondent agreed to publication. */
export async function addQuote(actor: Actor, consultationId: string, answerId: string, sectionKey: string) {
  const editing = await getReportForEditing(actor, consultationId)
  if (!editing || !isUuid(answerId)) return { ok: false as const, reason: 'not_found' as const }
  const row = await answerConsent(answerId, editing.consultation.id)
  if (!row) return { ok: false as const, reason: 'not_found' as const }
  if (!isQuotable(row)) return { ok: false as const, reason: 'not_consented' as const }
  const key = sectionKeys.includes(sectionKey as SectionKey) ? (sectionKey as SectionKey) : 'questions'
  const doc = structuredClone(editing.doc)
  doc.sections.find((s) => s.key === key)!.blocks.push({ id: randomUUID(), type: 'quote', answerId })
  await storeReport(actor, editing.consultation.id, doc)
  return { ok: true as const }
}

/**
 * Publishes the report: every number and quotation is worked out now, in English and Gaelic, and
 * frozen; the public page shows only this snapshot. Refused, with the reasons, while any block is
 * broken (a removed question, a deleted code, a quotation without consent), nobody responded, or the
 * consultation is still open.
 */
export async function publishReport(actor: Actor, consultationId: string): Promise<ReportOutcome> {
  const editing = await getReportForEditing(actor, consultationId)
  if (!editing) return { status: 'not_found' }
  const [en, gd] = await Promise.all([resolveReport(editing.doc, editing.consultation.id, 'en'), resolveReport(editing.doc, editing.consultation.id, 'gd')])
  const problems = [...openProblem(editing.consultation), ...en.problems]
  if (problems.length) return { status: 'blocked', problems }
  const now = new Date()
  await getDb().transaction(async (tx) => {
    const published = { status: 'published' as const, snapshot: { en: en.report, gd: gd.report } as never, publishedAt: now, publishedBy: actor.id, updatedAt: now }
    await tx
      .insert(analysisReports)
      .values({ consultationId: editing.consultation.id, doc: editing.doc as never, updatedBy: actor.id, ...published })
      .onConflictDoUpdate({ target: analysisReports.consultationId, set: published })
    await markAnalysisPublished(tx, actor, editing.consultation.id)
    await recordAudit({ actorId: actor.id, action: 'analysis.report_published', subjectType: 'consultation', subjectId: editing.consultation.id, details: { total: en.report.total } }, tx)
  })
  return { status: 'published' }
}

/** The published analysis of a public consultation, frozen at publication, in `language`; or null. */
export async function getPublishedReport(slug: string, language: string) {
  const found = await getPublicConsultation(slug)
  if (!found) return null
  const [row] = await getDb().select().from(analysisReports).where(eq(analysisReports.consultationId, found.consultation.id))
  if (!row || row.status !== 'published' || !row.snapshot) return null
  const snapshot = row.snapshot as unknown as Record<'en' | 'gd', ResolvedReport>
  return { id: row.id, consultation: found.consultation, publishedAt: row.publishedAt!, report: snapshot[language === 'gd' ? 'gd' : 'en'] }
}
