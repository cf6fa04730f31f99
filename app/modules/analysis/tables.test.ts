import { expect, test } from 'vitest'
import { byWeek, percent, splitTableCsv, splitTable } from './tables'

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
