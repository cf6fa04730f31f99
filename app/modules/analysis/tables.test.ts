import { expect, test } from 'vitest'
import { byWeek, percent, rankingTable, splitTableCsv, splitTable } from './tables'

test('percentages are of those who answered, to one decimal place, and empty groups have none', () => {
  expect(percent(1, 3)).toBe(33.3)
  expect(percent(2, 3)).toBe(66.7)
  expect(percent(0, 0)).toBeNull()
})

test('days add up into weeks starting on Monday', () => {
  expect(byWeek([{ day: '2026-10-04', n: 2 }, { day: '2026-10-05', n: 3 }, { day: '2026-10-11', n: 1 }, { day: '2026-10-12', n: 4 }])).toEqual([
    { week: '2026-09-28', n: 2 },
    { week: '2026-10-05', n: 4 },
    { week: '2026-10-12', n: 4 },
  ])
})

test('a table as CSV keeps a spreadsheet from reading a label as a formula', () => {
  const table = splitTable([{ key: 'x', label: '=SUM(A1)' }], [{ key: 'x', respondentType: 'individual', n: 1 }], [{ respondentType: 'individual', n: 2 }])
  const csv = splitTableCsv(table, { answer: 'Answer', base: 'Base', group: { all: 'All', individual: 'Individuals', organisation: 'Organisations' } })
  expect(csv.split('\r\n')[1]).toBe("'=SUM(A1),1,50,1,50,0,")
})

test('a ranking table counts first places and averages positions per group; its CSV has a mean-rank column per group', () => {
  const ranks = [
    { key: 'roads', respondentType: 'individual', position: 1, n: 2 },
    { key: 'roads', respondentType: 'organisation', position: 2, n: 1 },
    { key: 'parks', respondentType: 'individual', position: 2, n: 2 },
    { key: 'parks', respondentType: 'organisation', position: 1, n: 1 },
  ]
  const labels = [
    { key: 'parks', label: 'Parks' },
    { key: 'roads', label: 'Roads' },
  ]
  const table = rankingTable(labels, ranks, [
    { respondentType: 'individual', n: 2 },
    { respondentType: 'organisation', n: 1 },
  ])
  expect(table.rows.map((r) => [r.key, r.cells.all.n, r.cells.all.pct, r.meanRank])).toEqual([
    ['parks', 1, 33.3, { all: 1.67, individual: 2, organisation: 1 }],
    ['roads', 2, 66.7, { all: 1.33, individual: 1, organisation: 2 }],
  ])
  const csv = splitTableCsv(table, { answer: 'Answer', base: 'Base', meanRank: 'mean rank', group: { all: 'All', individual: 'Individuals', organisation: 'Organisations' } }).split('\r\n')
  expect(csv[0]).toBe('Answer,All (n),All (%),All (mean rank),Individuals (n),Individuals (%),Individuals (mean rank),Organisations (n),Organisations (%),Organisations (mean rank)')
  expect(csv[1]).toBe('Parks,1,33.3,1.67,0,0,2,1,100,1')
})
