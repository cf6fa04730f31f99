import { useId } from 'react'
import { useTranslation } from '~/platform/i18n/react'
import { groups, type SimpleTable, type SplitTable } from '~/modules/analysis'
import analysisStyles from '~/styles/analysis.css?url'

/** The analysis pages' stylesheet (charts, quotations, print), for a route's `links`. */
export const analysisLinks = () => [{ rel: 'stylesheet', href: analysisStyles }]

// Server-rendered SVG charts, each followed by the table it draws: the table is the accessible
// version (and the one screen readers are pointed to), the chart a picture of it.

const BAR = 22
const GAP = 8
const LABEL_WIDTH = 230
const WIDTH = 640

interface Bar {
  label: string
  lang?: 'en'
  value: number
  /** what the bar's end says, e.g. "12 (40%)" */
  text: string
}

/** A horizontal bar chart; `title` names it for assistive technology. */
export function BarChart({ title, bars }: { title: string; bars: Bar[] }) {
  const id = useId()
  const max = Math.max(1, ...bars.map((b) => b.value))
  const height = bars.length * (BAR + GAP) + GAP
  const room = WIDTH - LABEL_WIDTH - 110
  return (
    <svg
      className="guth-chart"
      role="img"
      aria-labelledby={`${id}-title`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
      focusable="false"
    >
      <title id={`${id}-title`}>{title}</title>
      {bars.map((bar, i) => {
        const y = GAP + i * (BAR + GAP)
        const w = Math.round((bar.value / max) * room)
        return (
          <g key={`${bar.label}-${i}`} aria-hidden="true">
            <text x={LABEL_WIDTH - 8} y={y + BAR * 0.7} textAnchor="end" fontSize="14" fill="#333333" lang={bar.lang}>
              {bar.label.length > 32 ? `${bar.label.slice(0, 31)}…` : bar.label}
            </text>
            <rect x={LABEL_WIDTH} y={y} width={Math.max(w, 1)} height={BAR} fill="#0065bd" />
            <text x={LABEL_WIDTH + w + 6} y={y + BAR * 0.7} fontSize="14" fill="#333333">
              {bar.text}
            </text>
          </g>
        )
      })}
    </svg>
  )
}

const pct = (value: number | null) => (value === null ? '–' : `${value}%`)

/** A closed question's table, n and % for everyone and per respondent type (and a ranking's mean rank). */
export function SplitTableView({ caption, table, chart = true }: { caption: string; table: SplitTable; chart?: boolean }) {
  const { t } = useTranslation('analysis')
  const ranked = table.rows.some((row) => row.meanRank)
  return (
    <figure className="guth-analysis-figure">
      {chart ? <BarChart title={caption} bars={table.rows.map((r) => ({ label: r.label, lang: r.lang, value: r.cells.all.n, text: `${r.cells.all.n} (${pct(r.cells.all.pct)})` }))} /> : null}
      {/* A ranking's wider table scrolls sideways on narrow screens: keyboard users must reach it too. */}
      <div className="guth-body__table" {...(ranked ? { tabIndex: 0, role: 'region', 'aria-label': caption } : {})}>
        <table className="ds_table ds_table--small">
          <caption className="ds_table__caption">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('table.answer')}</th>
              {groups.map((g) => (
                <th key={g} scope="col" colSpan={ranked ? 3 : 2}>
                  {t(`group.${g}`)}
                </th>
              ))}
            </tr>
            {ranked ? (
              <tr>
                <td />
                {groups.flatMap((g) => [
                  <th key={`${g}-n`} scope="col">
                    {t('table.rankedFirst')}
                  </th>,
                  <th key={`${g}-p`} scope="col">
                    {t('table.pct')}
                  </th>,
                  <th key={`${g}-m`} scope="col">
                    {t('table.meanRank')}
                  </th>,
                ])}
              </tr>
            ) : null}
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row" lang={row.lang}>
                  {row.label}
                </th>
                {groups.flatMap((g) => [
                  <td key={`${g}-n`}>{row.cells[g].n}</td>,
                  <td key={`${g}-p`}>{pct(row.cells[g].pct)}</td>,
                  ...(ranked ? [<td key={`${g}-m`}>{row.meanRank?.[g] ?? '–'}</td>] : []),
                ])}
              </tr>
            ))}
            <tr>
              <th scope="row">{t('table.base')}</th>
              {groups.flatMap((g) => [<td key={`${g}-n`}>{table.base[g]}</td>, <td key={`${g}-p`} />, ...(ranked ? [<td key={`${g}-m`} />] : [])])}
            </tr>
          </tbody>
        </table>
      </div>
      {ranked ? <p className="ds_hint-text">{t('table.rankingNote')}</p> : null}
    </figure>
  )
}

/** A one-column table (label, n, %) with an optional chart; `labelOf` translates keys. */
export function SimpleTableView({
  caption,
  table,
  labelOf = (key) => key,
  chart = true,
}: {
  caption: string
  table: SimpleTable
  labelOf?: (key: string, label: string) => string
  chart?: boolean
}) {
  const { t } = useTranslation('analysis')
  const rows = table.rows.map((r) => ({ ...r, label: labelOf(r.key, r.label) }))
  return (
    <figure className="guth-analysis-figure">
      {chart ? <BarChart title={caption} bars={rows.map((r) => ({ label: r.label, value: r.n, text: `${r.n} (${pct(r.pct)})` }))} /> : null}
      <table className="ds_table ds_table--small">
        <caption className="ds_table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.category')}</th>
            <th scope="col">{t('table.n')}</th>
            <th scope="col">{t('table.pct')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td>{row.n}</td>
              <td>{pct(row.pct)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('table.total')}</th>
            <td>{table.total}</td>
            <td />
          </tr>
        </tbody>
      </table>
    </figure>
  )
}
