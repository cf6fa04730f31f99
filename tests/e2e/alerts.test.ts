import { randomUUID } from 'node:crypto'
import type { ParsedMail } from 'mailparser'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { notifyConsultationMilestones } from '~/modules/consultations/notify.server'
import { setEnvForTests } from '~/platform/env.server'
import { startWorkers } from '~/platform/jobs.server'
import { resetMailTransportForTests } from '~/platform/mail.server'
import { expectAccessible, markWithoutJavaScript } from '../helpers/browser'
import { chromiumArgs, findChromium } from '../helpers/chromium'
import { givenConsultation } from '../helpers/consultations'
import { HttpVisitor } from '../helpers/http-session'
import { type SmtpCapture, startSmtpCapture } from '../helpers/smtp'
import { type InProcessApp, startInProcessApp } from './fuzz/app'

// Consultation alerts end to end: asked for on the page, confirmed from the email that arrives by
// real SMTP, sent once when the consultation opens, stopped by the email's own link. The app runs
// in this process, so the test can open a consultation and run the job that tells people.

let app: InProcessApp
let browser: Browser
let smtp: SmtpCapture

beforeAll(async () => {
  smtp = await startSmtpCapture()
  app = await startInProcessApp()
  // The same environment the app started with, now sending by SMTP, and a worker for the mail queue.
  const { port } = new URL(app.baseUrl)
  setEnvForTests({ NODE_ENV: 'production', PORT: port, HOST: '127.0.0.1', PUBLIC_URL: app.baseUrl, DATA_DIR: app.dataDir, DATABASE_URL: '', SUPABASE_URL: '', SMTP_URL: smtp.url, JOBS_WORKER: 'off' })
  resetMailTransportForTests()
  await startWorkers({ pollingIntervalSeconds: 0.5 })
  browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await app?.stop()
  resetMailTransportForTests()
  await smtp?.close()
})

const DAY = 86_400_000

const header = (mail: ParsedMail, name: string) => mail.headerLines.find((line) => line.key === name)?.line.replace(/^[^:]+:\s*/, '')
const linkIn = (mail: ParsedMail, path: string) => new RegExp(`https?://[^\\s\\]]+${path}[\\w.-]+`).exec(mail.text ?? '')?.[0]

async function alertRow(email: string) {
  const [row] = await app.connection.query<{ confirmed_at: string | null; notified_at: string | null; unsubscribed_at: string | null; topics: string[] }>(
    'SELECT confirmed_at, notified_at, unsubscribed_at, topics FROM consultation_alerts WHERE email = $1',
    [email],
  )
  return row!
}

async function submitted(page: Page, button: string) {
  await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: button }).click()])
  await page.waitForLoadState()
}

describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
] as const)('%s', (_label, javaScript) => {
  test('an opening alert is asked for, confirmed, sent once when the consultation opens, and stopped by its link', async () => {
    const { consultation } = await givenConsultation({ opensAt: new Date(Date.now() + 2 * DAY) })
    const email = `opening-${randomUUID().slice(0, 8)}@example.org`
    const context = await browser.newContext({ baseURL: app.baseUrl, javaScriptEnabled: javaScript })
    const page = await context.newPage()
    if (!javaScript) markWithoutJavaScript(page)

    await page.goto(`/consultations/${consultation.slug}`)
    await expect.poll(() => page.getByRole('heading', { name: 'Get an email when this consultation opens' }).count()).toBe(1)
    await expectAccessible(page)

    // A mistyped address: the summary and the field say so, and what was typed stays.
    await page.getByLabel('Email address', { exact: true }).fill('not-an-address')
    await submitted(page, 'Email me when it opens')
    await expect.poll(() => page.locator('.ds_error-summary').textContent()).toContain('Enter an email address in the correct format, like name@example.com')
    expect(await page.locator('.ds_question--error').textContent()).toContain('Enter an email address in the correct format')
    expect(await page.getByLabel('Email address', { exact: true }).inputValue()).toBe('not-an-address')
    await expectAccessible(page)

    await page.getByLabel('Email address', { exact: true }).fill(email)
    await submitted(page, 'Email me when it opens')
    await page.waitForURL(/\/alerts\/check-email/)
    expect(await page.locator('h1').textContent()).toBe('Check your email')
    expect(await page.getByRole('link', { name: 'Back to the consultation' }).getAttribute('href')).toBe(`/consultations/${consultation.slug}`)
    await expectAccessible(page)

    const confirmation = await smtp.waitForMail(email, (mail) => mail.subject === 'Confirm your consultation alert')
    expect(confirmation.text).toContain(`You asked to be emailed when the consultation “${consultation.title.en}” opens.`)
    expect(header(confirmation, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click')
    const confirmUrl = linkIn(confirmation, '/alerts/confirm/')!
    expect(confirmUrl.startsWith(`${app.baseUrl}/alerts/confirm/`)).toBe(true)

    // Opening the link (as a mail scanner would) confirms nothing; the button does.
    await page.goto(confirmUrl)
    expect(await page.locator('h1').textContent()).toBe('Confirm your email alert')
    expect(await page.getAttribute('meta[name="robots"]', 'content')).toBe('noindex')
    expect((await alertRow(email)).confirmed_at).toBeNull()
    await expectAccessible(page)
    await submitted(page, 'Confirm')
    await expect.poll(() => page.locator('h1').textContent()).toBe('Your email alert is set up')
    expect(await page.textContent('main')).toContain(`We will email you when “${consultation.title.en}” opens.`)
    expect((await alertRow(email)).confirmed_at).not.toBeNull()
    await expectAccessible(page)

    // The consultation opens; the job runs twice (and the schedule may run it too): one email.
    await app.connection.query(`UPDATE consultations SET opens_at = now() - interval '1 minute' WHERE id = $1`, [consultation.id])
    await Promise.all([notifyConsultationMilestones(), notifyConsultationMilestones()])
    await notifyConsultationMilestones()
    const opened = await smtp.waitForMail(email, (mail) => mail.subject === `Now open: ${consultation.title.en}`)
    await new Promise((resolve) => setTimeout(resolve, 2000))
    expect(smtp.messages.filter((mail) => mail.subject === opened.subject && mail.text?.includes(consultation.slug) && header(mail, 'to')?.includes(email))).toHaveLength(1)
    expect(opened.text).toContain(`${app.baseUrl}/consultations/${consultation.slug}`)
    const unsubscribeUrl = /^<(.+)>$/.exec(header(opened, 'list-unsubscribe') ?? '')?.[1]
    expect(unsubscribeUrl).toMatch(new RegExp(`^${app.baseUrl}/alerts/unsubscribe/`))
    expect(header(opened, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click')
    // The same link is in the email for a person to follow.
    expect(opened.text).toContain(unsubscribeUrl)

    await page.goto(unsubscribeUrl!)
    expect(await page.locator('h1').textContent()).toBe('Stop this email alert')
    expect(await page.textContent('main')).toContain(`Do you want to stop getting an email when “${consultation.title.en}” opens?`)
    await expectAccessible(page)
    await submitted(page, 'Stop these emails')
    await expect.poll(() => page.locator('h1').textContent()).toBe('Email alert stopped')
    expect((await alertRow(email)).unsubscribed_at).not.toBeNull()
    await expectAccessible(page)
    await context.close()
  })

  test('the new consultations form asks for a topic, keeps what was typed, then sends the confirmation', async () => {
    const email = `topics-${randomUUID().slice(0, 8)}@example.org`
    const context = await browser.newContext({ baseURL: app.baseUrl, javaScriptEnabled: javaScript })
    const page = await context.newPage()
    if (!javaScript) markWithoutJavaScript(page)
    await page.goto('/consultations')
    await page.getByLabel('Email address', { exact: true }).fill(email)
    await submitted(page, 'Email me about new consultations')
    await expect.poll(() => page.locator('.ds_error-summary').textContent()).toContain('Select at least one topic')
    expect(await page.locator('.ds_question--error').textContent()).toContain('Select at least one topic')
    expect(await page.getByLabel('Email address', { exact: true }).inputValue()).toBe(email)
    // The summary's link leads to the first topic.
    expect(await page.locator('.ds_error-summary a').getAttribute('href')).toBe('#topics')
    expect(await page.locator('#topics').count()).toBe(1)
    await expectAccessible(page)

    await page.locator('label', { hasText: 'Rural' }).click()
    await page.locator('label', { hasText: 'Open data' }).click()
    await submitted(page, 'Email me about new consultations')
    await page.waitForURL(/\/alerts\/check-email/)
    const confirmation = await smtp.waitForMail(email, (mail) => mail.subject === 'Confirm your consultation alert')
    expect(confirmation.text).toContain('You asked to be emailed about new consultations on: Open data, Rural.')
    expect((await alertRow(email)).topics.sort()).toEqual(['open data', 'rural'])
    await context.close()
  })
})

test('a mail provider’s one-click POST stops the alert without a cookie or CSRF token; other posts need the token', async () => {
  const { consultation } = await givenConsultation({ opensAt: new Date(Date.now() + 2 * DAY) })
  const email = `one-click-${randomUUID().slice(0, 8)}@example.org`
  const visitor = await browser.newContext({ baseURL: app.baseUrl })
  const page = await visitor.newPage()
  await page.goto(`/consultations/${consultation.slug}`)
  await page.getByLabel('Email address', { exact: true }).fill(email)
  await submitted(page, 'Email me when it opens')
  await page.waitForURL(/\/alerts\/check-email/)
  await visitor.close()
  const confirmation = await smtp.waitForMail(email)
  const url = /^<(.+)>$/.exec(header(confirmation, 'list-unsubscribe') ?? '')![1]!
  const post = (body: string) => fetch(url, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body })

  for (const body of ['', 'csrf=forged', 'List-Unsubscribe=One-Click&extra=1']) expect((await post(body)).status, body).toBe(403)
  expect((await alertRow(email)).unsubscribed_at).toBeNull()
  const forged = await fetch(`${url.slice(0, -2)}xx`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' })
  expect(forged.status).toBe(404)

  const answer = await post('List-Unsubscribe=One-Click')
  expect(answer.status).toBe(200)
  expect((await alertRow(email)).unsubscribed_at).not.toBeNull()
  // Providers may send it again: still 200.
  expect((await post('List-Unsubscribe=One-Click')).status).toBe(200)
})

test('in Gaelic, by plain HTTP: the form, its error, and the confirmation email', async () => {
  const visitor = new HttpVisitor(app.baseUrl, { 'accept-language': 'gd' })
  expect(await (await visitor.request('/consultations')).text()).toContain('Faigh puist-d mu cho-chomhairlean ùra')
  const email = `gd-${randomUUID().slice(0, 8)}@example.org`
  const refused = await visitor.postForm('/consultations?index', { email })
  expect(refused.status).toBe(400)
  const html = await refused.text()
  expect(html).toContain('Tagh co-dhiù aon chuspair')
  expect(html).toContain(`value="${email}"`)
  const asked = await visitor.postForm('/consultations?index', { email, topics: 'gaelic' })
  expect(asked.status).toBe(303)
  expect(asked.headers.get('location')).toBe('/alerts/check-email')
  const confirmation = await smtp.waitForMail(email)
  expect(confirmation.subject).toBe('Dearbh am brath co-chomhairle agad')
  expect(confirmation.text).toContain('Dh’iarr thu puist-d mu cho-chomhairlean ùra air: Gàidhlig.')
  expect(confirmation.text).toContain('Cuir stad air na puist-d seo')
})
