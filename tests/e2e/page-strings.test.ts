import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { expect, inject, test } from 'vitest'
import { withBrowser } from '../helpers/browser'

const browser = withBrowser()

const strings = (language: string, namespace: string) => JSON.parse(readFileSync(`locales/${language}/${namespace}.json`, 'utf8'))

/** What a page's HTML tells the browser to load before hydrating: languages and namespaces. */
async function carried(path: string, language: string) {
  const response = await fetch(inject('baseUrl') + path, { headers: { 'accept-language': language } })
  expect(response.status).toBe(200)
  const json = /<script id="guth-strings" type="application\/json"[^>]*>([^]*?)<\/script>/.exec(await response.text())?.[1]
  // The strings themselves are in cached chunks, not in every page.
  expect(json?.length).toBeLessThan(200)
  return JSON.parse(json ?? 'null') as { languages: string[]; namespaces: string[] }
}

test('the events list asks for its own strings and the shared ones, in the reader’s language only', async () => {
  const english = await carried('/events', 'en')
  expect(english.languages).toEqual(['en'])
  expect([...english.namespaces].sort()).toEqual(['common', 'events'])

  const gaelic = await carried('/events', 'gd')
  expect(gaelic.languages).toEqual(['gd'])
  expect([...gaelic.namespaces].sort()).toEqual(['common', 'events'])
})

test('the accessibility statement asks only for the legal and shared strings', async () => {
  expect([...(await carried('/accessibility', 'en')).namespaces].sort()).toEqual(['common', 'legal'])
})

// Records the main text every time the page changes, to catch a moment when keys were on screen.
async function watchMainText(page: Page) {
  await page.evaluate(() => {
    const seen: string[] = []
    Object.assign(window, { seenText: seen, sameDocument: true })
    new MutationObserver(() => seen.push(document.querySelector('main')?.textContent ?? '')).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    })
  })
}

test('in Gaelic with JavaScript, moving to pages in other namespaces shows their strings, never their keys', async () => {
  const common = strings('gd', 'common')
  const consultations = strings('gd', 'consultations')
  const legal = strings('gd', 'legal')
  const { page, problems, close } = await browser.newPage({ locale: 'gd-GB' })
  await page.goto('/events')
  expect(await page.getAttribute('html', 'lang')).toBe('gd')
  // Hydrated: React has claimed the server's elements, so links navigate in the page.
  await page.waitForFunction(() => Object.keys(document.querySelector('main') ?? {}).some((key) => key.startsWith('__reactProps')))
  await watchMainText(page)

  await page.locator('header').getByRole('link', { name: common.header.consultations, exact: true }).click()
  await expect.poll(() => page.locator('main').innerText()).toContain(consultations.list.lead)
  await page.getByRole('navigation', { name: common.footer.label }).getByRole('link', { name: common.footer.accessibility }).click()
  await expect.poll(() => page.locator('h1').textContent()).toBe(legal.accessibility.title)

  // Both moves happened in the same document, and no key ever stood in for a string.
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true)
  const seen = await page.evaluate(() => (window as unknown as { seenText: string[] }).seenText)
  expect(seen.length).toBeGreaterThan(0)
  expect(seen.filter((text) => /\b(list\.(title|lead)|accessibility\.title)\b/.test(text))).toEqual([])
  expect(problems).toEqual([])
  await close()
})
