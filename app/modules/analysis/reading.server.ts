import { isUuid } from '~/kernel/ids'
import type { Actor } from '~/modules/accounts'
import { getConnection } from '~/platform/db.server'
import type { AnswerFilters } from './answer-filters'
import { listCodes } from './coding.server'
import { findOpenQuestion } from './context.server'
import { type AnswerTally, answerTallies, UNINTERPRETED } from './dashboard.server'

// Reading open answers. Reads consultations' answers and responses directly (joined with the
// analysis tables) because filtering and full-text search have to happen in one SQL statement.

export const ANSWERS_PAGE_SIZE = 25

/** The SQL condition and parameters selecting a question's submitted open answers under the filters. */
export function answerConditions(questionId: string, filters: AnswerFilters, first = 1) {
  const params: unknown[] = [questionId]
  const p = (value: unknown) => `$${params.push(value) + first - 1}`
  const where = [
    `a.question_id = $${first}`,
    // Redundant with the question, but it lets the planner walk the consultation's submitted
    // responses in reading order and stop after a page, instead of sorting every answer.
    `r.consultation_id = (select q.consultation_id from questions q where q.id = $${first})`,
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
  if (filters.q?.trim()) {
    // The stored, stemmed words of each answer (analysis_answer_documents, kept by a trigger).
    where.push(`a.id in (select d.answer_id from analysis_answer_documents d
      where d.question_id = $${first} and d.document @@ websearch_to_tsquery('english', ${p(filters.q.trim())}))`)
  }
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

/** Filters the kept tallies can answer: who answered. */
const talliedFilters = new Set<string>(['type', 'channel', 'consent', 'bsl'])

/**
 * How many answers the filters select, how many of those await interpretation and how many are
 * reviewed. Under filters of who answered, the first two come from the kept tallies (an answer in
 * words or a BSL answer without words is exactly one of 'answered' or 'uninterpreted'); "not
 * coded" and "not reviewed" are those less the coded or reviewed ones, which are counted from the
 * codes' and reviews' side (officials mark thousands, not hundreds of thousands). A search alone
 * counts the stored documents; with other filters, or a particular code, answers are counted.
 */
async function answerTotals(questionId: string, filters: AnswerFilters) {
  const connection = getConnection()
  const whoAnswered = Object.fromEntries(Object.entries(filters).filter(([name]) => talliedFilters.has(name))) as AnswerFilters
  const rest = Object.entries(filters).filter(([name, value]) => value && !talliedFilters.has(name))
  const subtractable = rest.every(([name, value]) => (name === 'code' && value === 'none') || (name === 'reviewed' && value === 'no'))
  const counts = (from: string, { sql, params }: { sql: string; params: unknown[] }) =>
    connection
      .query<{ total: number; uninterpreted: number }>(
        `select count(*)::int as total, count(*) filter (where ${UNINTERPRETED})::int as uninterpreted ${from} where ${sql}`,
        params,
      )
      .then(([row]) => ({ total: row?.total ?? 0, uninterpreted: row?.uninterpreted ?? 0 }))
  const reviewedCount =
    filters.reviewed === 'no'
      ? 0
      : counts('from analysis_answer_reviews ar join answers a on a.id = ar.answer_id join responses r on r.id = a.response_id', answerConditions(questionId, filters)).then((c) => c.total)
  if (rest.length === 1 && filters.q?.trim() && !Object.values(whoAnswered).some(Boolean)) {
    // Words alone: the stored documents are exactly the submitted answers with words, so they
    // are counted without visiting the answers (none of them awaits interpretation).
    const [[row], reviewed] = await Promise.all([
      connection.query<{ total: number }>(
        `select count(*)::int as total from analysis_answer_documents d where d.question_id = $1 and d.document @@ websearch_to_tsquery('english', $2)`,
        [questionId, filters.q.trim()],
      ),
      reviewedCount,
    ])
    return { total: row?.total ?? 0, uninterpreted: 0, reviewed }
  }
  if (!subtractable) {
    const [counted, reviewed] = await Promise.all([counts('from answers a join responses r on r.id = a.response_id', answerConditions(questionId, filters)), reviewedCount])
    return { ...counted, reviewed }
  }
  const marked = [
    ...(filters.code === 'none' ? ['select ac.answer_id from analysis_answer_codes ac join analysis_codes c on c.id = ac.code_id where c.question_id = $1'] : []),
    ...(filters.reviewed === 'no' ? ['select ar.answer_id from analysis_answer_reviews ar'] : []),
  ]
  const [tallies, less, reviewed] = await Promise.all([
    answerTallies([questionId], ['answered', 'uninterpreted']),
    marked.length
      ? counts(`from (select distinct answer_id from (${marked.join(' union all ')}) x) m join answers a on a.id = m.answer_id join responses r on r.id = a.response_id`, answerConditions(questionId, whoAnswered))
      : { total: 0, uninterpreted: 0 },
    reviewedCount,
  ])
  const mine = tallies.filter(
    (row) =>
      (!filters.type || row.respondent_type === filters.type) && (!filters.channel || row.channel === filters.channel) && (!filters.consent || row.consent === filters.consent),
  )
  const sum = (measure: AnswerTally['measure']) => mine.filter((row) => row.measure === measure).reduce((n, row) => n + row.n, 0)
  const uninterpreted = sum('uninterpreted') - less.uninterpreted
  return { total: (filters.bsl ? sum('uninterpreted') : sum('uninterpreted') + sum('answered')) - less.total, uninterpreted, reviewed }
}

/** One page of a question's open answers under the filters, with totals and the coding frame. */
export async function listOpenAnswers(actor: Actor, consultationId: string, questionId: string, filters: AnswerFilters, page: number, language: string) {
  const found = await findOpenQuestion(actor, consultationId, questionId, language)
  if (!found) return null
  const connection = getConnection()
  const { sql, params } = answerConditions(questionId, filters)
  const from = `from answers a join responses r on r.id = a.response_id where ${sql}`
  const [totals, rows, codes] = await Promise.all([
    answerTotals(questionId, filters),
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
  // Keyset neighbours in reading order (submitted_at, id): cheap at any position in the list. The
  // bound on submitted_at alone lets the responses' index start the walk at this answer.
  const neighbour = (direction: 'next' | 'previous') => {
    const [after, order] = direction === 'next' ? ['>', 'asc'] : ['<', 'desc']
    return connection.query<{ id: string }>(
      `select a.id from answers a join responses r on r.id = a.response_id
       where ${sql} and r.submitted_at ${after}= $1::timestamptz and (r.submitted_at ${after} $1::timestamptz or a.id ${after} $2::uuid)
       order by r.submitted_at ${order}, a.id ${order} limit 1`,
      [row.submitted_at, row.id, ...params],
    )
  }
  const [[next], [previous], codes, redactions] = await Promise.all([
    neighbour('next'),
    neighbour('previous'),
    listCodes(questionId),
    connection.query<{ id: string; passage: string; reason: string }>('select id, passage, reason from analysis_redactions where answer_id = $1 order by created_at', [answerId]),
  ])
  return { ...found, answer: toView(row), nextId: next?.id ?? null, previousId: previous?.id ?? null, codes, redactions }
}
