import ExcelJS from 'exceljs'
import { and, asc, eq, ne } from 'drizzle-orm'
import { DateTime } from 'luxon'
import { forbidden, requireUser, recordAudit } from '~/modules/accounts/index.server'
import type { Actor } from '~/modules/accounts'
import { getDb } from '~/platform/db.server'
import { getTranslator } from '~/platform/i18n/i18next.server'
import { ZONE } from '~/kernel/london-time'
import { canManageConsultations, canSeePersonalData } from './permissions'
import { listQuestions } from './queries.server'
import { choiceWords } from './question-kinds'
import {
  filterConditions,
  findManagedConsultation,
  numberQuestions,
  parseResponseFilters,
  type ResponseFilters,
  todayInLondon,
} from './responses-admin.server'
import { answers, responses } from './schema'

export type ExportKind = 'full' | 'publishable'
export type ExportFormat = 'csv' | 'xlsx'

/** One row per response, every cell the text as given; each file format makes it safe in its own way. */
export interface ResponseTable {
  headers: string[]
  rows: string[][]
}

// In a CSV, a cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets
// (=HYPERLINK(...) can leak data or run commands): a leading apostrophe makes it text (OWASP).
// An XLSX string cell is never evaluated, so there the apostrophe would only be shown to the reader.
const FORMULA_START = /^[=+\-@\t\r]/
export const neutralise = (cell: string) => (FORMULA_START.test(cell) ? `'${cell}` : cell)

// XML 1.0 has no way to write these (exceljs drops them, joining the words either side); a space keeps
// the words apart. Tab, newline and carriage return are allowed and kept.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g
export const xmlSafe = (cell: string) => cell.replace(NOT_XML, ' ')

/**
 * The responses the filters select, as a table in English. `full` holds everything the reader
 * may see (name, organisation and email only for those who may see personal data); `publishable`
 * honours each respondent's publishing consent: no "do not publish" responses, names only with
 * consent, never an email address or contact preference, never a withdrawn response.
 * Officials and admins only; null if there is no such consultation.
 */
export async function buildResponseTable(actor: Actor, consultationId: string, options: { kind: ExportKind; filters: ResponseFilters }) {
  const consultation = await findManagedConsultation(actor, consultationId)
  if (!consultation) return null
  const { kind } = options
  const filters = kind === 'publishable' ? { ...options.filters, withdrawn: undefined } : options.filters
  const where = and(
    filterConditions(consultation.id, filters),
    kind === 'publishable' ? ne(responses.publishConsent, 'not_published') : undefined,
  )
  const db = getDb()
  // 500k responses: page through by (submitted_at, id) and write rows as they come with
  // exceljs.stream.xlsx.WorkbookWriter (and a streamed CSV body) in a pg-boss job that stores the
  // file, instead of holding every row in memory here.
  const [questions, rows, given] = await Promise.all([
    listQuestions(consultation.id),
    db.select().from(responses).where(where).orderBy(asc(responses.submittedAt), asc(responses.reference)),
    db
      .select({
        responseId: answers.responseId,
        questionId: answers.questionId,
        text: answers.text,
        choices: answers.choices,
        interpretation: answers.interpretation,
        mediaId: answers.mediaId,
      })
      .from(answers)
      .innerJoin(responses, eq(responses.id, answers.responseId))
      .where(where),
  ])
  const t = await getTranslator('en', 'responses')
  const numbered = numberQuestions(questions)
  const byResponse = new Map<string, Map<string, (typeof given)[number]>>()
  for (const answer of given) {
    if (!byResponse.has(answer.responseId)) byResponse.set(answer.responseId, new Map())
    byResponse.get(answer.responseId)!.set(answer.questionId, answer)
  }
  const personal = kind === 'publishable' || canSeePersonalData(actor)
  const yesNo = (value: boolean | null) => (value === null ? '' : t(value ? 'export.yes' : 'export.no'))

  type Row = (typeof rows)[number]
  const columns: [string, (r: Row) => string][] = [
    [t('export.columns.reference'), (r) => r.reference],
    [t('export.columns.submittedAt'), (r) => r.submittedAt?.toISOString() ?? ''],
    [t('export.columns.submittedAtLocal'), (r) => (r.submittedAt ? DateTime.fromJSDate(r.submittedAt, { zone: ZONE }).toFormat('yyyy-MM-dd HH:mm') : '')],
  ]
  if (kind === 'full') columns.push([t('export.columns.status'), (r) => t(`status.${r.status}`)])
  columns.push(
    [t('export.columns.channel'), (r) => t(`channel.${r.channel}`)],
    [t('export.columns.respondentType'), (r) => (r.respondentType ? t(`respondentType.${r.respondentType}`) : '')],
    [t('export.columns.publishConsent'), (r) => (r.publishConsent ? t(`consent.${r.publishConsent}`) : '')],
  )
  if (kind === 'full') columns.push([t('export.columns.contactConsent'), (r) => yesNo(r.contactConsent)])
  columns.push([t('export.columns.bslUser'), (r) => yesNo(r.isBslUser)])
  if (personal) {
    const named = (r: Row) => kind === 'full' || r.publishConsent === 'with_name'
    columns.push([t('export.columns.name'), (r) => (named(r) ? (r.name ?? '') : '')])
    columns.push([t('export.columns.organisationName'), (r) => (named(r) ? (r.organisationName ?? '') : '')])
    if (kind === 'full') columns.push([t('export.columns.email'), (r) => r.email ?? ''])
  }
  for (const question of numbered) {
    columns.push([
      `Q${question.number}: ${question.prompt.en}`,
      (r) => {
        const answer = byResponse.get(r.id)?.get(question.id)
        if (!answer) return ''
        if (answer.choices.length) return choiceWords(question, answer.choices, (label) => label.en, 'exportCell')
        // A BSL answer is read through its interpretation into English; one not yet interpreted says so.
        const interpreted = answer.interpretation ? t('bsl:export.interpretation', { text: answer.interpretation }) : null
        const video = answer.mediaId && !answer.interpretation ? t('bsl:export.notInterpreted') : null
        return [answer.text, interpreted, video].filter(Boolean).join('\n')
      },
    ])
  }
  const table: ResponseTable = {
    headers: columns.map(([header]) => header),
    rows: rows.map((row) => columns.map(([, cell]) => cell(row))),
  }
  const stem = `${consultation.slug.replace(/[^a-z0-9-]+/gi, '-')}-responses${kind === 'publishable' ? '-publishable' : ''}-${todayInLondon()}`
  return { consultation, table, stem }
}

const quoted = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)

/** RFC 4180 text with a byte order mark (so Excel reads it as UTF-8) and CRLF line ends; no cell is a formula. */
export function toCsv(table: ResponseTable) {
  return `\uFEFF${[table.headers, ...table.rows].map((row) => row.map((cell) => quoted(neutralise(cell))).join(',')).join('\r\n')}\r\n`
}

/**
 * An .xlsx workbook of one sheet: every cell a string cell holding the text as given, bold, frozen
 * header row; columns as wide as their text (within reason).
 */
export async function toXlsx(given: ResponseTable, sheetName = 'Responses') {
  const table = { headers: given.headers.map(xmlSafe), rows: given.rows.map((row) => row.map(xmlSafe)) }
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Guth'
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = table.headers.map((header, i) => {
    const longest = Math.max(header.length, ...table.rows.slice(0, 500).map((row) => Math.max(...row[i]!.split('\n').map((line) => line.length))))
    return { header, width: Math.min(60, Math.max(12, longest + 2)) }
  })
  sheet.addRows(table.rows)
  sheet.getRow(1).font = { bold: true }
  sheet.eachRow((row, n) => {
    if (n > 1) row.alignment = { vertical: 'top', wrapText: true }
  })
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** What a download link asks for: `?kind=` (full unless publishable) and the list's filters; null if malformed. */
export function exportRequestFrom(search: URLSearchParams): { kind: ExportKind; filters: ResponseFilters } | null {
  const kind = search.get('kind') || 'full'
  const parsed = parseResponseFilters(search)
  if ((kind !== 'full' && kind !== 'publishable') || !parsed.ok) return null
  return { kind, filters: parsed.filters }
}

const contentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/**
 * The responses as a CSV or XLSX download, recorded in the audit log with its kind and row count.
 * Officials and admins only; null if there is no such consultation.
 */
export async function exportResponses(actor: Actor, consultationId: string, options: { kind: ExportKind; format: ExportFormat; filters: ResponseFilters }) {
  const built = await buildResponseTable(actor, consultationId, options)
  if (!built) return null
  const body = options.format === 'csv' ? Buffer.from(toCsv(built.table), 'utf8') : await toXlsx(built.table)
  await recordAudit({
    actorId: actor.id,
    action: 'responses.exported',
    subjectType: 'consultation',
    subjectId: built.consultation.id,
    details: { kind: options.kind, format: options.format, rows: built.table.rows.length, filters: options.filters },
  })
  return { body, contentType: contentTypes[options.format], fileName: `${built.stem}.${options.format}`, rows: built.table.rows.length }
}

/** The export download for a request (both file formats share it): 400, 404 or the file. */
export async function exportDownload(request: Request, consultationId: string, format: 'csv' | 'xlsx') {
  const user = await requireUser(request)
  if (!canManageConsultations(user)) forbidden()
  const wanted = exportRequestFrom(new URL(request.url).searchParams)
  if (!wanted) return new Response('Unknown export kind or filter', { status: 400, headers: { 'Cache-Control': 'no-store' } })
  const file = await exportResponses(user, consultationId, { ...wanted, format })
  if (!file) throw new Response('Not found', { status: 404 })
  return new Response(file.body, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Content-Length': String(file.body.byteLength),
      'Cache-Control': 'no-store',
    },
  })
}
