import { randomUUID } from 'node:crypto'
import { parseArgs } from 'node:util'
import { createScratchDatabase } from '../bench/lib/database'
import { getDashboard } from '~/modules/analysis/dashboard.server'
import { codeFrequencies } from '~/modules/analysis/coding.server'
import { getAnswerForCoding, listOpenAnswers } from '~/modules/analysis/reading.server'
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
//   npx tsx scripts/synth-bench.ts --database postgres://…/guth_synth   (a database npm run db:synth already filled)
const { values } = parseArgs({
  options: {
    respondents: { type: 'string', default: '30000' },
    questions: { type: 'string', default: '20' },
    runs: { type: 'string', default: '20' },
    postgres: { type: 'string' },
    database: { type: 'string' },
  },
})

const scratch = values.postgres && !values.database ? await createScratchDatabase(values.postgres) : null
const url = values.database ?? scratch?.url
const connection: Connection = url ? connectPostgres(url, { max: 10 }) : connectPglite()
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

/** The consultation `synth-1` that npm run db:synth left in the database. */
async function existingSynth(connection: Connection) {
  const [found] = await connection.query<{ id: string }>(`select id from consultations where slug = 'synth-1'`)
  if (!found) throw new Error('No synth-1 consultation here: fill the database with npm run db:synth first')
  const questions = await connection.query<{ id: string }>('select id from questions where consultation_id = $1 order by position', [found.id])
  const [counts] = await connection.query<{ respondents: number; open: number }>(
    `select (select count(*)::int from responses where consultation_id = $1) as respondents,
            (select count(*)::int from answers a join questions q on q.id = a.question_id where q.consultation_id = $1 and q.kind = 'long_text') as open`,
    [found.id],
  )
  return { consultationId: found.id, questionIds: questions.map((q) => q.id), openAnswers: counts!.open, respondents: counts!.respondents }
}

try {
  await migrate(connection, { bootstrap: true })
  const started = performance.now()
  const synth = values.database
    ? await existingSynth(connection)
    : await synthesise(connection, { respondents: Number(values.respondents), questions: Number(values.questions), seed: 1 })
  // As the server does: autovacuum on Postgres, an analyse at start and hourly on PGlite.
  await connection.exec('analyze')
  console.log(`${connection.kind}: ${synth.respondents} respondents × ${synth.questionIds.length} questions (${synth.openAnswers} open answers) ready in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  const runs = Number(values.runs)
  const openQuestion = synth.questionIds[1]!
  const [answer] = await connection.query<{ id: string }>(
    `select a.id from answers a join responses r on r.id = a.response_id where a.question_id = $1 and a.text is not null order by r.submitted_at, a.id offset 500 limit 1`,
    [openQuestion],
  )
  await time('dashboard (profile, closed tables, open counts)', runs, () => getDashboard(official, synth.consultationId, 'en'))
  await time('open answers, page 1, no filter', runs, () => listOpenAnswers(official, synth.consultationId, openQuestion, {}, 1, 'en'))
  await time('open answers, search "island ferries"', runs, () => listOpenAnswers(official, synth.consultationId, openQuestion, { q: 'island ferries' }, 1, 'en'))
  await time('open answers, individuals, unreviewed, page 40', runs, () => listOpenAnswers(official, synth.consultationId, openQuestion, { type: 'individual', reviewed: 'no' }, 40, 'en'))
  await time('open answers, web, anonymous, not coded', runs, () => listOpenAnswers(official, synth.consultationId, openQuestion, { channel: 'web', consent: 'anonymous', code: 'none' }, 1, 'en'))
  await time('one answer with previous and next', runs, () => getAnswerForCoding(official, synth.consultationId, openQuestion, answer!.id, { type: 'individual' }, 'en'))
  await time('code frequency table (no codes yet)', runs, () => codeFrequencies(openQuestion))

  const texts = (await Promise.all(synth.questionIds.filter((_, i) => i % 4 === 1 || i % 4 === 3).slice(0, 2).map(openAnswerTexts))).flat().slice(0, 30_000)
  await time(`theme suggestion, ${texts.length} answers (compute only)`, 3, async () => suggestThemes(texts))
  await time(`campaign detection, ${texts.length} answers (compute only)`, 3, async () => detectCampaigns(texts))
  await time('theme suggestion for one question, stored', 3, () => computeSuggestions(official, synth.consultationId, openQuestion))
} finally {
  await connection.close()
  await scratch?.drop()
}
