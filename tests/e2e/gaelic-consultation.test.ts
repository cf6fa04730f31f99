import { describe, expect, test } from 'vitest'
import { expectAccessible, withBrowser } from '../helpers/browser'

const browser = withBrowser()
const slug = 'local-democracy-bill'

describe.each([
  { javaScriptEnabled: true, label: 'with JavaScript' },
  { javaScriptEnabled: false, label: 'without JavaScript' },
])('$label', ({ javaScriptEnabled }) => {
  test('someone who chooses Gàidhlig reads the demo consultation and its first question in Gaelic, told the paper is English only', async () => {
    const { page, problems, close } = await browser.newPage({ javaScriptEnabled })
    await page.goto(`/consultations/${slug}`)
    expect(await page.locator('main .guth-english-only').count()).toBe(0)
    await page.getByRole('button', { name: 'Gàidhlig' }).click()
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('gd')

    await expect.poll(() => page.locator('h1').textContent()).toBe('Bile Deamocrasaidh Ionadail: a’ toirt cho-dhùnaidhean nas fhaisge air coimhearsnachdan')
    expect(await page.locator('h1').getAttribute('lang')).toBeNull()
    expect(await page.locator('.ds_leader').innerText()).toContain('Tha sinn a’ sireadh bheachdan air molaidhean airson Bile Deamocrasaidh Ionadail')
    expect(await page.locator('main .guth-english-only').innerText()).toBe('Chan eil an t-susbaint seo ri fhaighinn ach sa Bheurla.')
    expect(await page.locator('main .guth-body').first().getAttribute('lang')).toBe('en')
    await expectAccessible(page)

    await page.getByRole('link', { name: 'Freagair a’ cho-chomhairle seo' }).first().click()
    await page.getByRole('button', { name: 'Tòisich an-dràsta' }).click()
    await page.waitForURL(/about-you$/)
    await page.goto(`/consultations/${slug}/respond/questions/1`)
    await expect.poll(() => page.locator('main h1').innerText()).toBe('Dè an sgìre sa bheil thu a’ fuireach?')
    expect(await page.locator('main').innerText()).toContain('Ceist 1 à ')
    expect(await page.locator('main').innerText()).toContain('Mar eisimpleir, sgìre na comhairle, am baile no an t-eilean agad.')
    expect(await page.locator('main').innerText()).not.toContain('Which area do you live in?')
    await expectAccessible(page)
    expect(problems).toEqual([])
    await close()
  })
})
