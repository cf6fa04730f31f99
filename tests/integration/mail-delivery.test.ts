import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { setEnvForTests } from '~/platform/env.server'
import { getJobs, startWorkers, stopJobs } from '~/platform/jobs.server'
import { deliver, deliveriesAbout, type MailCategory, prepareMailQueue, queueMail, resetMailTransportForTests } from '~/platform/mail.server'
import { withTestDatabase } from '../helpers/db'
import { poll, type SmtpCapture, startSmtpCapture } from '../helpers/smtp'

// Issue 14: sign-in codes never wait behind bulk mail; bulk mail goes in batches over pooled
// connections; a temporary refusal is retried, a permanent one recorded and not retried; an email
// whose job runs twice is sent once.

const database = withTestDatabase()
let smtp: SmtpCapture
// Each address is refused this many times with 451 before it is accepted.
const busy = new Map<string, number>()

beforeAll(async () => {
  smtp = await startSmtpCapture({
    refuse: (to) => {
      if (to.startsWith('nobody@')) return { code: 550, message: `5.1.1 <${to}>: No such user here` }
      const left = busy.get(to) ?? 0
      if (left > 0) {
        busy.set(to, left - 1)
        return { code: 451, message: '4.3.0 Try again later' }
      }
      return null
    },
  })
})

afterEach(async () => {
  await stopJobs()
  resetMailTransportForTests()
})

afterAll(async () => {
  await smtp.close()
  setEnvForTests({})
})

function useSmtp(env: Record<string, string> = {}) {
  setEnvForTests({ SMTP_URL: smtp.url, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'guth-mail-')), ...env })
  resetMailTransportForTests()
}

const mail = (to: string, category: MailCategory = 'receipt', about?: { type: string; id: string }) => ({
  to,
  subject: `${category} for ${to}`,
  text: 'Thank you.',
  html: '<p>Thank you.</p>',
  category,
  ...(about && { about }),
})

const arrived = (to: string) => smtp.messages.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((a) => a?.value.some((v) => v.address === to)))

async function deliveryRow(id: string) {
  const [row] = await database.current.query<{ status: string; attempts: number; reply: string | null }>('SELECT status, attempts, reply FROM mail_deliveries WHERE id = $1', [id])
  return row!
}

/** Retries come a second apart here (30 s with backoff in real use). */
async function quickRetries() {
  await prepareMailQueue()
  const boss = await getJobs()
  for (const name of ['send-email', 'send-email-now']) await boss.updateQueue(name, { retryDelay: 1, retryBackoff: false })
}

test('a sign-in code queued behind 400 receipts is sent while the receipts are still waiting', async () => {
  useSmtp()
  await prepareMailQueue()
  for (let i = 0; i < 400; i++) await queueMail(mail(`backlog-${i}@example.org`))
  await queueMail(mail('waiting@example.org', 'sign-in'))
  await startWorkers({ pollingIntervalSeconds: 0.5 })
  await smtp.waitForMail('waiting@example.org')
  const [{ waiting }] = (await database.current.query<{ waiting: number }>(`SELECT count(*)::int AS waiting FROM mail_deliveries WHERE queue = 'bulk' AND status <> 'sent'`)) as [{ waiting: number }]
  expect(waiting, 'receipts still queued when the code arrived').toBeGreaterThan(100)
  await poll(async () => (smtp.messages.filter((m) => m.subject?.startsWith('receipt for backlog-')).length === 400 ? true : undefined), 60_000, 'the backlog')
})

test('a sign-in code is sent the moment it is queued, not at the next poll', async () => {
  useSmtp()
  // Polls every 30 s: only the notification can bring the code within the wait below.
  await startWorkers({ pollingIntervalSeconds: 30 })
  await new Promise((resolve) => setTimeout(resolve, 1_000))
  await queueMail(mail('now@example.org', 'sign-in'))
  await smtp.waitForMail('now@example.org', undefined, 10_000)
})

test('bulk mail goes in parallel over a few pooled connections, each carrying many messages', async () => {
  useSmtp({ MAIL_POOL_CONNECTIONS: '3' })
  const before = smtp.connections.length
  await prepareMailQueue()
  for (let i = 0; i < 60; i++) await queueMail(mail(`pooled-${i}@example.org`))
  await startWorkers({ pollingIntervalSeconds: 0.5 })
  await poll(async () => (smtp.connections.length - before >= 60 ? true : undefined), 30_000, '60 messages')
  const used = new Set(smtp.connections.slice(before))
  expect(used.size, 'connections used').toBeGreaterThan(1)
  expect(used.size, 'connections used').toBeLessThanOrEqual(3)
  // The pgboss fetch took many jobs at once: their deliveries were claimed in the same batches.
  const batches = await database.current.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'send-email' AND data->>'to' LIKE 'pooled-%' GROUP BY started_on ORDER BY n DESC LIMIT 1`,
  )
  expect(batches[0]!.n, 'most jobs started together').toBeGreaterThan(1)
})

test('a temporary refusal (451) is retried until the server takes the email, which arrives once', async () => {
  useSmtp()
  await quickRetries()
  busy.set('busy@example.org', 2)
  const id = await queueMail(mail('busy@example.org'))
  await startWorkers({ pollingIntervalSeconds: 0.5 })
  await poll(async () => ((await deliveryRow(id)).status === 'sent' ? true : undefined), 30_000, 'the retried email')
  expect(await deliveryRow(id)).toMatchObject({ status: 'sent', attempts: 3 })
  expect(arrived('busy@example.org')).toHaveLength(1)
})

test('a permanent refusal (550) is recorded with the server’s reply and not retried', async () => {
  useSmtp()
  await quickRetries()
  const responseId = '6f1d1c56-2a7e-4c3e-9d55-7b1f1d2a9e10'
  const id = await queueMail(mail('nobody@example.org', 'receipt', { type: 'response', id: responseId }))
  await startWorkers({ pollingIntervalSeconds: 0.5 })
  await poll(async () => ((await deliveryRow(id)).status === 'failed' ? true : undefined), 20_000, 'the refusal')
  await new Promise((resolve) => setTimeout(resolve, 3_000))
  expect(await deliveryRow(id)).toMatchObject({ status: 'failed', attempts: 1 })
  expect((await deliveryRow(id)).reply).toContain('550')
  const [job] = await database.current.query<{ state: string; retry_count: number }>(`SELECT state, retry_count FROM pgboss.job WHERE data->>'deliveryId' = $1`, [id])
  expect(job).toMatchObject({ state: 'completed', retry_count: 0 })
  // What an official sees for that response: the status and the reply, no address, no body.
  const [delivery] = await deliveriesAbout('response', responseId)
  expect(delivery).toMatchObject({ category: 'receipt', status: 'failed', attempts: 1 })
  expect(JSON.stringify(delivery)).not.toContain('nobody@example.org')
})

test('a job that runs again after its worker died never sends twice: sent stays sent, and one cut off mid-send is marked uncertain', async () => {
  useSmtp()
  await prepareMailQueue()
  const sentId = await queueMail(mail('twice@example.org'))
  const queued = { ...mail('twice@example.org'), deliveryId: sentId }
  expect(await deliver('bulk', queued)).toBe('sent')
  const [message] = arrived('twice@example.org')
  expect(message!.messageId).toBe(`<${sentId}@guth.localhost>`)
  // The worker was killed after the server took it, before pg-boss heard: the job comes back.
  expect(await deliver('bulk', queued)).toBe('already done')
  expect(arrived('twice@example.org')).toHaveLength(1)

  // Killed mid-send: the message may have left already, so the retry does not send it again.
  const cutId = await queueMail(mail('cut-off@example.org'))
  await database.current.query(`UPDATE mail_deliveries SET status = 'sending', attempts = 1 WHERE id = $1`, [cutId])
  expect(await deliver('bulk', { ...mail('cut-off@example.org'), deliveryId: cutId })).toBe('already done')
  expect(await deliveryRow(cutId)).toMatchObject({ status: 'uncertain', attempts: 1 })
  expect(arrived('cut-off@example.org')).toHaveLength(0)
})

test('MAIL_RATE_PER_MINUTE holds bulk mail at the ceiling and leaves room for sign-in codes', async () => {
  // The ceiling counts per clock minute: start well inside one.
  const second = new Date().getUTCSeconds()
  if (second > 35) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000))
  useSmtp({ MAIL_RATE_PER_MINUTE: '10' })
  await prepareMailQueue()
  const before = smtp.messages.length
  for (let i = 0; i < 15; i++) await queueMail(mail(`limited-${i}@example.org`))
  await startWorkers({ pollingIntervalSeconds: 0.5 })
  await poll(async () => (smtp.messages.length - before >= 9 ? true : undefined), 20_000, 'nine receipts')
  await new Promise((resolve) => setTimeout(resolve, 1_500))
  // Nine tenths of 10 for bulk in this minute; the rest wait for the next.
  expect(smtp.messages.length - before).toBe(9)
  await queueMail(mail('limited-code@example.org', 'sign-in'))
  await smtp.waitForMail('limited-code@example.org', undefined, 10_000)
})
