import type { Actor } from '~/modules/accounts'
import { listQuestions, channels, findManagedConsultation, numberQuestions, respondentTypes } from '~/modules/consultations/index.server'
import { isClosedKind, translate } from '~/modules/consultations'
import { getConnection } from '~/platform/db.server'
import { promptIn } from './language'
import { answerTallies, type AnswerTally, tablesOf } from './question-tables.server'
import { type SimpleTable, simpleTable } from './tables'

export { answerTallies, type AnswerTally, typeOf } from './question-tables.server'

// The dashboard reads the tallies that triggers keep as responses and answers change
// (analysis_response_tallies, analysis_answer_tallies): a few hundred rows whatever the number of
// responses. In the tallies a respondent who gave no type is 'not_given'.

export interface Profile {
  total: number
  byType: SimpleTable
  byChannel: SimpleTable
  bslUsers: number
  overTime: { day: string; n: number }[]
}

/** Who responded: totals by respondent type, by channel, BSL users, and per day (Scottish dates). */
export async function respondentProfile(consultationId: string): Promise<Profile> {
  const rows = await getConnection().query<{ day: string; respondent_type: string; channel: string; bsl: boolean; n: number }>(
    `select to_char(day, 'YYYY-MM-DD') as day, respondent_type, channel, bsl, n
     from analysis_response_tallies where consultation_id = $1 and n <> 0 order by day`,
    [consultationId],
  )
  const tally = (key: (row: (typeof rows)[number]) => string) => {
    const counts = new Map<string, number>()
    for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + row.n)
    return counts
  }
  const total = rows.reduce((sum, row) => sum + row.n, 0)
  const typeCounts = tally((row) => row.respondent_type)
  const typeKeys = [...respondentTypes, ...(typeCounts.has('not_given') ? ['not_given'] : [])]
  return {
    total,
    byType: simpleTable(typeKeys.map((key) => ({ key, label: key })), typeCounts, total),
    byChannel: simpleTable(channels.map((key) => ({ key, label: key })), tally((row) => row.channel), total),
    bslUsers: rows.filter((row) => row.bsl).reduce((sum, row) => sum + row.n, 0),
    overTime: [...tally((row) => row.day)].map(([day, n]) => ({ day, n })),
  }
}

/** For each closed question, its kind's table (n and % per choice, for everyone and per respondent type). */
export async function closedQuestionTables(consultationId: string, language: string) {
  const questions = numberQuestions(await listQuestions(consultationId)).filter((q) => isClosedKind(q.kind))
  if (!questions.length) return []
  const tables = await tablesOf(questions, language)
  return questions.map((question) => ({ questionId: question.id, number: question.number, ...promptIn(question.prompt, language), kind: question.kind, table: tables.get(question.id)! }))
}

/** For each open question: how many answered, and how many BSL answers still await interpretation. */
export async function openQuestionSummaries(consultationId: string, language: string) {
  const questions = numberQuestions(await listQuestions(consultationId)).filter((q) => !isClosedKind(q.kind))
  if (!questions.length) return []
  const rows = await answerTallies(questions.map((q) => q.id), ['answered', 'uninterpreted'])
  const sum = (id: string, measure: AnswerTally['measure']) => rows.filter((row) => row.question_id === id && row.measure === measure).reduce((n, row) => n + row.n, 0)
  return questions.map((q) => ({
    questionId: q.id,
    number: q.number,
    ...promptIn(q.prompt, language),
    answered: sum(q.id, 'answered'),
    uninterpreted: sum(q.id, 'uninterpreted'),
  }))
}

/** How many BSL answers, to any question, still await interpretation (from the kept tallies). */
export async function bslAwaitingInterpretation(consultationId: string) {
  const [row] = await getConnection().query<{ n: number }>(
    `select coalesce(sum(n), 0)::int as n from analysis_answer_tallies where consultation_id = $1 and measure = 'uninterpreted'`,
    [consultationId],
  )
  return row?.n ?? 0
}

/** How many BSL answers of submitted responses an official has marked as interpreted. */
export async function bslInterpreted(consultationId: string) {
  const [row] = await getConnection().query<{ n: number }>(
    `select count(*)::int as n from answers a join responses r on r.id = a.response_id
     where r.consultation_id = $1 and r.status = 'submitted' and a.interpreted_at is not null`,
    [consultationId],
  )
  return row?.n ?? 0
}

/** A BSL answer (a video, or a BSL-channel answer with no words yet) that no one has interpreted. */
export const UNINTERPRETED = `(a.media_id is not null or r.channel = 'bsl') and coalesce(a.interpretation, '') = '' and coalesce(a.text, '') = ''`

/** The officials' dashboard of one consultation; null if there is no such consultation. */
export async function getDashboard(actor: Actor, consultationId: string, language: string) {
  const consultation = await findManagedConsultation(actor, consultationId)
  if (!consultation) return null
  const [profile, closed, open, bslAwaiting] = await Promise.all([
    respondentProfile(consultation.id),
    closedQuestionTables(consultation.id, language),
    openQuestionSummaries(consultation.id, language),
    bslAwaitingInterpretation(consultation.id),
  ])
  return { consultation: { id: consultation.id, title: translate(consultation.title, language), slug: consultation.slug }, profile, closed, open, bslAwaiting }
}
