import type { Page } from 'playwright-core'
import { describe, expect, inject, test } from 'vitest'
import { expectAccessible, withBrowser } from '../helpers/browser'
import { waitForCapturedMail } from '../helpers/smtp'

const browser = withBrowser()

async function requestCode(page: Page, email: string) {
  await page.goto('/privacy')
  await page.getByRole('link', { name: 'Sign in' }).click()
  await expect.poll(() => page.locator('h1').textContent()).toBe('Sign in')
  await expectAccessible(page)
  await page.getByLabel('Email address').fill(email)
  await page.getByRole('button', { name: 'Send me a sign-in code' }).click()
  await page.waitForURL(/\/sign-in\/code\//)
  const attemptId = page.url().split('/').pop()!
  const mail = await waitForCapturedMail(inject('mailDir'), email, (m) => Boolean(m.text?.includes(attemptId)))
  return {
    code: /\b(\d{6})\b/.exec(mail.subject ?? '')![1]!,
    link: /(http\S+sign-in\/confirm\S+)/.exec(mail.text ?? '')![1]!,
  }
}

async function expectSignedIn(page: Page) {
  await expect.poll(() => page.getByRole('link', { name: 'Your account' }).count()).toBe(1)
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect.poll(() => page.getByText('You have signed out.').count()).toBe(1)
  expect(await page.getByRole('link', { name: 'Sign in' }).count()).toBe(1)
}

describe.each([
  { javaScriptEnabled: true, label: 'with JavaScript' },
  { javaScriptEnabled: false, label: 'without JavaScript' },
])('$label', ({ javaScriptEnabled }) => {
  test('someone signs in with the emailed code, comes back where they were, and signs out', async () => {
    const { page, problems, close } = await browser.newPage({ javaScriptEnabled })
    const email = `code-${javaScriptEnabled ? 'js' : 'nojs'}@example.org`
    const { code } = await requestCode(page, email)
    await expectAccessible(page)
    await page.getByLabel('Enter the 6-digit code').fill('12')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => page.locator('.ds_error-summary').textContent()).toContain('The code is 6 numbers')
    await expectAccessible(page)
    await page.getByLabel('Enter the 6-digit code').fill(code)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(/\/privacy$/)
    await expectSignedIn(page)
    await signOut(page)
    expect(problems).toEqual([])
    await close()
  })

  test('someone signs in with the emailed link', async () => {
    const { page, close } = await browser.newPage({ javaScriptEnabled })
    const email = `link-${javaScriptEnabled ? 'js' : 'nojs'}@example.org`
    const { link } = await requestCode(page, email)
    await page.goto(link)
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.waitForURL(/\/privacy$/)
    await expectSignedIn(page)
    // The link works once.
    await page.goto(link)
    await page.getByRole('button', { name: 'Continue' }).click()
    await expect.poll(() => page.locator('.ds_error-summary').textContent()).toContain('has expired or has already been used')
    await close()
  })
})

test('a wrong email address gets a clear message and keeps what was typed', async () => {
  const { page, close } = await browser.newPage({ javaScriptEnabled: false })
  await page.goto('/sign-in')
  await page.getByLabel('Email address').fill('not-an-email')
  await page.getByRole('button', { name: 'Send me a sign-in code' }).click()
  await expect.poll(() => page.locator('.ds_error-summary').textContent()).toContain('Enter an email address in the correct format')
  expect(await page.getByLabel('Email address').inputValue()).toBe('not-an-email')
  await expectAccessible(page)
  await close()
})

test('a form posted without its CSRF token is refused with a clear page', async () => {
  const { page, close } = await browser.newPage()
  const response = await page.request.post('/sign-in', { form: { email: 'someone@example.org' } })
  expect(response.status()).toBe(403)
  expect(await response.text()).toContain('The form has expired')
  await close()
})

test('the sign-in pages work in Gaelic', async () => {
  const { page, close } = await browser.newPage({ javaScriptEnabled: false, locale: 'gd' })
  await page.goto('/sign-in')
  expect(await page.locator('h1').textContent()).toBe('Clàraich a-steach')
  await expectAccessible(page)
  await close()
})
