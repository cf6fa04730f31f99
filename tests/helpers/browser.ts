import AxeBuilder from '@axe-core/playwright'
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject } from 'vitest'
import { chromiumArgs, findChromium } from './chromium'
import { waitForCapturedMail } from './smtp'
import { visitorAddress } from './visitor-address'

const withoutJavaScript = new WeakSet<Page>()

/** Marks a page opened outside `withBrowser` (its own browser or app) as having no JavaScript, so
 * `expectAccessible` checks a scriptless copy of it. */
export function markWithoutJavaScript(page: Page) {
  withoutJavaScript.add(page)
}

/**
 * One Chromium for the test file; each test opens its own context (cookies, JS on or off).
 * `args` adds launch flags, e.g. a fake camera for recording tests.
 */
export function withBrowser(options: { args?: string[] } = {}) {
  const handle = {} as { browser: Browser; baseUrl: string }
  beforeAll(async () => {
    handle.baseUrl = inject('baseUrl')
    handle.browser = await chromium.launch({ executablePath: findChromium(), args: [...chromiumArgs, ...(options.args ?? [])] })
  })
  afterAll(async () => {
    await handle.browser?.close()
  })
  return {
    get baseUrl() {
      return handle.baseUrl
    },
    /** A fresh visitor. Pass `{ javaScriptEnabled: false }` to be someone without JavaScript. */
    async newPage(options: BrowserContextOptions = {}) {
      const context = await handle.browser.newContext({ baseURL: handle.baseUrl, ...options, extraHTTPHeaders: { 'x-forwarded-for': visitorAddress(), ...options.extraHTTPHeaders } })
      const page = await context.newPage()
      if (options.javaScriptEnabled === false) withoutJavaScript.add(page)
      const problems: string[] = []
      page.on("pageerror", (error) => problems.push(`page error on ${page.url()}: ${error.message} ${error.stack?.split("\n")[1] ?? ""}`))
      page.on('console', (message) => {
        // A 4xx answer to a mistake is expected behaviour, which Chromium also logs.
        const expected = /Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())
        if (message.type() === 'error' && !expected) problems.push(`console error: ${message.text()}`)
      })
      return { page, problems, close: () => context.close() }
    },
  }
}

// Axe runs inside the page, which a JavaScript-disabled page cannot do: check an exact copy of
// what that visitor received (scripts removed, same URL, same styles) in a page that can.
async function scriptlessCopy(page: Page) {
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '')
  const context = await page.context().browser()!.newContext()
  const copy = await context.newPage()
  await copy.route(page.url(), (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }))
  await copy.goto(page.url())
  return { copy, close: () => context.close() }
}

/** Axe in Chromium finds nothing against WCAG 2.2 A and AA (and axe's best practices). */
export async function expectAccessible(page: Page) {
  const scriptless = withoutJavaScript.has(page) ? await scriptlessCopy(page) : undefined
  if (!scriptless) {
    // Measure colours at rest, not halfway through the focus transition of the button just pressed.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await page.waitForTimeout(300)
  }
  const results = await new AxeBuilder({ page: scriptless?.copy ?? page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze()
  await scriptless?.close()
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
  expect(summary, `axe violations on ${page.url()}`).toEqual([])
}

/** Signs in through the pages, reading the code from the email the SMTP capture received. */
export async function signInWithCode(page: Page, email: string) {
  await page.goto('/sign-in')
  await page.getByLabel('Email address').fill(email)
  await page.getByRole('button', { name: 'Send me a sign-in code' }).click()
  await page.waitForURL(/\/sign-in\/code\//)
  const attemptId = page.url().split('/').pop()!
  const mail = await waitForCapturedMail(inject('mailDir'), email, (m) => Boolean(m.text?.includes(attemptId)))
  await page.getByLabel('Enter the 6-digit code').fill(/\b(\d{6})\b/.exec(mail.subject ?? '')![1]!)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'))
}
