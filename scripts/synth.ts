import { parseArgs } from 'node:util'
import { closeConnection, getConnection } from '~/platform/db.server'
import { prepareDatabase } from '~/platform/startup.server'
import { synthesise } from './synth-data'

// npm run db:synth -- --respondents 30000 --questions 20 --seed 1
// Fills the database DATA_DIR / DATABASE_URL points at with a closed consultation `synth-<seed>`.
const { values } = parseArgs({
  options: {
    respondents: { type: 'string', default: '30000' },
    questions: { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    campaign: { type: 'string', default: '0.06' },
  },
})
const count = (value: string, name: string) => {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number above 0`)
  return n
}

await prepareDatabase()
const started = performance.now()
const result = await synthesise(getConnection(), {
  respondents: count(values.respondents, 'respondents'),
  questions: count(values.questions, 'questions'),
  seed: count(values.seed, 'seed'),
  campaignShare: Number(values.campaign),
  log: (line) => process.stdout.write(`\r${line}`),
})
console.log(`\nConsultation ${result.slug} (${result.consultationId}): ${result.openAnswers} open answers in ${((performance.now() - started) / 1000).toFixed(1)} s`)
await closeConnection()
