import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createScratchDatabase } from './lib/database'
import { type ScenarioFigures, measure } from './lib/load'
import { describeRun, printTable, writeResults } from './lib/report'
import { loadScenarios, selectScenarios } from './lib/scenario'
import { buildProductionBundle, launchServer, profileNodeArgs, seedDemoContent } from './lib/server'
import { cleanupSteps, runBench } from './lib/cleanups'

// Usage: npm run bench -- [--no-build] [scenario names…]
const args = process.argv.slice(2)
const skipBuild = args.includes('--no-build')
const names = args.filter((arg) => !arg.startsWith('--'))
const durationSeconds = Number(process.env.BENCH_DURATION ?? 10)
const postgresUrl = process.env.BENCH_DATABASE_URL
const load = { connections: 10, durationSeconds, warmUpSeconds: 2 }

const { cleanups, cleanUp } = cleanupSteps()

async function main() {
  if (!Number.isFinite(durationSeconds) || durationSeconds < 1) throw new Error('BENCH_DURATION must be a number of seconds ≥ 1')
  const scenarios = selectScenarios(await loadScenarios(), names)
  if (!skipBuild) await buildProductionBundle()

  const work = mkdtempSync(path.join(tmpdir(), 'guth-bench-'))
  cleanups.push(() => rmSync(work, { recursive: true, force: true }))
  // No SMTP_URL: email goes to the local outbox, where scenarios that sign in read their code.
  const env: Record<string, string> = { DATA_DIR: path.join(work, 'data'), DATABASE_URL: '', SMTP_URL: '' }
  const context = { mailDir: path.join(env.DATA_DIR!, 'mail') }
  if (postgresUrl) {
    const database = await createScratchDatabase(postgresUrl)
    cleanups.push(() => database.drop())
    Object.assign(env, { DATABASE_URL: database.url, SESSION_SECRET: randomBytes(32).toString('hex') })
    // The server seeds only an empty embedded database; seed here so both engines serve the same rows.
    await seedDemoContent(env)
  }

  const server = await launchServer(env, path.join(work, 'server.log'), { nodeArgs: profileNodeArgs() })
  cleanups.push(() => server.stop())
  await server.waitUntilHealthy()
  const metadata = describeRun({ database: postgresUrl ? 'postgres' : 'pglite', ...load })
  console.log(`Benchmarking ${server.baseUrl} (${metadata.database}), ${load.connections} connections, ${durationSeconds} s per scenario`)

  const figures: ScenarioFigures[] = []
  for (const scenario of scenarios) {
    console.log(`… ${scenario.name}`)
    figures.push(await measure(server.baseUrl, scenario, load, context))
  }
  console.log()
  printTable(figures)
  console.log(`\nResults: ${writeResults(metadata, figures)}`)
}

await runBench(main, cleanUp)
