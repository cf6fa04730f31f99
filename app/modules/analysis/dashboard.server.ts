import type { Actor } from '~/modules/accounts/permissions'
import { listQuestions } from '~/modules/consultations/queries.server'
import { isClosedKind, optionsOf, translate } from '~/modules/consultations/questions'
import { channels, findManagedConsultation, numberQuestions, respondentTypes } from '~/modules/consultations/responses-admin.server'
import { getConnection } from '~/platform/db.server'
import { type GroupedCount, type SimpleTable, type SplitTable, simpleTable, splitTable } from './tables'

// Aggregate SQL over consultations' responses and answers: the analysis reads those tables
// directly here because grouped counts at 500,000 responses cannot go through row-level queries.

const SUBMITTED = `r.consultation_id = $1 and r.status = 'submitted'`

export interface Profile {
  total: number
  byType: SimpleTable
  byChannel: SimpleTable
  bslUsers: number
  overTime: { day: string; n: number }[]
}

/** Who responded: totals by respondent type, by channel, BSL users, and per day (Scottish dates). */
export async function respondentProfile(consultationId: string): Promise<Profile> {
  const connection = getConnection()
  const [totals, byDay] = await Promise.all([
    connection.query<{ respondent_type: string | null; channel: string; bsl: boolean; n: number }>(
      `select r.respondent_type, r.channel, coalesce(r.is_bsl_user, false) as bsl, count(*)::int as n
       from responses r where ${SUBMITTED} group by 1, 2, 3`,
      [consultationId],
    ),
    connection.query<{ day: string; n: number }>(
      `select to_char(r.submitted_at at time zone 'Europe/London', 'YYYY-MM-DD') as day, count(*)::int as n
       from responses r where ${SUBMITTED} group by 1 order by 1`,
      [consultationId],
    ),
  ])
  const total = totals.reduce((sum, row) => sum + row.n, 0)
  const tally = (key: (row: (typeof totals)[number]) => string) => {
    const counts = new Map<string, number>()
    for (const row of totals) counts.set(key(row), (counts.get(key(row)) ?? 0) + row.n)
    return counts
  }
  const typeCounts = tally((row) => row.respondent_type ?? 'not_given')
  const typeKeys = [...respondentTypes, ...(typeCounts.has('not_given') ? ['not_given'] : [])]
  return {
    total,
    byType: simpleTable(typeKeys.map((key) => ({ key, label: key })), typeCounts, total),
    byChannel: simpleTable(channels.map((key) => ({ key, label: key })), tally((row) => row.channel), total),
    bslUsers: totals.filter((row) => row.bsl).reduce((sum, row) => sum + row.n, 0),
    overTime: byDay,
  }
}

/** For each closed question, n and % per choice, for everyone and per respondent type. */
export async function closedQuestionTables(consultationId: string, language: string) {
  const connection = getConnection()
  const questions = numberQuestions(await listQuestions(consultationId)).filter((q) => isClosedKind(q.kind))
  if (!questions.length) return []
  // One pass: grouped by the whole choice list, then each row counts once towards the base and
  // once for each choice in it (a multiple-choice answer names several).
  const rows = await connection.query<{ question_id: string; choices: string[]; respondent_type: string | null; n: number }>(
    `select a.question_id, a.choices, r.respondent_type, count(*)::int as n
     from answers a join responses r on r.id = a.response_id
     where ${SUBMITTED} and a.question_id = any($2::uuid[]) and a.choices <> '[]'::jsonb
     group by 1, 2, 3`,
    [consultationId, questions.map((q) => q.id)],
  )
  const grouped = (id: string) => {
    const mine = rows.filter((row) => row.question_id === id)
    return {
      counts: mine.flatMap((row) => row.choices.map((key): GroupedCount => ({ key, respondentType: row.respondent_type, n: row.n }))),
      bases: mine.map((row) => ({ respondentType: row.respondent_type, n: row.n })),
    }
  }
  return questions.map((question) => {
    const given = grouped(question.id)
    const labels = optionsOf(question).map((o) => ({ key: o.value, label: translate(o.label, language) }))
    const table: SplitTable = splitTable(labels, given.counts, given.bases)
    return { questionId: question.id, number: question.number, prompt: translate(question.prompt, language), kind: question.kind, table }
  })
}

/** For each open question: how many answered, and how many BSL answers still await interpretation. */
export async function openQuestionSummaries(consultationId: string, language: string) {
  const questions = numberQuestions(await listQuestions(consultationId)).filter((q) => !isClosedKind(q.kind))
  if (!questions.length) return []
  const rows = await getConnection().query<{ question_id: string; answered: number; uninterpreted: number }>(
    `select a.question_id,
            count(*) filter (where coalesce(a.text, '') <> '' or coalesce(a.interpretation, '') <> '')::int as answered,
            count(*) filter (where ${UNINTERPRETED})::int as uninterpreted
     from answers a join responses r on r.id = a.response_id
     where ${SUBMITTED} and a.question_id = any($2::uuid[]) group by 1`,
    [consultationId, questions.map((q) => q.id)],
  )
  const byId = new Map(rows.map((row) => [row.question_id, row]))
  return questions.map((q) => ({
    questionId: q.id,
    number: q.number,
    prompt: translate(q.prompt, language),
    answered: byId.get(q.id)?.answered ?? 0,
    uninterpreted: byId.get(q.id)?.uninterpreted ?? 0,
  }))
}

/** A BSL answer (a video, or a BSL-channel answer with no words yet) that no one has interpreted. */
export const UNINTERPRETED = `(a.media_id is not null or r.channel = 'bsl') and coalesce(a.interpretation, '') = '' and coalesce(a.text, '') = ''`

/** The officials' dashboard of one consultation; null if there is no such consultation. */
export async function getDashboard(actor: Actor, consultationId: string, language: string) {
  const consultation = await findManagedConsultation(actor, consultationId)
  if (!consultation) return null
  const [profile, closed, open] = await Promise.all([
    respondentProfile(consultation.id),
    closedQuestionTables(consultation.id, language),
    openQuestionSummaries(consultation.id, language),
  ])
  return { consultation: { id: consultation.id, title: translate(consultation.title, language), slug: consultation.slug }, profile, closed, open }
}
