import { renderBodyHtml } from '~/kernel/rich-text.server'
import { listQuestions, numberQuestions } from '~/modules/consultations/index.server'
import { getConnection } from '~/platform/db.server'
import { campaignSummary } from './campaigns.server'
import { codeFrequencies, listCodes } from './coding.server'
import { bslInterpreted, closedQuestionTables, respondentProfile } from './dashboard.server'
import { promptIn } from './language'
import { applyRedactions, redactionsFor } from './redactions.server'
import type { DataBlock, PublishProblem, ReportDoc, ResolvedBlock, ResolvedReport } from './report-doc'

// Works out every number and quotation a report shows, from the live data, and everything that
// stops it being published. Quotes read responses directly (consent is checked in the same query).

interface QuoteRow {
  id: string
  text: string | null
  interpretation: string | null
  question_id: string
  status: string
  publish_consent: string | null
  respondent_type: string | null
  name: string | null
  organisation_name: string | null
}

/** Who a quotation is from, as far as the respondent agreed to be named. */
export function attributionOf(row: Pick<QuoteRow, 'respondent_type' | 'publish_consent' | 'name' | 'organisation_name'>) {
  const kind = row.respondent_type === 'organisation' ? ('organisation' as const) : ('individual' as const)
  const name = row.publish_consent === 'with_name' ? (kind === 'organisation' ? row.organisation_name || row.name : row.name) || null : null
  return { kind, name }
}

export const isQuotable = (row: Pick<QuoteRow, 'status' | 'publish_consent'>) => row.status === 'submitted' && (row.publish_consent === 'with_name' || row.publish_consent === 'anonymous')

/** The report with live numbers in `language`, and the reasons it may not be published yet. */
export async function resolveReport(doc: ReportDoc, consultationId: string, language: string): Promise<{ report: ResolvedReport; problems: PublishProblem[] }> {
  const blocks = doc.sections.flatMap((s) => s.blocks.map((b) => ({ section: s.key, block: b })))
  const needs = (type: DataBlock['type']) => blocks.some((b) => b.block.type === type)
  const quoteIds = blocks.flatMap(({ block }) => (block.type === 'quote' ? [block.answerId] : []))
  const connection = getConnection()
  const [profile, closed, questions, campaigns, quotes, organisations, redacted, interpreted] = await Promise.all([
    respondentProfile(consultationId),
    needs('closedQuestion') ? closedQuestionTables(consultationId, language) : [],
    listQuestions(consultationId).then(numberQuestions),
    needs('campaigns') ? campaignSummary(consultationId) : [],
    quoteIds.length
      ? connection.query<QuoteRow>(
          `select a.id, a.text, a.interpretation, a.question_id, r.status, r.publish_consent, r.respondent_type, r.name, r.organisation_name
           from answers a join responses r on r.id = a.response_id where a.id = any($1::uuid[]) and r.consultation_id = $2`,
          [quoteIds, consultationId],
        )
      : [],
    needs('organisations')
      ? connection.query<{ name: string }>(
          `select distinct coalesce(nullif(r.organisation_name, ''), r.name) as name from responses r
           where r.consultation_id = $1 and r.status = 'submitted' and r.respondent_type = 'organisation' and r.publish_consent = 'with_name'
             and coalesce(nullif(r.organisation_name, ''), r.name) is not null order by 1`,
          [consultationId],
        )
      : [],
    redactionsFor(quoteIds),
    bslInterpreted(consultationId),
  ])
  const problems: PublishProblem[] = profile.total === 0 ? [{ key: 'empty' }] : []
  const questionById = new Map(questions.map((q) => [q.id, q]))
  const quoteById = new Map(quotes.map((q) => [q.id, q]))

  const resolve = async (section: ReportDoc['sections'][number]['key'], block: DataBlock): Promise<ResolvedBlock | null> => {
    const refuse = (key: PublishProblem['key']) => (problems.push({ key, section, blockId: block.id }), null)
    switch (block.type) {
      case 'profile':
        return { id: block.id, type: 'profile', total: profile.total, bslUsers: profile.bslUsers, byType: profile.byType, byChannel: profile.byChannel }
      case 'closedQuestion': {
        const found = closed.find((q) => q.questionId === block.questionId)
        if (!found) return refuse('questionRemoved')
        return { id: block.id, type: 'closedQuestion', number: found.number, prompt: found.prompt, ...(found.promptLang ? { promptLang: found.promptLang } : {}), display: block.display, table: found.table }
      }
      case 'codeFrequency': {
        const question = questionById.get(block.questionId)
        if (!question) return refuse('questionRemoved')
        const codes = new Set((await listCodes(block.questionId)).map((c) => c.id))
        if (block.codeIds.some((codeId) => !codes.has(codeId))) return refuse('codeDeleted')
        const table = await codeFrequencies(block.questionId)
        return { id: block.id, type: 'codeFrequency', number: question.number, ...promptIn(question.prompt, language), table: { ...table, rows: table.rows.filter((r) => block.codeIds.includes(r.key)) } }
      }
      case 'quote': {
        const row = quoteById.get(block.answerId)
        const question = row && questionById.get(row.question_id)
        if (!row || !question) return refuse('quoteMissing')
        if (!isQuotable(row)) return refuse('quoteNotConsented')
        const text = applyRedactions([row.text, row.interpretation].filter(Boolean).join('\n\n'), redacted.get(row.id) ?? []) ?? ''
        return { id: block.id, type: 'quote', number: question.number, ...promptIn(question.prompt, language), text, attribution: attributionOf(row) }
      }
      case 'campaigns':
        return {
          id: block.id,
          type: 'campaigns',
          rows: campaigns.flatMap((c) => {
            const question = questionById.get(c.question_id)
            return question ? [{ number: question.number, ...promptIn(question.prompt, language), groups: c.groups, answers: c.answers }] : []
          }),
        }
      case 'organisations':
        return { id: block.id, type: 'organisations', names: organisations.map((o) => o.name) }
    }
  }

  const sections = []
  for (const section of doc.sections) {
    const resolved = []
    for (const block of section.blocks) {
      const r = await resolve(section.key, block)
      if (r) resolved.push(r)
    }
    sections.push({ key: section.key, html: section.body ? renderBodyHtml(section.body) : '', blocks: resolved })
  }
  return { report: { sections, summary: doc.summary, total: profile.total, bslInterpreted: interpreted }, problems }
}
