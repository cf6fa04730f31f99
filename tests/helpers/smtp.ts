import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export interface SmtpCapture {
  url: string
  messages: ParsedMail[]
  /** The SMTP connection each message came over, in the order they arrived. */
  connections: string[]
  /** Waits for the first message to this address that matches, parsing it with mailparser. */
  waitForMail(to: string, match?: (mail: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>
  close(): Promise<void>
}

function addressed(mail: ParsedMail, to: string) {
  const list = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []
  return list.some((a) => a.value.some((v) => v.address?.toLowerCase() === to.toLowerCase()))
}

/** A real SMTP server on a free loopback port; every message is parsed and, if asked, saved as .eml. */
export async function startSmtpCapture(
  options: {
    saveTo?: string
    /** Refuses a recipient with this SMTP reply (e.g. 451 or 550), or accepts it (null). */
    refuse?: (to: string) => { code: number; message: string } | null
  } = {},
): Promise<SmtpCapture> {
  const messages: ParsedMail[] = []
  const connections: string[] = []
  if (options.saveTo) mkdirSync(options.saveTo, { recursive: true })
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = options.refuse?.(address.address)
      if (!refusal) return callback()
      callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }))
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks)
        if (options.saveTo) writeFileSync(path.join(options.saveTo, `${Date.now()}-${messages.length}.eml`), raw)
        connections.push(session.id)
        messages.push(await simpleParser(raw))
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    connections,
    waitForMail: (to, match = () => true, timeoutMs = 15_000) =>
      poll(async () => messages.find((m) => addressed(m, to) && match(m)), timeoutMs, `an email to ${to}`),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** Emails another process captured into a folder (end-to-end tests), parsed. */
export async function readCapturedMail(dir: string): Promise<ParsedMail[]> {
  if (!existsSync(dir)) return []
  const names = readdirSync(dir).filter((n) => n.endsWith('.eml')).sort()
  return Promise.all(names.map((n) => simpleParser(readFileSync(path.join(dir, n)))))
}

export async function waitForCapturedMail(dir: string, to: string, match: (m: ParsedMail) => boolean = () => true) {
  return poll(async () => (await readCapturedMail(dir)).find((m) => addressed(m, to) && match(m)), 20_000, `an email to ${to}`)
}

export async function poll<T>(check: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const found = await check()
    if (found !== undefined) return found
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
