import { fromPglite, type Job, type JobResult, PgBoss, type SendOptions } from 'pg-boss'
import { type Connection, getConnection } from './db.server'
import { getEnv } from './env.server'
import { logError, logInfo, logWarning } from './log.server'

export interface JobDefinition<T extends object> {
  name: string
  /** Throw to fail the attempt: pg-boss retries with backoff, then keeps the job as `failed`. */
  run(data: T, job: Job<T>): Promise<void>
  retryLimit?: number
  retryDelaySeconds?: number
  /** Runs on this cron schedule (Europe/London) as well as when enqueued. */
  cron?: string
  /**
   * Works jobs in batches instead of one by one: each job's outcome is its own (a failed one is
   * retried, the others are done). `run` is then unused.
   */
  runBatch?(jobs: Job<T>[]): Promise<JobResult[]>
  batchSize?: number
  /** Wake the worker the moment a job is queued (LISTEN/NOTIFY), not at its next poll. */
  notify?: boolean
  pollingIntervalSeconds?: number
  /**
   * A job whose worker stops sending heartbeats for this long (it was killed) goes back to the
   * queue within about a minute, instead of waiting out pg-boss's 15-minute expiry.
   */
  heartbeatSeconds?: number
}

const registry = new Map<string, JobDefinition<object>>()

/** Declares a kind of background job; modules call this at load time. */
export function defineJob<T extends object>(definition: JobDefinition<T>) {
  registry.set(definition.name, definition as JobDefinition<object>)
  return {
    name: definition.name,
    enqueue: (data: T, options?: EnqueueOptions) => enqueue(definition.name, data, options),
  }
}

const holder = globalThis as typeof globalThis & { __guthJobs?: Promise<PgBoss>; __guthQueues?: Set<string> }

function createBoss() {
  const connection = getConnection()
  const boss = connection.pglite
    ? new PgBoss({ db: fromPglite(connection.pglite), backend: 'pglite', useListenNotify: true })
    : new PgBoss({ connectionString: connection.url, max: 8, application_name: 'guth-jobs', useListenNotify: true })
  boss.on('error', (error) => logError(error, { component: 'jobs' }))
  return boss
}

async function startBoss() {
  const boss = createBoss()
  await boss.start()
  holder.__guthQueues = new Set()
  return boss
}

async function ensureQueue(boss: PgBoss, definition: JobDefinition<object>) {
  const queues = (holder.__guthQueues ??= new Set())
  if (queues.has(definition.name)) return
  await boss.createQueue(definition.name, {
    retryLimit: definition.retryLimit ?? 5,
    retryDelay: definition.retryDelaySeconds ?? 30,
    retryBackoff: true,
    notify: definition.notify ?? false,
    // Failed jobs stay visible for a fortnight so someone can look at them.
    deleteAfterSeconds: 14 * 24 * 3600,
  })
  queues.add(definition.name)
}

export function getJobs(): Promise<PgBoss> {
  holder.__guthJobs ??= startBoss()
  return holder.__guthJobs
}

function definitionOf(name: string) {
  const definition = registry.get(name)
  if (!definition) throw new Error(`No job named ${name} is defined`)
  return definition
}

/**
 * Makes sure the queue exists. Call it before a transaction that enqueues into it: on PGlite,
 * creating the queue inside the transaction would wait for the connection the transaction holds.
 */
export async function prepareQueue(name: string) {
  await ensureQueue(await getJobs(), definitionOf(name))
}

export interface EnqueueOptions extends SendOptions {
  /** Enqueue inside this transaction: the job exists only if the transaction commits. */
  transaction?: Pick<Connection, 'query'>
}

export async function enqueue(name: string, data: object, { transaction, ...given }: EnqueueOptions = {}) {
  const boss = await getJobs()
  const definition = definitionOf(name)
  await ensureQueue(boss, definition)
  const options = { ...(definition.heartbeatSeconds && { heartbeatSeconds: definition.heartbeatSeconds }), ...given }
  if (!transaction) return boss.send(name, data, options)
  const db = { executeSql: async (text: string, values?: unknown[]) => ({ rows: await transaction.query(text, values) }) }
  return boss.send(name, data, { ...options, db })
}

/** Starts working every defined queue in this process (the web process, or `npm run worker`). */
export async function startWorkers(options: { pollingIntervalSeconds?: number } = {}) {
  const boss = await getJobs()
  for (const definition of registry.values()) {
    await ensureQueue(boss, definition)
    if (definition.cron) await boss.schedule(definition.name, definition.cron, {}, { tz: 'Europe/London' })
    // The caller's interval (tests, a worker process) wins over the queue's own.
    const pollingIntervalSeconds = options.pollingIntervalSeconds ?? definition.pollingIntervalSeconds ?? 2
    if (definition.runBatch) {
      const runBatch = definition.runBatch
      // A full batch means more is waiting: fetch the next at once (a backlog drains without pauses).
      const polling = { pollingIntervalSeconds, notifyPollingIntervalSeconds: Math.max(pollingIntervalSeconds, 5), burstWhenBatchFull: true }
      await boss.work<object>(definition.name, { ...polling, batchSize: definition.batchSize ?? 10, perJobResults: true }, (jobs) =>
        runBatch(jobs).then((results) => {
          for (const result of results) if (result.status === 'failed') noteFailure(definition, jobs.find((j) => j.id === result.id)!, result.output)
          return results
        }),
      )
      continue
    }
    await boss.work<object>(definition.name, { pollingIntervalSeconds, batchSize: 1 }, async ([job]) => {
      if (!job) return
      try {
        await definition.run(job.data, job)
      } catch (error) {
        noteFailure(definition, job, error)
        throw error
      }
    })
  }
}

function noteFailure(definition: JobDefinition<object>, job: Job<object>, error: unknown) {
  const final = job.retryCount >= (definition.retryLimit ?? 5)
  const details = { job: definition.name, id: job.id, reason: String(error instanceof Error ? error.message : JSON.stringify(error)).slice(0, 500) }
  // The last attempt is kept by pg-boss as `failed`; say so loudly enough to be noticed.
  if (final) logWarning('job failed after its last retry', details)
  else logInfo('job attempt failed, will retry', details)
}

export async function stopJobs() {
  const started = holder.__guthJobs
  holder.__guthJobs = undefined
  if (started) await (await started).stop({ graceful: true, timeout: 10_000 })
}

export function isJobWorkerInline() {
  return getEnv().JOBS_WORKER === 'inline'
}
