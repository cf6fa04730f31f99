import { eq } from 'drizzle-orm'
import { consultations } from '~/modules/consultations/schema'
import { getConnection } from '~/platform/db.server'
import { getEnv } from '~/platform/env.server'
import { synthesise } from '../synth-data'

/**
 * For the benchmark (SEED_ANALYSIS_BENCH=30000): the closed consultation `synth-1` with that many
 * synthetic respondents × 20 questions, as `npm run db:synth` makes it. Left alone if it exists.
 */
export async function seedAnalysisBench(respondents = getEnv().SEED_ANALYSIS_BENCH) {
  if (respondents <= 0) return
  const connection = getConnection()
  const [existing] = await connection.db.select({ id: consultations.id }).from(consultations).where(eq(consultations.slug, 'synth-1'))
  if (existing) return
  await synthesise(connection, { respondents, questions: 20, seed: 1 })
  // Autovacuum (Postgres) or the embedded database's analyse at start and every hour would see
  // the new rows soon; a benchmark should not measure the minutes before it does.
  await connection.exec('analyze')
}
