import { eq } from 'drizzle-orm'
import { getPublicConsultation, listQuestions, numberQuestions } from '~/modules/consultations/index.server'
import { isClosedKind, optionsOf } from '~/modules/consultations'
import { getConnection, getDb } from '~/platform/db.server'
import { promptIn, wordsIn } from './language'
import { applyRedactions, redactionsFor } from './redactions.server'
import { attributionOf } from './report-resolve.server'
import { analysisReports } from './schema'
import { groups, type SimpleTable, type SplitTable, simpleTableCsv, splitTableCsv } from './tables'
import type { ResolvedReport } from './report-doc'

// What the public sees once the analysis is published: the responses people agreed to publish
// (named or anonymous, redactions applied), tables as CSV, and the consultation page's summary.

export const PUBLISHED_PAGE_SIZE = 20

async function publishedConsultation(slug: string) {
  const found = await getPublicConsultation(slug)
  if (!found) return null
  const [report] = await getDb().select({ status: analysisReports.status, snapshot: analysisReports.snapshot, publishedAt: analysisReports.publishedAt }).from(analysisReports).where(eq(analysisReports.consultationId, found.consultation.id))
  if (report?.status !== 'published' || !report.snapshot) return null
  return { consultation: found.consultation, snapshot: report.snapshot as unknown as Record<'en' | 'gd', ResolvedReport>, publishedAt: report.publishedAt! }
}

/** The "We asked, you said, we did" summary of a consultation whose analysis is published; or null. */
export async function getAnalysisSummary(slug: string, language: string) {
  const published = await publishedConsultation(slug)
  if (!published) return null
  const report = published.snapshot[language === 'gd' ? 'gd' : 'en']
  return { total: report.total, youSaid: report.summary.youSaid, weDid: report.summary.weDid, href: `/analysis/${slug}` }
}

/**
 * One page of the published responses: only respondents who agreed to publication, named only if
 * they agreed to that, every redacted passage replaced. Null before the analysis is published.
 */
export async function listPublishedResponses(slug: string, language: string, page: number) {
  const published = await publishedConsultation(slug)
  if (!published) return null
  const connection = getConnection()
  const where = `r.consultation_id = $1 and r.status = 'submitted' and r.publish_consent in ('with_name', 'anonymous')`
  const [[count], rows, questions] = await Promise.all([
    connection.query<{ n: number }>(`select count(*)::int as n from responses r where ${where}`, [published.consultation.id]),
    connection.query<{ id: string; reference: string; respondent_type: string | null; publish_consent: string | null; name: string | null; organisation_name: string | null }>(
      `select r.id, r.reference, r.respondent_type, r.publish_consent, r.name, r.organisation_name from responses r where ${where}
       order by r.submitted_at, r.id limit ${PUBLISHED_PAGE_SIZE} offset ${(Math.max(1, page) - 1) * PUBLISHED_PAGE_SIZE}`,
      [published.consultation.id],
    ),
    listQuestions(published.consultation.id).then(numberQuestions),
  ])
  const answers = rows.length
    ? await connection.query<{ id: string; response_id: string; question_id: string; text: string | null; interpretation: string | null; choices: string[] }>(
        'select id, response_id, question_id, text, interpretation, choices from answers where response_id = any($1::uuid[])',
        [rows.map((r) => r.id)],
      )
    : []
  const redacted = await redactionsFor(answers.map((a) => a.id))
  const total = count?.n ?? 0
  return {
    consultation: published.consultation,
    total,
    page: Math.max(1, page),
    pageCount: Math.max(1, Math.ceil(total / PUBLISHED_PAGE_SIZE)),
    responses: rows.map((row) => ({
      id: row.id,
      attribution: attributionOf(row),
      answers: questions.flatMap((q) => {
        const answer = answers.find((a) => a.response_id === row.id && a.question_id === q.id)
        if (!answer) return []
        const labels = new Map(optionsOf(q).map((o) => [o.value, wordsIn(o.label, language)]))
        const chosen = answer.choices.map((c) => labels.get(c) ?? { text: c })
        const words = isClosedKind(q.kind)
          ? chosen.map((c) => c.text).join(', ')
          : (applyRedactions([answer.text, answer.interpretation].filter(Boolean).join('\n\n'), redacted.get(answer.id) ?? []) ?? '')
        // A respondent's own words are in whatever language they wrote; only chosen labels are known to be English.
        const wordsLang = isClosedKind(q.kind) && chosen.length && chosen.every((c) => c.lang === 'en') ? ('en' as const) : undefined
        return words ? [{ number: q.number, ...promptIn(q.prompt, language), words, wordsLang, interpreted: Boolean(answer.interpretation && !answer.text) }] : []
      }),
    })),
  }
}

/** One table of the published report as CSV (frozen numbers), with headings in `language`; or null. */
export async function publishedTableCsv(slug: string, tableId: string, language: string, headings: (key: string) => string) {
  const published = await publishedConsultation(slug)
  if (!published) return null
  const report = published.snapshot[language === 'gd' ? 'gd' : 'en']
  const blocks = report.sections.flatMap((s) => s.blocks)
  const split = (table: SplitTable) =>
    splitTableCsv(table, { answer: headings('table.answer'), base: headings('table.base'), meanRank: headings('table.meanRank'), group: Object.fromEntries(groups.map((g) => [g, headings(`group.${g}`)])) as never })
  const simple = (table: SimpleTable, label: (key: string) => string) =>
    simpleTableCsv({ ...table, rows: table.rows.map((r) => ({ ...r, label: label(r.key) })) }, { label: headings('table.category'), n: headings('table.n'), pct: headings('table.pct'), total: headings('table.total') })
  for (const block of blocks) {
    if ((block.type === 'closedQuestion' || block.type === 'codeFrequency') && block.id === tableId) return { name: `question-${block.number}`, csv: split(block.table) }
    if (block.type === 'profile' && tableId === `${block.id}-type`) return { name: 'respondent-type', csv: simple(block.byType, (k) => headings(k === 'not_given' ? 'responses:notGiven' : `responses:respondentType.${k}`)) }
    if (block.type === 'profile' && tableId === `${block.id}-channel`) return { name: 'channel', csv: simple(block.byChannel, (k) => headings(`responses:channel.${k}`)) }
  }
  return null
}
