import { afterAll, beforeAll, expect, test } from 'vitest'
import { chromium, type Browser } from 'playwright-core'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expectAccessible } from '../helpers/browser'
import { chromiumArgs, findChromium } from '../helpers/chromium'
import { type RunningServer, startProductionServer } from '../helpers/server'

// A local run (`npm start`: embedded database, no SMTP server) keeps mail in an outbox that
// the person running it can read at /dev/mail.
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
