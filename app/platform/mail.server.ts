import { randomUUID } from 'node:crypto'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import nodemailer, { type Transporter } from 'nodemailer'
import type Mail from 'nodemailer/lib/mailer'
import type { Options as StreamTransportOptions } from 'nodemailer/lib/stream-transport'
import type { Job, JobResult } from 'pg-boss'
import { type Connection, getConnection } from './db.server'
import { getEnv } from './env.server'
import { defineJob, type EnqueueOptions, prepareQueue } from './jobs.server'
import { logWarning } from './log.server'
import { withMailHeaders } from './mail-headers.server'

/**
 * What an email is. Sign-in codes and resume links are interactive: someone is waiting for them,
 * so they have their own queue that is never behind bulk mail. Everything else is bulk.
 */
export type MailCategory = 'sign-in' | 'resume' | 'receipt' | 'booking' | 'reminder' | 'event-update' | 'digest' | 'milestone' | 'moderation' | 'alert'
const INTERACTIVE: ReadonlySet<MailCategory> = new Set(['sign-in', 'resume'])
const laneOf = (mail: OutgoingMail): Lane => (INTERACTIVE.has(mail.category) ? 'interactive' : 'bulk')

export interface OutgoingMail {
  to: string
  subject: string
  html: string
  text: string
  category: MailCategory
  /** What the email is about, so an official can see whether it went (a receipt: its response). */
  about?: { type: string; id: string }
  /** For mail a person can stop receiving: the https one-click URL (List-Unsubscribe, RFC 8058). */
  unsubscribeUrl?: string
  /** Calendar invitations and cancellations ride along as alternatives or attachments. */
  icalEvent?: { method: string; content: string; filename?: string }
  attachments?: { filename: string; content: string; contentType: string }[]
}

export interface OutboxEntry {
  id: string
  to: string
  subject: string
  sentAt: string
}

type Lane = 'interactive' | 'bulk'
const holder = globalThis as typeof globalThis & { __guthMail?: Partial<Record<Lane, Transporter>> }

function outboxDir() {
  return path.resolve(getEnv().DATA_DIR, 'mail')
}

/**
 * Pooled SMTP connections, one pool per lane so a bulk backlog never holds the connection a
 * sign-in code needs. Without SMTP_URL, the outbox: the same bytes, CRLF and all.
 */
function transport(lane: Lane): Transporter {
  const env = getEnv()
  const pools = (holder.__guthMail ??= {})
  if (pools[lane]) return pools[lane]
  // nodemailer 7 reads `newline` per message, so it goes in as the transport's message default.
  if (!env.SMTP_URL) return (pools[lane] = nodemailer.createTransport({ streamTransport: true, buffer: true } as StreamTransportOptions, { newline: 'windows' } as Mail.Options))
  const url = new URL(env.SMTP_URL)
  url.searchParams.set('pool', 'true')
  url.searchParams.set('maxConnections', String(lane === 'bulk' ? env.MAIL_POOL_CONNECTIONS : 1))
  url.searchParams.set('maxMessages', String(env.MAIL_POOL_MESSAGES))
  // A mail server that stops answering fails the attempt (retried later) instead of holding a batch.
  for (const [name, ms] of [['connectionTimeout', 10_000], ['greetingTimeout', 10_000], ['socketTimeout', 60_000]] as const) {
    if (!url.searchParams.has(name)) url.searchParams.set(name, String(ms))
  }
  return (pools[lane] = nodemailer.createTransport(url.toString()))
}

/** A Message-ID that stays the same however often the job runs, on the site's own domain. */
function messageIdFor(deliveryId: string) {
  const env = getEnv()
  const domain = /@([^>\s]+)/.exec(env.MAIL_FROM)?.[1] ?? new URL(env.PUBLIC_URL).hostname
  return `<${deliveryId}@${domain}>`
}

async function transmit(lane: Lane, mail: OutgoingMail, messageId?: string) {
  const env = getEnv()
  const { category: _category, about: _about, unsubscribeUrl: _unsubscribe, ...message } = mail
  const info = await transport(lane).sendMail(withMailHeaders({ from: env.MAIL_FROM, ...message, unsubscribeUrl: mail.unsubscribeUrl, ...(messageId && { messageId }) }))
  if (env.SMTP_URL) return { messageId: info.messageId as string, reply: String(info.response ?? '') }
  const id = `${Date.now()}-${randomUUID().slice(0, 8)}`
  const dir = outboxDir()
  await mkdir(dir, { recursive: true })
  await writeFile(path.join(dir, `${id}.eml`), info.message as Buffer)
  const entry: OutboxEntry = { id, to: mail.to, subject: mail.subject, sentAt: new Date().toISOString() }
  await writeFile(path.join(dir, `${id}.json`), JSON.stringify(entry, null, 2))
  return { messageId: info.messageId as string, reply: 'kept in the outbox', outboxId: id }
}

/** Sends now, outside the queue: by SMTP when SMTP_URL is set, otherwise into the local outbox. */
export function sendMail(mail: OutgoingMail) {
  return transmit(laneOf(mail), mail)
}

type QueuedMail = OutgoingMail & { deliveryId: string }
export type DeliveryOutcome = 'sent' | 'already done' | 'failed' | 'retry'

/** The SMTP reply code of a refusal; connection failures and timeouts have none (temporary). */
function replyCode(error: unknown) {
  const code = (error as { responseCode?: unknown }).responseCode
  return typeof code === 'number' ? code : null
}

// Servers often quote the address back ("550 <x@y>: no such user"); officials see the reply, not the address.
const replyOf = (error: unknown) =>
  String((error as { response?: unknown }).response ?? (error instanceof Error ? error.message : error))
    .replace(/[^\s<>@"]+@[^\s<>@"]+/g, '<address>')
    .slice(0, 500)

/**
 * Sends one queued email at most once. The row is claimed before sending and marked sent the
 * moment the server accepts it. A job that runs again finds it sent, or still "sending": its
 * worker was killed mid-send, after the message may already have left (the kernel flushes what
 * was written to the socket). That one is not sent again but marked "uncertain", so nobody gets
 * two. A permanent refusal (5xx) is recorded with the server's reply and not retried; a temporary
 * one (4xx, a dropped connection) is retried with backoff.
 */
export async function deliver(lane: Lane, mail: QueuedMail): Promise<DeliveryOutcome> {
  const connection = getConnection()
  const claimed = await connection.query(
    `UPDATE mail_deliveries SET status = 'sending', attempts = attempts + 1, updated_at = now()
     WHERE id = $1 AND status IN ('queued', 'retrying') RETURNING id`,
    [mail.deliveryId],
  )
  if (!claimed.length) {
    const interrupted = await connection.query(
      `UPDATE mail_deliveries SET status = 'uncertain', reply = 'The worker stopped while sending; not sent again, so it is never sent twice', updated_at = now()
       WHERE id = $1 AND status = 'sending' RETURNING id`,
      [mail.deliveryId],
    )
    if (interrupted.length) logWarning('email may not have been sent: its worker stopped mid-send', { deliveryId: mail.deliveryId, category: mail.category })
    return 'already done'
  }
  await waitForRate(lane)
  try {
    const { reply } = await transmit(lane, mail, messageIdFor(mail.deliveryId))
    await connection.query(`UPDATE mail_deliveries SET status = 'sent', sent_at = now(), reply = $2, updated_at = now() WHERE id = $1`, [mail.deliveryId, reply.slice(0, 500)])
    return 'sent'
  } catch (error) {
    const code = replyCode(error)
    const permanent = code !== null && code >= 500
    await connection.query(`UPDATE mail_deliveries SET status = $2, reply = $3, updated_at = now() WHERE id = $1`, [mail.deliveryId, permanent ? 'failed' : 'retrying', replyOf(error)])
    if (permanent) logWarning('email refused by the mail server', { deliveryId: mail.deliveryId, category: mail.category, reply: replyOf(error) })
    return permanent ? 'failed' : 'retry'
  }
}

/**
 * MAIL_RATE_PER_MINUTE, counted in the database so every worker process shares it. Bulk mail
 * stops at nine tenths of it, leaving the rest for sign-in codes.
 */
async function waitForRate(lane: Lane) {
  const perMinute = getEnv().MAIL_RATE_PER_MINUTE
  if (!perMinute) return
  const limit = lane === 'bulk' ? Math.max(1, Math.floor(perMinute * 0.9)) : perMinute
  for (;;) {
    const now = Date.now()
    const minute = new Date(now - (now % 60_000))
    // Counts this email only if it fits under the lane's share: a refused try takes no room.
    const taken = await getConnection().query(
      `INSERT INTO rate_limits (key, window_start, hits) VALUES ('mail', $1, 1)
       ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limits.hits + 1 WHERE rate_limits.hits < $2 RETURNING hits`,
      [minute.toISOString(), limit],
    )
    if (taken.length) return
    await new Promise((resolve) => setTimeout(resolve, Math.max(50, minute.getTime() + 60_000 - Date.now())))
  }
}

async function runLane(lane: Lane, jobs: Job<QueuedMail | OutgoingMail>[]): Promise<JobResult[]> {
  const parallel = lane === 'bulk' ? getEnv().MAIL_POOL_CONNECTIONS : 1
  const results: JobResult[] = []
  let next = 0
  const worker = async () => {
    for (let job = jobs[next++]; job; job = jobs[next++]) {
      // Jobs queued before deliveries were recorded carry the email alone.
      if (!('deliveryId' in job.data)) {
        await transmit(lane, job.data).then(
          () => results.push({ id: job.id, status: 'completed' }),
          (error: unknown) => results.push({ id: job.id, status: 'failed', output: { reply: replyOf(error) } }),
        )
        continue
      }
      const outcome = await deliver(lane, job.data)
      results.push(outcome === 'retry' ? { id: job.id, status: 'failed', output: { reply: 'temporary failure, will retry' } } : { id: job.id, status: 'completed', output: { outcome } })
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, jobs.length) }, worker))
  return results
}

// Bulk mail keeps the queue name it always had, so mail queued before an upgrade still goes.
const lanes = {
  interactive: defineJob<QueuedMail>({
    name: 'send-email-now',
    retryLimit: 6,
    retryDelaySeconds: 5,
    heartbeatSeconds: 15,
    notify: true,
    pollingIntervalSeconds: 1,
    batchSize: 5,
    run: async (mail) => void (await deliver('interactive', mail)),
    runBatch: (jobs) => runLane('interactive', jobs),
  }),
  bulk: defineJob<QueuedMail>({
    name: 'send-email',
    retryLimit: 6,
    retryDelaySeconds: 30,
    heartbeatSeconds: 15,
    notify: true,
    batchSize: 50,
    run: async (mail) => void (await deliver('bulk', mail)),
    runBatch: (jobs) => runLane('bulk', jobs),
  }),
}

/**
 * Sends through the job queue, so a mail server that is down delays the email instead of losing
 * it. Given a transaction, the email (and its delivery row) is queued only if that transaction
 * commits. Interactive mail goes on its own queue, which the workers are woken for at once.
 */
export async function queueMail(mail: OutgoingMail, options: Pick<EnqueueOptions, 'transaction'> = {}) {
  const lane = laneOf(mail)
  const queue = async (tx: Pick<Connection, 'query'>) => {
    const [row] = await tx.query<{ id: string }>(
      'INSERT INTO mail_deliveries (queue, category, subject_type, subject_id) VALUES ($1, $2, $3, $4) RETURNING id',
      [lane, mail.category, mail.about?.type ?? null, mail.about?.id ?? null],
    )
    await lanes[lane].enqueue({ ...mail, deliveryId: row!.id }, { transaction: tx })
    return row!.id
  }
  if (options.transaction) return queue(options.transaction)
  await prepareQueue(lanes[lane].name)
  return getConnection().transaction(queue)
}

/** Call before a transaction that will queue mail (see prepareQueue). */
export const prepareMailQueue = async () => {
  await prepareQueue(lanes.bulk.name)
  await prepareQueue(lanes.interactive.name)
}

export interface Delivery {
  category: string
  status: string
  attempts: number
  reply: string | null
  queuedAt: Date
  sentAt: Date | null
}

/** How the emails about one thing went (a response's receipt), newest first: no address, no body. */
export async function deliveriesAbout(type: string, id: string): Promise<Delivery[]> {
  const rows = await getConnection().query<{ category: string; status: string; attempts: number; reply: string | null; queued_at: string; sent_at: string | null }>(
    'SELECT category, status, attempts, reply, queued_at, sent_at FROM mail_deliveries WHERE subject_type = $1 AND subject_id = $2 ORDER BY queued_at DESC',
    [type, id],
  )
  return rows.map((r) => ({ category: r.category, status: r.status, attempts: r.attempts, reply: r.reply, queuedAt: new Date(r.queued_at), sentAt: r.sent_at ? new Date(r.sent_at) : null }))
}

/** The local outbox, newest first (development page and tests). */
export async function listOutbox(): Promise<OutboxEntry[]> {
  const names = await readdir(outboxDir()).catch(() => [] as string[])
  const entries = await Promise.all(
    names.filter((n) => n.endsWith('.json')).map(async (n) => JSON.parse(await readFile(path.join(outboxDir(), n), 'utf8'))),
  )
  return (entries as OutboxEntry[]).sort((a, b) => b.id.localeCompare(a.id))
}

export async function readOutboxMessage(id: string) {
  if (!/^[\w-]+$/.test(id)) return null
  return readFile(path.join(outboxDir(), `${id}.eml`)).catch(() => null)
}

export function resetMailTransportForTests() {
  for (const pool of Object.values(holder.__guthMail ?? {})) pool.close()
  holder.__guthMail = undefined
}
