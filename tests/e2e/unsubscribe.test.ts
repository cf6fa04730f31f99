import { randomUUID } from 'node:crypto'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { unsubscribeUrl } from '~/modules/accounts/unsubscribe.server'
import { expectAccessible, markWithoutJavaScript } from '../helpers/browser'
import { chromiumArgs, findChromium } from '../helpers/chromium'
import { HttpVisitor } from '../helpers/http-session'
import { givenPerson } from '../helpers/people'
import { type InProcessApp, startInProcessApp } from './fuzz/app'

// Issue 14: the link in List-Unsubscribe turns that email off without signing in, by a mail
// provider's one-click POST (RFC 8058) or by the page's button, with or without JavaScript.

let app: InProcessApp
let browser: Browser

beforeAll(async () => {
  app = await startInProcessApp()
  browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

type Preference = 'notify_replies' | 'notify_event_updates' | 'notify_milestones'

async function preferences(userId: string) {
  const [row] = await app.connection.query<Record<Preference, boolean>>('SELECT notify_replies, notify_event_updates, notify_milestones FROM users WHERE id = $1', [userId])
  return row!
}

// What a mail provider sends: no cookie, no CSRF token, exactly this body.
const oneClick = (url: string) =>
  fetch(url, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' })

test('the one-click POST from a mail provider turns the email off and answers 200', async () => {
  const userId = (await givenPerson()).id
  const url = unsubscribeUrl(userId, 'replies')
  expect(url.startsWith(`${app.baseUrl}/unsubscribe/`)).toBe(true)
  const answer = await oneClick(url)
  expect(answer.status).toBe(200)
  expect(await answer.text()).toContain('You will no longer get an email when someone replies to a comment you wrote.')
  expect(await preferences(userId)).toEqual({ notify_replies: false, notify_event_updates: true, notify_milestones: true })
  // Providers may send it again: still 200, still off.
  expect((await oneClick(url)).status).toBe(200)
  expect((await preferences(userId)).notify_replies).toBe(false)
})

test('a forged or altered link is the 404 page, in the reader’s language, and changes nothing', async () => {
  const userId = (await givenPerson()).id
  const genuine = unsubscribeUrl(userId, 'milestones')
  const token = genuine.split('/').pop()!
  const signature = token.split('.')[2]!
  const forgeries = [
    `milestones.${userId}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`,
    // A genuine signature does not carry over to another kind of email or another person.
    `replies.${userId}.${signature}`,
    `milestones.${randomUUID()}.${signature}`,
    `milestones.${userId}`,
    'not-a-token',
  ]
  for (const forged of forgeries) {
    const answer = await oneClick(`${app.baseUrl}/unsubscribe/${forged}`)
    expect(answer.status, forged).toBe(404)
    expect(await answer.text()).toContain('Page not found')
    const page = await new HttpVisitor(app.baseUrl, { 'accept-language': 'gd' }).request(`/unsubscribe/${forged}`)
    expect(page.status, forged).toBe(404)
    expect(await page.text()).toContain('Cha deach an duilleag a lorg')
  }
  expect(await preferences(userId)).toEqual({ notify_replies: true, notify_event_updates: true, notify_milestones: true })
})

test('a browser form without its CSRF token is refused, even with the one-click field among others', async () => {
  const userId = (await givenPerson()).id
  const url = unsubscribeUrl(userId, 'eventUpdates')
  const headers = { 'content-type': 'application/x-www-form-urlencoded' }
  for (const body of ['', 'csrf=forged', 'List-Unsubscribe=One-Click&extra=1']) {
    const answer = await fetch(url, { method: 'POST', redirect: 'manual', headers, body })
    expect(answer.status, body).toBe(403)
  }
  expect((await preferences(userId)).notify_event_updates).toBe(true)
})

test('without JavaScript, the page says what will stop, its button turns it off, and the page then says so (in English)', async () => {
  const userId = (await givenPerson()).id
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  markWithoutJavaScript(page)
  expect((await page.goto(unsubscribeUrl(userId, 'eventUpdates')))?.status()).toBe(200)
  expect(await page.locator('h1').textContent()).toBe('Turn off emails')
  expect(await page.textContent('main')).toContain('Do you want to stop getting emails about changes to events you have booked?')
  expect(await page.getAttribute('meta[name="robots"]', 'content')).toBe('noindex')
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Turn off these emails' }).click()
  await page.waitForLoadState()
  expect(await page.locator('h1').textContent()).toBe('Emails turned off')
  expect(await page.textContent('main')).toContain('You will no longer get emails about changes to events you have booked.')
  expect(await page.textContent('main')).toContain('You can turn them back on in your account settings.')
  expect(await page.getByRole('link', { name: 'account settings' }).getAttribute('href')).toBe('/account')
  await expectAccessible(page)
  expect(await preferences(userId)).toEqual({ notify_replies: true, notify_event_updates: false, notify_milestones: true })
  await context.close()
})

test('in Gaelic, by plain HTTP: the page, the form POST with its CSRF token, and the page after', async () => {
  const userId = (await givenPerson()).id
  const path = new URL(unsubscribeUrl(userId, 'milestones')).pathname
  const visitor = new HttpVisitor(app.baseUrl, { 'accept-language': 'gd' })
  const before = await visitor.request(path)
  expect(before.status).toBe(200)
  const html = await before.text()
  expect(html).toContain('A bheil thu airson stad a chur air na puist-d a gheibh thu nuair a dh’fhosglas no a dhùineas co-chomhairle?')
  expect(html).toContain('Cuir dheth na puist-d seo')
  expect(html).toMatch(/<form method="post"[^>]*>/)
  const posted = await visitor.postForm(path, {})
  expect(posted.status).toBe(303)
  expect(posted.headers.get('location')).toBe(path)
  expect((await preferences(userId)).notify_milestones).toBe(false)
  const after = await (await visitor.request(path)).text()
  expect(after).toContain('Chan fhaigh thu post-d tuilleadh nuair a dh’fhosglas no a dhùineas co-chomhairle.')
  expect(after).toContain('’S urrainn dhut an cur air a-rithist ann an')
})

