import { afterAll, beforeAll, expect, test } from 'vitest'
import { chromium, type Browser } from 'playwright-core'
import { mkdirSync, writeFileSync } from 'node:fs'
import { networkInterfaces } from 'node:os'
import path from 'node:path'
import { expectAccessible } from '../helpers/browser'
import { chromiumArgs, findChromium } from '../helpers/chromium'
import { type RunningServer, startProductionServer } from '../helpers/server'
import { startSmtpCapture } from '../helpers/smtp'

// A local run (`npm start`: embedded database, no SMTP server) keeps mail in an outbox that
// the person running it can read at /dev/mail, from this machine only: it holds sign-in codes.
let server: RunningServer
let browser: Browser

beforeAll(async () => {
  server = await startProductionServer()
  browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs })
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

test('the outbox lists sent mail and shows each message with working links', async () => {
  const outbox = path.join(server.dataDir, 'mail')
  mkdirSync(outbox, { recursive: true })
  const id = `${Date.now()}-abcdef12`
  writeFileSync(
    path.join(outbox, `${id}.eml`),
    'From: Guth <no-reply@guth.localhost>\r\nTo: ailsa@example.org\r\nSubject: Your sign-in link\r\nDate: Fri, 27 Nov 2026 09:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSign in: http://127.0.0.1/sign-in/abc\r\n',
  )
  writeFileSync(
    path.join(outbox, `${id}.json`),
    JSON.stringify({ id, to: 'ailsa@example.org', subject: 'Your sign-in link', sentAt: '2026-11-27T09:00:00.000Z' }),
  )
  const context = await browser.newContext({ baseURL: server.baseUrl })
  const page = await context.newPage()
  await page.goto('/dev/mail')
  await expectAccessible(page)
  await page.getByRole('link', { name: 'Your sign-in link' }).click()
  await expect.poll(() => page.locator('h1').textContent()).toBe('Your sign-in link')
  expect(await page.getByRole('link', { name: 'http://127.0.0.1/sign-in/abc' }).count()).toBe(1)
  await expectAccessible(page)
  expect((await page.request.get('/dev/mail/..%2Fsession-secret')).status()).toBe(404)
  await context.close()
})

test('the outbox answers only this machine: a proxy header or another address gets the 404 page', async () => {
  const visit = (url: string, headers: Record<string, string> = {}) => fetch(url, { headers, redirect: 'manual' })
  expect((await visit(`${server.baseUrl}/dev/mail`)).status).toBe(200)
  for (const headers of [
    { 'X-Forwarded-For': '203.0.113.9' },
    { Forwarded: 'for=203.0.113.9' },
    { 'X-Forwarded-Host': 'guth.example' },
    { 'X-Real-IP': '203.0.113.9' },
    { Via: '1.1 proxy' },
  ] as Record<string, string>[]) {
    for (const page of ['/dev/mail', '/dev/mail/1-abcdef12']) {
      const refused = await visit(`${server.baseUrl}${page}`, headers)
      expect(refused.status, `${page} with ${JSON.stringify(headers)}`).toBe(404)
      expect(await refused.text()).toContain('Page not found')
    }
  }
})

// The server listens on 0.0.0.0, so this machine's own network address reaches it from outside loopback.
const networkAddress = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && (a.family === 'IPv4' || (a.family as unknown) === 4) && !a.internal)?.address
if (!networkAddress) console.warn('outbox.test: this machine has no non-loopback IPv4 address, so the outbox is not tried from one')

test.skipIf(!networkAddress)('the outbox is a 404 page to a visitor on the network (skipped only on a machine without a non-loopback IPv4 address)', async () => {
  const { port } = new URL(server.baseUrl)
  for (const page of ['/dev/mail', '/dev/mail/1-abcdef12']) {
    const refused = await fetch(`http://${networkAddress}:${port}${page}`)
    expect(refused.status, `${page} from ${networkAddress}`).toBe(404)
    expect(await refused.text()).toContain('Page not found')
  }
})

const outboxWarnings = (log: string) => log.split('\n').filter((line) => line.includes('NO SMTP_URL'))

test('without SMTP_URL the start-up log says once, prominently, where mail goes and who can read it', async () => {
  await expect.poll(() => outboxWarnings(server.log()).length).toBe(1)
  const line = JSON.parse(outboxWarnings(server.log())[0]!) as { level: string; message: string }
  expect(line.level).toBe('warn')
  expect(line.message).toMatch(/^NO SMTP_URL: emails, sign-in codes included, are kept in .+ and shown at .+\/dev\/mail to this machine only/)
})

test('an install with SMTP_URL prints no outbox warning and shows no outbox, even to this machine', async () => {
  const smtp = await startSmtpCapture()
  const sending = await startProductionServer({ SMTP_URL: smtp.url })
  try {
    await expect.poll(() => sending.log()).toContain('Guth is listening on')
    // The warning would follow at once, on stderr; give that pipe a moment to reach the file.
    await new Promise((resolve) => setTimeout(resolve, 1000))
    expect(outboxWarnings(sending.log())).toEqual([])
    expect((await fetch(`${sending.baseUrl}/dev/mail`)).status).toBe(404)
  } finally {
    await sending.stop()
    await smtp.close()
  }
}, 150_000)
