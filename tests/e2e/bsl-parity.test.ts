import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { expectAccessible, signInWithCode, withBrowser } from '../helpers/browser'
import { dmy, publishConsultation } from '../helpers/draft-consultation'
import { validMp4 } from '../helpers/media-videos'

const browser = withBrowser()
const slug = 'ferry-times-bsl-parity'
const day = 86_400_000
// The machine may be busy (video conversion runs in the same server): wait patiently.
const patiently = { timeout: 20_000 }

/** A published consultation of its own with one agree–disagree question; returns its overview address. */
async function givenScaleConsultation(page: Page) {
  return publishConsultation(
    page,
    { title: 'Ferry times: later sailings', summary: 'Whether evening sailings should run later.', slug, team: 'Ferries Team', email: 'ferries@gov.scot.example' },
    [['Agree–disagree scale', 'Ferries should sail later in the evening.']],
  )
}

/**
 * A citizen answers the question with a BSL video only; returns the reference. Without JavaScript
 * through the plain upload form, with it through the recorder's dashboard (its file picker).
 */
async function respondInBsl(page: Page, javaScript: boolean) {
  await page.goto(`/consultations/${slug}/respond`)
  await page.getByRole('button', { name: 'Start now' }).click()
  await page.waitForURL(/about-you$/)
  await page.locator('label', { hasText: 'As an individual' }).click()
  await page.getByLabel('Full name').fill(javaScript ? 'Iain Deaf' : 'Seonaid Deaf')
  await page.locator('label', { hasText: 'Yes, publish my response, but not my name' }).click()
  await page.locator('fieldset', { hasText: 'May we contact you again' }).locator('label', { hasText: /^No$/ }).click()
  await page.getByRole('button', { name: 'Save and continue' }).click()
  await page.waitForURL(/questions\/1$/)
  if (javaScript) {
    await page.getByRole('button', { name: 'Record or upload a BSL video' }).click()
    await expect.poll(() => page.locator('.uppy-Dashboard').count(), patiently).toBe(1)
    await page.locator('.uppy-Dashboard-input').first().setInputFiles(validMp4())
    await page.locator('.uppy-StatusBar-actionBtn--upload').click()
  } else {
    await page.getByLabel('Upload a BSL video').setInputFiles(validMp4())
    await page.getByRole('button', { name: 'Upload video' }).click()
  }
  await expect.poll(() => page.locator('.guth-bsl-status').textContent(), patiently).toMatch(/Being checked|Received/)
  await page.goto(`/consultations/${slug}/respond/check`)
  await expect.poll(() => page.locator('main').innerText(), patiently).toContain('Question 1: BSL video')
  await page.getByRole('button', { name: 'Send my response' }).click()
  await page.waitForURL(/done/)
  return /ref=([^&]+)/.exec(page.url())![1]!
}

/** The number of "Agree" answers in the first table on the page with this caption. */
const agreeIn = (page: Page, caption: string) => page.locator('table', { has: page.locator('caption', { hasText: caption }) }).first().locator('tr:has(th:text-is("Agree")) td').first().textContent()

test('BSL answers to a scale question, sent with and without JavaScript, are interpreted by an official (without JavaScript) with their option; the dashboard and the published report count them', async () => {
  const { page, problems, close } = await browser.newPage({ javaScriptEnabled: false })
  await signInWithCode(page, 'official@guth.example')
  const overview = await givenScaleConsultation(page)
  const references: string[] = []
  for (const javaScriptEnabled of [false, true]) {
    const citizen = await browser.newPage({ javaScriptEnabled })
    references.push(await respondInBsl(citizen.page, javaScriptEnabled))
    expect(citizen.problems).toEqual([])
    await citizen.close()
  }

  // Before interpretation: the BSL answers wait, and count for nothing in the question's table.
  const dashboard = `${overview}/analysis`
  await page.goto(dashboard)
  await expect.poll(() => page.locator('#bsl-awaiting').innerText()).toContain('BSL answers waiting to be interpreted: 2')
  expect(await agreeIn(page, 'Answers to question 1')).toBe('0')

  await page.getByRole('link', { name: 'BSL answers to interpret' }).click()
  await page.waitForURL(/bsl-answers$/)
  await expectAccessible(page)
  for (const reference of references) {
    const section = page.locator('section.guth-interpret', { hasText: `Response ${reference}` })
    await section.locator('fieldset', { hasText: 'Option chosen in BSL for question 1' }).locator('label', { hasText: /^Agree$/ }).click()
    await section.getByLabel('English interpretation of the answer to question 1', { exact: true }).fill('Later sailings would let me get home from work.')
    await section.getByRole('button', { name: 'Save and mark as interpreted' }).click()
    await expect.poll(() => page.locator('.ds_inset-text[role=status]').first().textContent(), patiently).toContain(reference)
    expect(await page.locator('section.guth-interpret', { hasText: `Response ${reference}` }).locator('input[type=radio][value=agree]').isChecked()).toBe(true)
  }

  await page.goto(dashboard)
  await expect.poll(() => page.locator('#bsl-awaiting').innerText()).toContain('BSL answers waiting to be interpreted: 0')
  expect(await agreeIn(page, 'Answers to question 1')).toBe('2')
  expect(await page.locator('table', { has: page.locator('caption', { hasText: 'Responses by how they were received' }) }).locator('tr:has(th:text-is("British Sign Language")) td').first().textContent()).toBe('2')

  // The consultation closes; the report shows the question's results and is published.
  await page.goto(overview)
  await page.getByLabel('Closing date').fill(dmy(new Date(Date.now() - day)))
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect.poll(() => page.getByText('Your changes have been saved.').count()).toBe(1)
  await page.goto(`${dashboard}/report`)
  const questions = page.locator('section', { has: page.locator('h2#section-questions') })
  await questions.locator('summary', { hasText: 'Add a data block' }).click()
  await questions.locator('select[name="questions-closedQuestion"]').selectOption({ index: 1 })
  await questions.getByRole('button', { name: 'Add the question’s results' }).click()
  await expect.poll(() => page.getByText('The report has been saved').count()).toBe(1)
  await page.getByRole('button', { name: 'Publish the analysis' }).click()
  await expect.poll(() => page.getByText('The analysis has been published').count()).toBe(1)

  const reader = await browser.newPage({ javaScriptEnabled: false })
  await reader.page.goto(`/analysis/${slug}`)
  expect(await reader.page.locator('#bsl-interpreted').innerText()).toContain('BSL answers interpreted into English by officials: 2')
  expect(await agreeIn(reader.page, 'Answers to question 1')).toBe('2')
  await expectAccessible(reader.page)
  expect([...problems, ...reader.problems]).toEqual([])
  await reader.close()
  await close()
}, 180_000)
