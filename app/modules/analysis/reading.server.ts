import { isUuid } from '~/modules/accounts/forms-admin'
import type { Actor } from '~/modules/accounts/permissions'
import { getConnection } from '~/platform/db.server'
import type { AnswerFilters } from './answer-filters'
import { listCodes } from './coding.server'
import { findOpenQuestion } from './context.server'
import { type AnswerTally, answerTallies, UNINTERPRETED } from './dashboard.server'

// Reading open answers. Reads consultations' answers and responses directly (joined with the
// analysis tables) because filtering and full-text search have to happen in one SQL statement.

export const ANSWERS_PAGE_SIZE = 25
// Must match the expression of the index in supabase/migrations/*_analysis_search.sql.
export const SEARCH_VECTOR = `to_tsvector('english'::regconfig, coalesce(a.text, '') || ' ' || coalesce(a.interpretation, ''))`

/** The SQL condition and parameters selecting a question's submitted open answers under the filters. */
export function answerConditions(questionId: string, filters: AnswerFilters, first = 1) {
  const params: unknown[] = [questionId]
  const p = (value: unknown) => `$${params.push(value) + first - 1}`
  const where = [
    `a.question_id = $${first}`,
    `r.status = 'submitted'`,
    `(coalesce(a.text, '') <> '' or coalesce(a.interpretation, '') <> '' or a.media_id is not null or r.channel = 'bsl')`,
  ]
  if (filters.type) where.push(`r.respondent_type = ${p(filters.type)}`)
  if (filters.channel) where.push(`r.channel = ${p(filters.channel)}`)
  if (filters.consent) where.push(`r.publish_consent = ${p(filters.consent)}`)
  if (filters.code === 'none') where.push(`not exists (select 1 from analysis_answer_codes ac where ac.answer_id = a.id)`)
  else if (filters.code) {
    const code = p(filters.code)
    where.push(`exists (select 1 from analysis_answer_codes ac join analysis_codes c on c.id = ac.code_id where ac.answer_id = a.id and (c.id = ${code} or c.parent_id = ${code}))`)
  }
  if (filters.reviewed) where.push(`${filters.reviewed === 'yes' ? '' : 'not '}exists (select 1 from analysis_answer_reviews ar where ar.answer_id = a.id)`)
  if (filters.bsl) where.push(UNINTERPRETED)
  if (filters.q?.trim()) where.push(`${SEARCH_VECTOR} @@ websearch_to_tsquery('english', ${p(filters.q.trim())})`)
  return { sql: where.join(' and '), params }
}

interface AnswerRow {
  id: string
  text: string | null
  interpretation: string | null
  uninterpreted: boolean
  respondent_type: string | null
  channel: string
  publish_consent: string | null
  reference: string
  reviewed: boolean
  codes: string[] | null
}

const ANSWER_COLUMNS = `a.id, a.text, a.interpretation, (${UNINTERPRETED}) as uninterpreted, r.respondent_type, r.channel, r.publish_consent, r.reference,
  exists (select 1 from analysis_answer_reviews ar where ar.answer_id = a.id) as reviewed,
  (select array_agg(ac.code_id::text) from analysis_answer_codes ac where ac.answer_id = a.id) as codes`

const toView = (row: AnswerRow) => ({
  id: row.id,
  text: row.text,
  interpretation: row.interpretation,
  uninterpreted: row.uninterpreted,
  respondentType: row.respondent_type,
  channel: row.channel,
  consent: row.publish_consent,
  reference: row.reference,
  reviewed: row.reviewed,
  codeIds: row.codes ?? [],
})

/**
 * How many answers the filters select, how many of those await interpretation and how many are
 * reviewed. With no filter but respondent type or "awaiting interpretation", the first two come
 * from the kept tallies (an answer in words or a BSL answer without words is exactly one of
 * 'answered' or 'uninterpreted'); other filters are counted.
 */
async function answerTotals(questionId: string, filters: AnswerFilters, from: string, params: unknown[]) {
  const connection = getConnection()
  const tallied = Object.entries(filters).every(([name, value]) => !value || name === 'type' || name === 'bsl')
  const reviewed = `exists (select 1 from analysis_answer_reviews ar where ar.answer_id = a.id)`
  if (!tallied) {
    const [row] = await connection.query<{ total: number; uninterpreted: number; reviewed: number }>(
      `select count(*)::int as total, count(*) filter (where ${UNINTERPRETED})::int as uninterpreted, count(*) filter (where ${reviewed})::int as reviewed ${from}`,
      params,
    )
    return { total: row?.total ?? 0, uninterpreted: row?.uninterpreted ?? 0, reviewed: row?.reviewed ?? 0 }
  }
  const [tallies, [review]] = await Promise.all([
    answerTallies([questionId], ['answered', 'uninterpreted']),
    connection.query<{ n: number }>(`select count(*)::int as n ${from} and ${reviewed}`, params),
  ])
  const sum = (measure: AnswerTally['measure']) =>
    tallies.filter((row) => row.measure === measure && (!filters.type || row.respondent_type === filters.type)).reduce((n, row) => n + row.n, 0)
  const uninterpreted = sum('uninterpreted')
  return { total: filters.bsl ? uninterpreted : uninterpreted + sum('answered'), uninterpreted, reviewed: review?.n ?? 0 }
}

/** One page of a question's open answers under the filters, with totals and the coding frame. */
export async function listOpenAnswers(actor: Actor, consultationId: string, questionId: string, filters: AnswerFilters, page: number, language: string) {
  const found = await findOpenQuestion(actor, consultationId, questionId, language)
  if (!found) return null
  const connection = getConnection()
  const { sql, params } = answerConditions(questionId, filters)
  const from = `from answers a join responses r on r.id = a.response_id where ${sql}`
  const [totals, rows, codes] = await Promise.all([
    answerTotals(questionId, filters, from, params),
    connection.query<AnswerRow>(
      `select ${ANSWER_COLUMNS} ${from} order by r.submitted_at, a.id limit ${ANSWERS_PAGE_SIZE} offset ${(Math.max(1, page) - 1) * ANSWERS_PAGE_SIZE}`,
      params,
    ),
    listCodes(questionId),
  ])
  const { total } = totals
  return {
    ...found,
    answers: rows.map(toView),
    ...totals,
    page: Math.max(1, page),
    pageCount: Math.max(1, Math.ceil(total / ANSWERS_PAGE_SIZE)),
    codes,
  }
}

/** One open answer with its codes, and the previous and next answers under the same filters. */
export async function getAnswerForCoding(actor: Actor, consultationId: string, questionId: string, answerId: string, filters: AnswerFilters, language: string) {
  const found = await findOpenQuestion(actor, consultationId, questionId, language)
  if (!found || !isUuid(answerId)) return null
  const connection = getConnection()
  const [row] = await connection.query<AnswerRow & { submitted_at: Date }>(
    `select ${ANSWER_COLUMNS}, r.submitted_at from answers a join responses r on r.id = a.response_id
     where a.id = $1 and a.question_id = $2 and r.status = 'submitted'`,
    [answerId, questionId],
  )
  if (!row) return null
  const { sql, params } = answerConditions(questionId, filters, 3)
  // Keyset neighbours in reading order (submitted_at, id): cheap at any position in the list.
  const neighbour = (direction: 'next' | 'previous') =>
    connection.query<{ id: string }>(
      `select a.id from answers a join responses r on r.id = a.response_id
       where ${sql} and (r.submitted_at, a.id) ${direction === 'next' ? '>' : '<'} ($1::timestamptz, $2::uuid)
       order by r.submitted_at ${direction === 'next' ? 'asc' : 'desc'}, a.id ${direction === 'next' ? 'asc' : 'desc'} limit 1`,
      [row.submitted_at, row.id, ...params],
    )
  const [[next], [previous], codes, redactions] = await Promise.all([
    neighbour('next'),
    neighbour('previous'),
    listCodes(questionId),
    connection.query<{ id: string; passage: string; reason: string }>('select id, passage, reason from analysis_redactions where answer_id = $1 order by created_at', [answerId]),
  ])
  return { ...found, answer: toView(row), nextId: next?.id ?? null, previousId: previous?.id ?? null, codes, redactions }
}
