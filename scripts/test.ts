import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { findChromium } from '../tests/helpers/chromium'

// `npm test`: lint, types, unit and database tests (PGlite, then the real Postgres server when
// TEST_DATABASE_URL is set), then end-to-end tests in Chromium against the production build.
const totals = { passed: 0, failed: 0, skipped: 0 }
const reports = mkdtempSync(path.join(tmpdir(), 'guth-test-'))

function run(label: string, command: string, args: string[], env: Record<string, string | undefined> = {}) {
  console.log(`\n▶ ${label}`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  if (result.status !== 0) {
    finish(`✗ ${label} failed`)
  }
}

function vitest(label: string, args: string[], env: Record<string, string | undefined> = {}) {
  const report = path.join(reports, `${label.replace(/\W+/g, '-')}.json`)
  console.log(`\n▶ ${label}`)
  const result = spawnSync('vitest', ['run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  })
  if (existsSync(report)) {
    const summary = JSON.parse(readFileSync(report, 'utf8'))
    totals.passed += summary.numPassedTests
    totals.failed += summary.numFailedTests
    totals.skipped += summary.numPendingTests + summary.numTodoTests
  }
  if (result.status !== 0) finish(`✗ ${label} failed`)
}

function finish(message: string): never {
  console.log(`\n${message}`)
  console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
  process.exit(message.startsWith('✗') ? 1 : 0)
}

const postgresUrl = process.env.TEST_DATABASE_URL
run('lint', 'eslint', ['.', '--max-warnings=0'])
run('module boundaries', 'tsx', ['scripts/boundaries-count.ts', '--check'])
run('typecheck', 'tsc', [])
vitest('unit and database tests on PGlite', [], { TEST_DATABASE_URL: '' })
if (postgresUrl) {
  vitest('database tests on the Postgres server', ['tests/integration'], { TEST_DATABASE_URL: postgresUrl })
} else {
  console.log('\nTEST_DATABASE_URL is not set: the database suite ran on PGlite only.')
}

const chromium = findChromium()
if (!chromium) {
  const line = 'NO CHROMIUM FOUND: END-TO-END TESTS SKIPPED. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.'
  if (process.env.CI === 'true') finish(`✗ ${line}`)
  console.log(`\n${'!'.repeat(line.length)}\n${line}\n${'!'.repeat(line.length)}`)
  finish('✓ all checks passed except end-to-end (skipped)')
}
run('production build', 'remix', ['vite:build'], { NODE_ENV: 'production' })
vitest('end-to-end tests in Chromium', ['--config', 'vitest.e2e.config.ts'], { CHROMIUM_PATH: chromium })
// Every form and parameterised page, found by itself, sent what careless clients and attackers send.
vitest('fuzz suite against the production build', ['--config', 'vitest.fuzz.config.ts'])
finish('✓ all checks passed')
