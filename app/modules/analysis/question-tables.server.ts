import { optionsOf, type QuestionKind, type QuestionView } from '~/modules/consultations'
import { getConnection } from '~/platform/db.server'
import { wordsIn } from './language'
import { type GroupedCount, rankingTable, type SplitTable, splitTable } from './tables'

// The analysis table of each question kind, keyed like the registry of kinds
// (consultations/question-kinds.ts): null for kinds answered in words, which are read and coded
// instead. A table is built for a consultation's questions of that kind at once.

export const typeOf = (stored: string) => (stored === 'not_given' ? null : stored)

export interface AnswerTally {
  question_id: string
  measure: 'base' | 'choice' | 'answered' | 'uninterpreted'
  choice: string
  respondent_type: string
  channel: string
  consent: string
  n: number
}

/** The answer tallies of some questions under some measures. */
export function answerTallies(questionIds: string[], measures: AnswerTally['measure'][]) {
  return getConnection().query<AnswerTally>(
    `select question_id, measure, choice, respondent_type, channel, consent, n from analysis_answer_tallies
     where consultation_id in (select consultation_id from questions where id = any($1::uuid[]))
       and question_id = any($1::uuid[]) and measure = any($2::text[]) and n <> 0`,
    [questionIds, measures],
  )
}

type Asked = Pick<QuestionView, 'id' | 'kind' | 'options'>
export type TableBuilder = (questions: Asked[], language: string) => Promise<Map<string, SplitTable>>

export const optionLabels = (question: Asked, language: string) =>
  optionsOf(question).map((o) => {
    const words = wordsIn(o.label, language)
    return { key: o.value, label: words.text, lang: words.lang }
  })

/** n and % per choice, for everyone and per respondent type, from the tallies the triggers keep. */
const choiceTables: TableBuilder = async (questions, language) => {
  const rows = await answerTallies(
    questions.map((q) => q.id),
    ['base', 'choice'],
  )
  return new Map(
    questions.map((question) => {
      const mine = rows.filter((row) => row.question_id === question.id)
      const counts = mine.filter((row) => row.measure === 'choice').map((row): GroupedCount => ({ key: row.choice, respondentType: typeOf(row.respondent_type), n: row.n }))
      const bases = mine.filter((row) => row.measure === 'base').map((row) => ({ respondentType: typeOf(row.respondent_type), n: row.n }))
      return [question.id, splitTable(optionLabels(question, language), counts, bases)]
    }),
  )
}

/** Per option: who ranked it first (n, %) and its mean position, from the stored order of each ranking. */
const rankingTables: TableBuilder = async (questions, language) => {
  const ids = questions.map((q) => q.id)
  const [positions, bases] = await Promise.all([
    getConnection().query<{ question_id: string; choice: string; respondent_type: string | null; position: number; n: number }>(
      `select a.question_id, c.choice, r.respondent_type::text as respondent_type, c.position::int as position, count(*)::int as n
       from answers a join responses r on r.id = a.response_id
       cross join lateral jsonb_array_elements_text(a.choices) with ordinality as c(choice, position)
       where a.question_id = any($1::uuid[]) and r.status = 'submitted'
       group by 1, 2, 3, 4`,
      [ids],
    ),
    answerTallies(ids, ['base']),
  ])
  return new Map(
    questions.map((question) => {
      const ranks = positions.filter((row) => row.question_id === question.id).map((row) => ({ key: row.choice, respondentType: row.respondent_type, position: row.position, n: row.n }))
      const base = bases.filter((row) => row.question_id === question.id).map((row) => ({ respondentType: typeOf(row.respondent_type), n: row.n }))
      return [question.id, rankingTable(optionLabels(question, language), ranks, base)]
    }),
  )
}

export const questionTables: Record<QuestionKind, TableBuilder | null> = {
  text: null,
  long_text: null,
  single: choiceTables,
  multiple: choiceTables,
  scale: choiceTables,
  yes_no: choiceTables,
  ranking: rankingTables,
}

/** The tables of these questions (those of kinds with one), by question id. */
export async function tablesOf(questions: Asked[], language: string) {
  const built = await Promise.all(
    [...new Set(questions.map((q) => q.kind))].map((kind) => questionTables[kind]?.(questions.filter((q) => q.kind === kind), language) ?? new Map<string, SplitTable>()),
  )
  return new Map(built.flatMap((tables) => [...tables]))
}
