import { randomUUID } from 'node:crypto'
import { parseArgs } from 'node:util'
import { createScratchDatabase } from '../bench/lib/database'
import { getDashboard } from '~/modules/analysis/dashboard.server'
import { codeFrequencies } from '~/modules/analysis/coding.server'
import { listOpenAnswers } from '~/modules/analysis/reading.server'
import { computeSuggestions, openAnswerTexts } from '~/modules/analysis/suggestions.server'
import { detectCampaigns } from '~/modules/analysis/campaigns'
import { suggestThemes } from '~/modules/analysis/themes'
import { type Connection, connectPglite, connectPostgres, setConnection } from '~/platform/db.server'
import { migrate } from '~/platform/migrate.server'
import { synthesise } from './synth-data'

// Server time of the analysis pages' work at scale: the module functions their loaders call,
// timed in-process on a synthetic consultation (npm run db:synth's data), p50 and p99.
//   npx tsx scripts/synth-bench.ts --respondents 30000 --questions 20            (PGlite, in memory)
//   npx tsx scripts/synth-bench.ts --postgres postgres://postgres@127.0.0.1:5432/test
const { values } = parseArgs({
  options: {
    respondents: { type: 'string', default: '30000' },
    questions: { type: 'string', default: '20' },
    runs: { type: 'string', default: '20' },
    postgres: { type: 'string' },
  },
})

const scratch = values.postgres ? await createScratchDatabase(values.postgres) : null
const connection: Connection = scratch ? connectPostgres(scratch.url, { max: 10 }) : connectPglite()
setConnection(connection)
const official = { id: randomUUID(), roles: ['official'] as const }

async function time<T>(name: string, runs: number, work: () => Promise<T>) {
  await work() // warm-up: plans cached, pages in memory
  const ms: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await work()
    ms.push(performance.now() - started)
  }
  ms.sort((a, b) => a - b)
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)]!.toFixed(1)
  console.log(`${name.padEnd(46)} p50 ${at(0.5).padStart(8)} ms   p99 ${at(0.99).padStart(8)} ms   (${runs} runs)`)
}

try {
  await migrate(connection, { bootstrap: true })
  const started = performance.now()
  const synth = await synthesise(connection, { respondents: Number(values.respondents), questions: Number(values.questions), seed: 1 })
  if (connection.kind === 'postgres') await connection.exec('analyze')
  console.log(`${connection.kind}: ${values.respondents} respondents × ${values.questions} questions (${synth.openAnswers} open answers) made in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  const runs = Number(values.runs)
  const openQuestion = synth.questionIds[1]!
  await time('dashboard (profile, closed tables, open counts)', runs, () => getDashboard(official, synth.consultationId, 'en'))
  await time('open answers, page 1, no filter', runs, () => listOpenAnswers(official, synth.consultationId, openQuestion, {}, 1, 'en'))
  await time('open answers, search "island ferries"', runs, () => listOpenAnswers(official, synth.consultationId, openQuestion, { q: 'island ferries' }, 1, 'en'))
  await time('open answers, individuals, unreviewed, page 40', runs, () => listOpenAnswers(official, synth.consultationId, openQuestion, { type: 'individual', reviewed: 'no' }, 40, 'en'))
  await time('code frequency table (no codes yet)', runs, () => codeFrequencies(openQuestion))

  const texts = (await Promise.all(synth.questionIds.filter((_, i) => i % 4 === 1 || i % 4 === 3).slice(0, 2).map(openAnswerTexts))).flat().slice(0, 30_000)
  await time(`theme suggestion, ${texts.length} answers (compute only)`, 3, async () => suggestThemes(texts))
  await time(`campaign detection, ${texts.length} answers (compute only)`, 3, async () => detectCampaigns(texts))
  await time('theme suggestion for one question, stored', 3, () => computeSuggestions(official, synth.consultationId, openQuestion))
} finally {
  await connection.close()
  await scratch?.drop()
}
