import { randomUUID } from 'node:crypto'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import nodemailer, { type Transporter } from 'nodemailer'
import { getEnv } from './env.server'
import { defineJob, type EnqueueOptions, prepareQueue } from './jobs.server'

export interface OutgoingMail {
  to: string
  subject: string
  html: string
  text: string
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

const holder = globalThis as typeof globalThis & { __guthMail?: Transporter }

function outboxDir() {
  return path.resolve(getEnv().DATA_DIR, 'mail')
}

function transport(): Transporter {
  const env = getEnv()
  holder.__guthMail ??= env.SMTP_URL
    ? nodemailer.createTransport(env.SMTP_URL)
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
  return holder.__guthMail
}

/** Sends now: by SMTP when SMTP_URL is set, otherwise into the local outbox (.eml + metadata). */
export async function sendMail(mail: OutgoingMail) {
  const env = getEnv()
  const info = await transport().sendMail({ from: env.MAIL_FROM, ...mail })
  if (env.SMTP_URL) return { messageId: info.messageId as string }
  const id = `${Date.now()}-${randomUUID().slice(0, 8)}`
  const dir = outboxDir()
  await mkdir(dir, { recursive: true })
  await writeFile(path.join(dir, `${id}.eml`), info.message as Buffer)
  const entry: OutboxEntry = { id, to: mail.to, subject: mail.subject, sentAt: new Date().toISOString() }
  await writeFile(path.join(dir, `${id}.json`), JSON.stringify(entry, null, 2))
  return { messageId: info.messageId as string, outboxId: id }
}

const sendEmailJob = defineJob<OutgoingMail>({
  name: 'send-email',
  retryLimit: 6,
  retryDelaySeconds: 30,
  run: async (mail) => void (await sendMail(mail)),
})

/**
 * Sends through the job queue, so a mail server that is down delays the email instead of losing
 * it. Given a transaction, the email is queued only if that transaction commits.
 */
export function queueMail(mail: OutgoingMail, options: Pick<EnqueueOptions, 'transaction'> = {}) {
  return sendEmailJob.enqueue(mail, options)
}

/** Call before a transaction that will queue mail (see prepareQueue). */
export const prepareMailQueue = () => prepareQueue(sendEmailJob.name)

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
  holder.__guthMail = undefined
}
