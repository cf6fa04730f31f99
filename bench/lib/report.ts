import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { ScenarioFigures } from './load'

export interface RunMetadata {
  date: string
  gitCommit: string
  gitDirty: boolean
  node: string
  cpus: number
  cpuModel: string
  database: 'pglite' | 'postgres'
  durationSeconds: number
  warmUpSeconds: number
  connections: number
}

export function describeRun(settings: Omit<RunMetadata, 'date' | 'gitCommit' | 'gitDirty' | 'node' | 'cpus' | 'cpuModel'>): RunMetadata {
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim()
  return {
    date: new Date().toISOString(),
    gitCommit: git('rev-parse', '--short', 'HEAD'),
    gitDirty: git('status', '--porcelain').length > 0,
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    ...settings,
  }
}

/** Requests that did not end in a 2xx (or the scenario's expected status): other statuses, plus
 * socket errors (timeouts included). */
const failures = (f: ScenarioFigures) =>
  (f.expectStatus ? Object.entries(f.statusCodes).reduce((n, [code, count]) => n + (Number(code) === f.expectStatus ? 0 : count), 0) : f.non2xx) + f.errors

const ratioTo = (anchor: string) => (f: ScenarioFigures, all: ScenarioFigures[]) => {
  const base = all.find((s) => s.name === anchor)
  return base && base.requestsPerSecond > 0 ? f.requestsPerSecond / base.requestsPerSecond : null
}
const ratioToHealthz = ratioTo('healthz')
const ratioToStatic = ratioTo('static')

export function printTable(figures: ScenarioFigures[]) {
  const header = ['scenario', 'req/s (mean)', 'p50 ms', 'p99 ms', 'errors', 'body KB', 'ratio to healthz', 'ratio to static']
  const shown = (ratio: number | null) => (ratio === null ? '–' : ratio.toFixed(3))
  const rows = figures.map((f) => [
    f.name,
    f.requestsPerSecond.toFixed(1),
    String(f.latencyP50Ms),
    String(f.latencyP99Ms),
    String(failures(f)),
    f.bodyBytes === null || f.bodyBytes === undefined ? '–' : (f.bodyBytes / 1024).toFixed(1),
    shown(ratioToHealthz(f, figures)),
    shown(ratioToStatic(f, figures)),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')
  console.log([line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n'))
}

/** Writes bench/results/<date-time>-<database>.json and returns its path. */
export function writeResults(metadata: RunMetadata, figures: ScenarioFigures[]) {
  const stamp = metadata.date.replace(/\.\d+Z$/, 'Z').replaceAll(':', '-')
  const file = path.resolve(import.meta.dirname, '../results', `${stamp}-${metadata.database}.json`)
  const scenarios = figures.map((f) => ({ ...f, failures: failures(f), ratioToHealthz: ratioToHealthz(f, figures), ratioToStatic: ratioToStatic(f, figures) }))
  writeFileSync(file, `${JSON.stringify({ ...metadata, scenarios }, null, 2)}\n`)
  return path.relative(process.cwd(), file)
}
