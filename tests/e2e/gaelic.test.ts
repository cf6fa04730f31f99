import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { expectAccessible, withBrowser } from '../helpers/browser'

const browser = withBrowser()

// The demo seed: the Pioneer-year launch and its programme have Gaelic; the Glasgow conversation has none.
const LAUNCH = { slug: 'pioneer-year-launch-edinburgh', titleGd: 'Cur air bhog bliadhna Tùsaire an Riaghaltais Fhosgailte' }
const PROGRAMME = { slug: 'open-government-pioneer-year', nameGd: 'Bliadhna Tùsaire an Riaghaltais Fhosgailte' }
const ENGLISH_ONLY = { slug: 'local-democracy-conversation-glasgow', title: 'Local democracy conversation: Glasgow' }
const NOTICE = 'Chan eil an t-susbaint seo ri fhaighinn ach sa Bheurla.'

const headingLang = (page: Page) => page.locator('h1').getAttribute('lang')

describe.each([
  { javaScriptEnabled: true, label: 'with JavaScript' },
  { javaScriptEnabled: false, label: 'without JavaScript' },
])('$label', ({ javaScriptEnabled }) => {
  test('choosing Gàidhlig shows events and the programme in Gaelic, and marks English-only ones as English', async () => {
    const { page, problems, close } = await browser.newPage({ javaScriptEnabled })
    await page.goto('/')
    await page.getByRole('button', { name: 'Gàidhlig' }).click()
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('gd')

    await page.goto(`/events?programme=${PROGRAMME.slug}`)
    const launchLink = page.getByRole('link', { name: LAUNCH.titleGd })
    await expect.poll(() => launchLink.count()).toBe(1)
    expect(await launchLink.getAttribute('lang')).toBeNull()
    const englishLink = page.getByRole('link', { name: ENGLISH_ONLY.title })
    expect(await englishLink.getAttribute('lang')).toBe('en')
    // The English-only card says so, in Gaelic.
    expect(await page.locator('.guth-event-card', { has: englishLink }).innerText()).toContain('Sa Bheurla a-mhàin')
    expect(await page.locator('.guth-event-card', { has: launchLink }).innerText()).not.toContain('Sa Bheurla a-mhàin')
    await expectAccessible(page)

    await launchLink.click()
    await expect.poll(() => page.locator('h1').textContent()).toBe(LAUNCH.titleGd)
    expect(await headingLang(page)).toBeNull()
    const main = await page.locator('main').innerText()
    expect(main).toContain('Fàilte agus an sgeulachd gu ruige seo')
    expect(main).not.toContain(NOTICE)
    await expectAccessible(page)

    await page.getByRole('link', { name: PROGRAMME.nameGd }).click()
    await expect.poll(() => page.locator('h1').textContent()).toBe(PROGRAMME.nameGd)
    expect(await headingLang(page)).toBeNull()
    expect(await page.getByRole('link', { name: ENGLISH_ONLY.title }).getAttribute('lang')).toBe('en')
    await expectAccessible(page)

    await page.getByRole('link', { name: ENGLISH_ONLY.title }).click()
    await expect.poll(() => page.locator('h1').textContent()).toBe(ENGLISH_ONLY.title)
    expect(await headingLang(page)).toBe('en')
    expect(await page.locator('main').innerText()).toContain(NOTICE)
    await expectAccessible(page)

    // Back in English: no notice, nothing marked.
    await page.getByRole('button', { name: 'English' }).click()
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en')
    expect(await page.locator('main').innerText()).not.toContain('only available in English')
    expect(await headingLang(page)).toBeNull()
    expect(problems).toEqual([])
    await close()
  }, 120_000)
})
