import { randomUUID } from 'node:crypto'
import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { expectAccessible, signInWithCode, withBrowser } from '../helpers/browser'
import { demoAccounts } from '../helpers/demo-accounts'

// Issue 17: a part of a page that fails on its own says what failed, in context, inside the
// site's header and navigation, instead of the whole-site error page.

const browser = withBrowser()
const slug = 'local-democracy-bill'

async function expectSiteAround(page: Page) {
  expect(await page.locator('.ds_site-header a[href="/consultations"]').count()).toBe(1)
  expect(await page.locator('.ds_site-header a[href="/events"]').count()).toBe(1)
  expect(await page.locator('.ds_site-footer').count()).toBe(1)
}

test('without JavaScript, a consultation whose analysis is not published says so and leads back to the consultation', async () => {
  const { page, problems, close } = await browser.newPage({ javaScriptEnabled: false })
  const answer = await page.goto(`/analysis/${slug}`)
  expect(answer!.status()).toBe(404)
  expect(await page.locator('h1').textContent()).toBe('No published analysis was found here')
  expect(await page.getByText('It may have been removed, or the web address may be wrong. The rest of Guth is working.').count()).toBe(1)
  expect(await page.getByRole('link', { name: 'Go to the consultation' }).getAttribute('href')).toBe(`/consultations/${slug}`)
  expect(await page.title()).toBe('Page not found – Guth')
  await expectSiteAround(page)
  await expectAccessible(page)
  expect(problems).toEqual([])
  await close()
})

test('in Gaelic, the same failure is told in Gaelic', async () => {
  const { page, close } = await browser.newPage({ javaScriptEnabled: false, locale: 'gd' })
  await page.goto(`/analysis/${slug}`)
  expect(await page.locator('h1').textContent()).toBe('Cha deach mion-sgrùdadh foillsichte a lorg an seo')
  expect(await page.getByRole('link', { name: 'Rach dhan cho-chomhairle' }).getAttribute('href')).toBe(`/consultations/${slug}`)
  await expectSiteAround(page)
  await close()
})

test('an official asking for the analysis of a question that does not exist is led back to the consultation’s analysis', async () => {
  const { page, problems, close } = await browser.newPage()
  await signInWithCode(page, demoAccounts.official)
  await page.goto('/manage/consultations')
  await page.locator(`tr:has(a[href="/consultations/${slug}"]) th a`).click()
  await page.waitForURL(/\/manage\/consultations\/[0-9a-f-]{36}$/)
  const overview = new URL(page.url()).pathname
  const answer = await page.goto(`${overview}/analysis/questions/${randomUUID()}`)
  expect(answer!.status()).toBe(404)
  expect(await page.locator('h1').textContent()).toBe('This analysis was not found')
  expect(await page.getByRole('link', { name: 'Go to the consultation’s analysis' }).getAttribute('href')).toBe(`${overview}/analysis`)
  await expectSiteAround(page)
  await expectAccessible(page)
  expect(problems).toEqual([])
  await close()
})
