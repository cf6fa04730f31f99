import AxeBuilder from '@axe-core/playwright'
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject } from 'vitest'
import { chromiumArgs, findChromium } from './chromium'

/** One Chromium for the test file; each test opens its own context (cookies, JS on or off). */
export function useBrowser() {
  const handle = {} as { browser: Browser; baseUrl: string }
  beforeAll(async () => {
    handle.baseUrl = inject('baseUrl')
    handle.browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs })
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
      const context = await handle.browser.newContext({ baseURL: handle.baseUrl, ...options })
      const page = await context.newPage()
      const problems: string[] = []
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`)
      })
      return { page, problems, close: () => context.close() }
    },
  }
}

/** Axe in Chromium finds nothing against WCAG 2.2 A and AA. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze()
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
  expect(summary, `axe violations on ${page.url()}`).toEqual([])
}
