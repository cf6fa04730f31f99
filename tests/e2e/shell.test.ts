import { describe, expect, test } from 'vitest'
import { expectAccessible, withBrowser } from '../helpers/browser'

const browser = withBrowser()

describe.each([
  { javaScriptEnabled: true, label: 'with JavaScript' },
  { javaScriptEnabled: false, label: 'without JavaScript' },
])('$label', ({ javaScriptEnabled }) => {
  test('the home page shows the seeded organisations and is accessible in English and in Gaelic', async () => {
    const { page, problems, close } = await browser.newPage({ javaScriptEnabled })
    const response = await page.goto('/')
    expect(response?.status()).toBe(200)
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    await expect.poll(() => page.title()).toBe('Have your say on how Scotland is governed – Guth')
    expect(await page.locator('#home-organisations + ul li').allTextContents()).toContain('COSLA')
    await expectAccessible(page)

    await page.getByRole('button', { name: 'Gàidhlig' }).click()
    await page.waitForURL('**/')
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('gd')
    expect(await page.locator('h1').textContent()).toBe('Abair do bheachd air mar a tha Alba ga riaghladh')
    expect(await page.locator('#home-organisations + ul li').allTextContents()).toContain('Riaghaltas na h-Alba')
    await expectAccessible(page)

    // The choice is remembered on the next page, and can be undone.
    await page.getByRole('link', { name: 'Prìobhaideachd' }).click()
    await expect.poll(() => page.locator('h1').textContent()).not.toBe('Privacy')
    expect(await page.getAttribute('html', 'lang')).toBe('gd')
    await page.getByRole('button', { name: 'English' }).click()
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en')
    expect(page.url()).toMatch(/\/privacy$/)
    expect(problems).toEqual([])
    await close()
  })
})

test('the browser language is used until someone chooses another', async () => {
  const { page, close } = await browser.newPage({ locale: 'gd-GB', javaScriptEnabled: false })
  await page.goto('/')
  expect(await page.getAttribute('html', 'lang')).toBe('gd')
  await close()
})

test.each(['/accessibility', '/privacy', '/cookies', '/sign-in'])('%s is readable and accessible in both languages', async (path) => {
  const { page, close } = await browser.newPage({ javaScriptEnabled: false })
  expect((await page.goto(path))?.status()).toBe(200)
  expect(await page.locator('h1').count()).toBe(1)
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Gàidhlig' }).click()
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe('gd')
  await expectAccessible(page)
  await close()
})

test('the cookies page lists the only cookies Guth sets', async () => {
  const { page, close } = await browser.newPage({ javaScriptEnabled: false })
  await page.goto('/cookies')
  const names = await page.locator('table tbody th').allTextContents()
  expect(names).toEqual(['guth_session', 'guth_lang', 'guth_csrf', 'guth_response', 'sb-…-auth-token'])
  await close()
})

test('an unknown address gets a real 404 page in the design system style', async () => {
  const { page, close } = await browser.newPage()
  const response = await page.goto('/no-such-page')
  expect(response?.status()).toBe(404)
  expect(await page.locator('h1').textContent()).toBe('Page not found')
  await expect.poll(() => page.title()).toBe('Page not found – Guth')
  await expectAccessible(page)
  await close()
})

test('pages carry a nonce-based Content-Security-Policy and every script has the nonce', async () => {
  const { page, close } = await browser.newPage()
  const response = await page.goto('/')
  const csp = response!.headers()['content-security-policy']!
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1]
  expect(nonce).toBeTruthy()
  expect(csp).toContain("frame-ancestors 'none'")
  const inline = await page.locator('script:not([src])').evaluateAll((scripts) =>
    scripts.map((s) => (s as HTMLScriptElement).nonce),
  )
  expect(inline.length).toBeGreaterThan(0)
  expect(inline.every((n) => n === nonce)).toBe(true)
  await close()
})

test('hashed assets are cached for a year; the development outbox does not exist in production', async () => {
  const { page, close } = await browser.newPage()
  await page.goto('/')
  const css = await page.locator('link[rel=stylesheet]').first().getAttribute('href')
  const asset = await page.request.get(css!)
  expect(asset.headers()['cache-control']).toContain('immutable')
  expect((await page.request.get('/dev/mail')).status()).toBe(404)
  await close()
})
