import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm'
import type { Actor } from '~/modules/accounts'
import { getConnection, getDb } from '~/platform/db.server'
import { defineJob, prepareQueue } from '~/platform/jobs.server'
import { logError } from '~/platform/log.server'
import { storeCampaignGroups } from './campaigns.server'
import { findOpenQuestion } from './context.server'
import { analysisRuns } from './schema'
import { storeSuggestions } from './suggestions.server'

// Suggested themes and campaign groups are worked out in the background: on a question with
// hundreds of thousands of answers they take tens of seconds, longer than a page should wait.
// The official asks, the page says it is being worked out, and shows the result when it is done.

export type RunKind = (typeof analysisRuns.$inferSelect)['kind']

// A run still "queued" or "running" after this long died with its worker; it may be asked for again.
const STALE_AFTER = '1 hour'

const work: Record<RunKind, (questionId: string) => Promise<number>> = { themes: storeSuggestions, campaigns: storeCampaignGroups }

export const analysisRunJob = defineJob<{ runId: string }>({
  name: 'analysis-run',
  // A failed run is marked failed for the official to ask again; retrying by itself would only
  // fail the same way.
  retryLimit: 0,
  async run({ runId }) {
    await performRun(runId)
  },
})

/** Does one run: marks it running, works, then done with what it found, or failed. */
export async function performRun(runId: string) {
  const db = getDb()
  const [run] = await db
    .update(analysisRuns)
    .set({ status: 'running' })
    .where(and(eq(analysisRuns.id, runId), eq(analysisRuns.status, 'queued')))
    .returning()
  if (!run) return
  try {
    const found = await work[run.kind](run.questionId)
    await db.update(analysisRuns).set({ status: 'done', found, finishedAt: sql`now()` }).where(eq(analysisRuns.id, runId))
  } catch (error) {
    logError(error, { component: 'analysis', run: runId, kind: run.kind })
    await db.update(analysisRuns).set({ status: 'failed', finishedAt: sql`now()` }).where(eq(analysisRuns.id, runId))
  }
}

/**
 * Asks for a question's suggested themes or campaign groups to be worked out again. 'already'
 * if a run of that kind is still going; null if the question is not there for this official.
 */
export async function requestRun(actor: Actor, consultationId: string, questionId: string, kind: RunKind) {
  if (!(await findOpenQuestion(actor, consultationId, questionId, 'en'))) return null
  const db = getDb()
  await db
    .update(analysisRuns)
    .set({ status: 'failed', finishedAt: sql`now()` })
    .where(
      and(
        eq(analysisRuns.questionId, questionId),
        eq(analysisRuns.kind, kind),
        inArray(analysisRuns.status, ['queued', 'running']),
        lt(analysisRuns.requestedAt, sql`now() - ${STALE_AFTER}::interval`),
      ),
    )
  await prepareQueue(analysisRunJob.name)
  // The job exists only if the run's row does, and the other way round.
  return getConnection().transaction(async (tx) => {
    const [run] = await tx.query<{ id: string }>(
      `insert into analysis_runs (question_id, kind, requested_by) values ($1, $2, $3)
       on conflict (question_id, kind) where status in ('queued', 'running') do nothing returning id`,
      [questionId, kind, actor.id],
    )
    if (!run) return 'already' as const
    await analysisRunJob.enqueue({ runId: run.id }, { transaction: tx })
    return 'queued' as const
  })
}

export interface RunView {
  status: 'queued' | 'running' | 'done' | 'failed'
  found: number | null
  requestedAt: string
  finishedAt: string | null
}

/** The latest run of a kind for a question, if there has been one. */
export async function latestRun(questionId: string, kind: RunKind): Promise<RunView | null> {
  const [run] = await getDb()
    .select()
    .from(analysisRuns)
    .where(and(eq(analysisRuns.questionId, questionId), eq(analysisRuns.kind, kind)))
    .orderBy(desc(analysisRuns.requestedAt))
    .limit(1)
  if (!run) return null
  return { status: run.status, found: run.found, requestedAt: run.requestedAt.toISOString(), finishedAt: run.finishedAt?.toISOString() ?? null }
}
