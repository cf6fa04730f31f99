import { describe, expect, test } from 'vitest'
import { closedQuestionTables } from '~/modules/analysis/dashboard.server'
import { optionsOf, type QuestionKind } from '~/modules/consultations/questions'
import type { QuestionOption } from '~/modules/consultations/schema'
import { getConnection } from '~/platform/db.server'
import { synthesise } from '../../scripts/synth-data'
import { withTestDatabase } from '../helpers/db'

withTestDatabase()

// The synthetic consultation is what analysis is tried and benchmarked on: its answers must be
// ones the app could have stored, or its tables quietly lose them.

describe('the synthetic consultation', () => {
  test('answers closed questions only with values the question offers, so every choice is counted', async () => {
    const { consultationId } = await synthesise(getConnection(), { respondents: 400, questions: 4, seed: 3 })
    const rows = await getConnection().query<{ kind: QuestionKind; options: QuestionOption[]; choices: string[] }>(
      `select q.kind, q.options, a.choices from answers a join questions q on q.id = a.question_id where q.consultation_id = $1 and jsonb_array_length(a.choices) > 0`,
      [consultationId],
    )
    expect(rows.length).toBeGreaterThan(400)
    const strays = rows.flatMap((row) => row.choices.filter((choice) => !optionsOf(row).some((o) => o.value === choice)).map((choice) => `${row.kind}: ${choice}`))
    expect([...new Set(strays)]).toEqual([])

    const tables = await closedQuestionTables(consultationId, 'en')
    expect(tables.map((t) => t.kind)).toEqual(['single', 'yes_no'])
    for (const { table } of tables) {
      expect(table.rows.reduce((sum, row) => sum + row.cells.all.n, 0)).toBe(table.base.all)
    }
    const dontKnow = tables[1]!.table.rows.find((row) => row.key === 'dont_know')!
    expect(dontKnow.label).toBe('Don’t know')
    expect(dontKnow.cells.all.n).toBeGreaterThan(0)
  })
})
