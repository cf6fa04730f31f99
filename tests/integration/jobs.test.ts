import { afterEach, beforeEach, expect, test } from 'vitest'
import { defineJob, getJobs, startWorkers, stopJobs } from '~/platform/jobs.server'
import { withTestDatabase } from '../helpers/db'
import { poll } from '../helpers/smtp'

withTestDatabase()

// Each test starts its own worker and counts from nothing, so each runs alone or in any order.
const done: string[] = []
let attempts = 0
beforeEach(async () => {
  done.length = 0
  attempts = 0
  await startWorkers({ pollingIntervalSeconds: 0.5 })
})
afterEach(() => stopJobs())

const greet = defineJob<{ name: string }>({
  name: 'test-greet',
  run: async ({ name }) => void done.push(name),
})

const alwaysFails = defineJob<{ reason: string }>({
  name: 'test-always-fails',
  retryLimit: 2,
  retryDelaySeconds: 1,
  run: async ({ reason }) => {
    attempts += 1
    throw new Error(reason)
  },
})

test('a queued job runs in the worker', async () => {
  await greet.enqueue({ name: 'Ailsa' })
  await poll(async () => (done.includes('Ailsa') ? true : undefined), 20_000, 'the job to run')
  expect(done).toEqual(['Ailsa'])
})

test('a failing job is retried, then kept as failed with its reason', async () => {
  const id = await alwaysFails.enqueue({ reason: 'mail server refused' })
  const boss = await getJobs()
  const job = await poll(
    async () => {
      const found = await boss.getJobById(alwaysFails.name, id!)
      return found?.state === 'failed' ? found : undefined
    },
    45_000,
    'the job to fail for good',
  )
  expect(attempts).toBe(3)
  expect(job.retryCount).toBe(2)
  expect(JSON.stringify(job.output)).toContain('mail server refused')
}, 60_000)
