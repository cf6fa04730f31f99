// The numbers of an analysis, as plain data: built from grouped counts, shown by the dashboard,
// frozen into a published report and written out as CSV. Isomorphic.

export const groups = ['all', 'individual', 'organisation'] as const
export type Group = (typeof groups)[number]

export interface Cell {
  n: number
  /** share of the group's base, one decimal place; null when the base is 0 */
  pct: number | null
}

export interface TableRow {
  key: string
  label: string
  /** 'en' when the label is English standing in for a missing Gaelic one */
  lang?: 'en'
  cells: Record<Group, Cell>
  /** A ranking question's row: cells count who ranked the option first; this is its mean position among those who ranked it. */
  meanRank?: Record<Group, number | null>
}

/** A table of counts split by respondent type, with the base (how many answered) per group. */
export interface SplitTable {
  rows: TableRow[]
  base: Record<Group, number>
}

export const percent = (n: number, base: number) => (base > 0 ? Math.round((n / base) * 1000) / 10 : null)

export interface GroupedCount {
  key: string
  respondentType: string | null
  n: number
}

/**
 * Rows in the order of `labels`, each counted for everyone and per respondent type. A respondent
 * who gave no type counts in "all" only. `bases` are how many answered, per type.
 */
export function splitTable(labels: { key: string; label: string; lang?: 'en' }[], counts: GroupedCount[], bases: Omit<GroupedCount, 'key'>[]): SplitTable {
  const base = { all: 0, individual: 0, organisation: 0 }
  for (const row of bases) {
    base.all += row.n
    if (row.respondentType === 'individual' || row.respondentType === 'organisation') base[row.respondentType] += row.n
  }
  const rows = labels.map(({ key, label, lang }) => {
    const n = { all: 0, individual: 0, organisation: 0 }
    for (const count of counts) {
      if (count.key !== key) continue
      n.all += count.n
      if (count.respondentType === 'individual' || count.respondentType === 'organisation') n[count.respondentType] += count.n
    }
    const cells = Object.fromEntries(groups.map((g) => [g, { n: n[g], pct: percent(n[g], base[g]) }])) as Record<Group, Cell>
    return { key, label, ...(lang ? { lang } : {}), cells }
  })
  return { rows, base }
}

export interface RankCount {
  key: string
  respondentType: string | null
  position: number
  n: number
}

/**
 * A ranking question's table: per option, how many ranked it first (n, % of those who answered)
 * and its mean position (1 is most preferred, two decimal places) among those who ranked it.
 */
export function rankingTable(labels: { key: string; label: string; lang?: 'en' }[], ranks: RankCount[], bases: Omit<GroupedCount, 'key'>[]): SplitTable {
  const table = splitTable(labels, ranks.filter((r) => r.position === 1), bases)
  const mean = (key: string, group: Group) => {
    const mine = ranks.filter((r) => r.key === key && (group === 'all' || r.respondentType === group))
    const n = mine.reduce((sum, r) => sum + r.n, 0)
    return n ? Math.round((mine.reduce((sum, r) => sum + r.position * r.n, 0) / n) * 100) / 100 : null
  }
  return { ...table, rows: table.rows.map((row) => ({ ...row, meanRank: Object.fromEntries(groups.map((g) => [g, mean(row.key, g)])) as Record<Group, number | null> })) }
}

/** A one-column table: label, n, % of `total`. */
export interface SimpleTable {
  rows: { key: string; label: string; n: number; pct: number | null }[]
  total: number
}

export function simpleTable(labels: { key: string; label: string }[], counts: Map<string, number>, total: number): SimpleTable {
  return { total, rows: labels.map(({ key, label }) => ({ key, label, n: counts.get(key) ?? 0, pct: percent(counts.get(key) ?? 0, total) })) }
}

/** Daily counts summed into weeks starting on Monday, for a chart of a long consultation. */
export function byWeek(days: { day: string; n: number }[]) {
  const weeks = new Map<string, number>()
  for (const { day, n } of days) {
    const date = new Date(`${day}T12:00:00Z`)
    date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7))
    const monday = date.toISOString().slice(0, 10)
    weeks.set(monday, (weeks.get(monday) ?? 0) + n)
  }
  return [...weeks.entries()].map(([week, n]) => ({ week, n }))
}

const csvCell = (value: string | number | null) => {
  const text = value === null ? '' : String(value)
  // A leading = + - @ would be read as a formula by spreadsheets.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export const toCsv = (rows: (string | number | null)[][]) => rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'

/** A split table as CSV rows, with headings in the caller's language. */
export function splitTableCsv(table: SplitTable, headings: { answer: string; group: Record<Group, string>; base: string; meanRank?: string }) {
  // A ranking's table has a mean-rank column after each group's n and %.
  const ranked = table.rows.some((row) => row.meanRank)
  const header = [headings.answer, ...groups.flatMap((g) => [`${headings.group[g]} (n)`, `${headings.group[g]} (%)`, ...(ranked ? [`${headings.group[g]} (${headings.meanRank})`] : [])])]
  const body = table.rows.map((row) => [row.label, ...groups.flatMap((g) => [row.cells[g].n, row.cells[g].pct, ...(ranked ? [row.meanRank?.[g] ?? null] : [])])])
  return toCsv([header, ...body, [headings.base, ...groups.flatMap((g) => [table.base[g], null, ...(ranked ? [null] : [])])]])
}

export function simpleTableCsv(table: SimpleTable, headings: { label: string; n: string; pct: string; total: string }) {
  return toCsv([[headings.label, headings.n, headings.pct], ...table.rows.map((r) => [r.label, r.n, r.pct]), [headings.total, table.total, null]])
}
