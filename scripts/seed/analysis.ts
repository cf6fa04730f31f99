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
  // A Postgres server's autovacuum would have analysed the new rows before anyone read them;
  // PGlite has no autovacuum, so there the planner sees what a real embedded install sees.
  if (connection.kind === 'postgres') await connection.exec('analyze consultations, questions, responses, answers')
}
