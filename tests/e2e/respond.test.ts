import type { Page } from 'playwright-core'
import { describe, expect, inject, test } from 'vitest'
import { expectAccessible, withBrowser } from '../helpers/browser'
import { waitForCapturedMail } from '../helpers/smtp'

const browser = withBrowser()

/** The seeded local democracy consultation, found from the list of open consultations. */
async function openConsultation(page: Page) {
  await page.goto('/consultations')
  await expectAccessible(page)
  await page.locator('main a[href="/consultations/local-democracy-bill"]').first().click()
  await expect.poll(() => page.getByRole('link', { name: /respond/i }).count()).toBeGreaterThan(0)
  await expectAccessible(page)
  return new URL(page.url()).pathname
}

async function fillAboutYou(page: Page, email: string) {
  await page.locator('label', { hasText: 'As an individual' }).click()
  await page.getByLabel('Full name').fill('Ailsa MacDonald')
  await page.getByLabel('Email address (optional)').fill(email)
  await page.locator('label', { hasText: 'Yes, publish my response, but not my name' }).click()
  await page.locator('fieldset', { hasText: 'May we contact you again' }).locator('label', { hasText: /^No$/ }).click()
}

/** Answers whatever the page asks: the first choice of a closed question, words in a text box. */
async function answerThisPage(page: Page, words: string) {
  const radios = page.locator('.ds_radio label')
  const checkboxes = page.locator('.ds_checkbox label')
  if (await radios.count()) await radios.first().click()
  if (await checkboxes.count()) await checkboxes.first().click()
  for (const box of await page.locator('main textarea, main input[type=text]').all()) await box.fill(words)
}

/** From a question page, answers each question in turn until the check page. */
async function answerEveryQuestion(page: Page) {
  for (let guard = 0; guard < 40 && /questions\/\d+$/.test(page.url()); guard++) {
    const here = page.url()
    // With JavaScript the address changes a moment before the new question is on screen.
    const number = /questions\/(\d+)$/.exec(here)![1]
    await expect.poll(() => page.locator('main').innerText()).toContain(`Question ${number} of`)
    await answerThisPage(page, `Answer ${guard}: communities know their own needs.`)
    await page.getByRole('button', { name: 'Save and continue' }).click()
    await expect
      .poll(async () => (page.url() !== here ? 'moved' : await page.locator('.ds_error-summary').textContent().catch(() => 'waiting')))
      .toBe('moved')
  }
  await page.waitForURL(/check$/)
}

describe.each([
  { javaScriptEnabled: true, label: 'with JavaScript' },
  { javaScriptEnabled: false, label: 'without JavaScript' },
])('$label', ({ javaScriptEnabled }) => {
  test('finding the way: Consultations in the header, a Back link on every step, one primary action per page', async () => {
    const { page, close } = await browser.newPage({ javaScriptEnabled })
    await page.goto('/events')
    await page.locator('header a[href="/consultations"]').click()
    await page.waitForURL(/\/consultations$/)
    await openConsultation(page)
    await page.getByRole('link', { name: /respond/i }).first().click()
    await page.getByRole('button', { name: 'Start now' }).click()
    await page.waitForURL(/about-you$/)
    expect(await page.locator('main a.ds_back-link').getAttribute('href')).toBe('/consultations/local-democracy-bill/respond')
    await fillAboutYou(page, `finding-${javaScriptEnabled ? 'js' : 'nojs'}@example.org`)
    await page.getByRole('button', { name: 'Save and continue' }).click()
    await page.waitForURL(/questions\/1$/)
    // With JavaScript the address changes a moment before the question is on screen.
    await expect.poll(() => page.locator('main').innerText()).toContain('Question 1 of')
    const primary = page.locator('main .ds_button:not(.ds_button--secondary)')
    expect(await primary.allInnerTexts()).toEqual(['Save and continue'])
    await answerThisPage(page, 'Closer to communities.')
    await page.getByRole('button', { name: 'Save and continue' }).click()
    await page.waitForURL(/questions\/2$/)
    await page.locator('main a.ds_back-link', { hasText: 'Back' }).click()
    await page.waitForURL(/questions\/1$/)
    await page.locator('main a.ds_back-link').click()
    await page.waitForURL(/about-you$/)
    await expectAccessible(page)
    await close()
  })

  test('a citizen responds start to finish, saving and coming back through the emailed link, and gets a receipt', async () => {
    const email = `respondent-${javaScriptEnabled ? 'js' : 'nojs'}@example.org`
    const first = await browser.newPage({ javaScriptEnabled })
    const consultationPath = await openConsultation(first.page)
    await first.page.getByRole('link', { name: /respond/i }).first().click()
    await expectAccessible(first.page)
    await first.page.getByRole('button', { name: 'Start now' }).click()
    await first.page.waitForURL(/about-you$/)

    // A mistake first: nothing chosen gets a clear message.
    await first.page.getByRole('button', { name: 'Save and continue' }).click()
    await expect.poll(() => first.page.locator('.ds_error-summary').textContent()).toContain('Select whether you are responding')
    await expectAccessible(first.page)
    await fillAboutYou(first.page, email)
    await first.page.getByRole('button', { name: 'Save and continue' }).click()
    await first.page.waitForURL(/questions\/1$/)
    await expectAccessible(first.page)
    await answerThisPage(first.page, 'Decisions should be closer to communities.')
    await first.page.getByRole('button', { name: 'Save and come back later' }).click()
    await first.page.waitForURL(/save$/)
    await expectAccessible(first.page)
    await first.page.getByRole('button', { name: 'Email me a link' }).click()
    await expect.poll(() => first.page.getByText('a link to your response is on its way').count()).toBe(1)
    await first.close()

    // Another device: the emailed link brings the answers back.
    const mail = await waitForCapturedMail(inject('mailDir'), email, (m) => Boolean(m.subject?.includes('saved response')))
    const link = /(http\S+\/resume\?token=[\w-]+)/.exec(mail.text ?? '')![1]!
    const second = await browser.newPage({ javaScriptEnabled })
    await second.page.goto(link)
    await expectAccessible(second.page)
    await second.page.getByRole('button', { name: 'Continue' }).click()
    await second.page.waitForURL(/contents$/)
    await expectAccessible(second.page)
    const contents = await second.page.locator('main').innerText()
    expect(await second.page.locator('.ds_tag--green').count(), contents).toBeGreaterThanOrEqual(2)
    // Carry on from question 2: question 1 keeps the answer given on the first device.
    await second.page.locator('.ds_task-list__task-link').nth(2).click()
    await second.page.waitForURL(/questions\/2$/)
    await answerEveryQuestion(second.page)
    await expectAccessible(second.page)
    expect(await second.page.locator('.ds_summary-list').first().textContent()).toContain('Ailsa MacDonald')
    await second.page.getByRole('button', { name: 'Send my response' }).click()
    await second.page.waitForURL(/done\?ref=/)
    await expectAccessible(second.page)
    const reference = (await second.page.locator('.guth-reference').textContent())!.trim()
    expect(reference).toMatch(/^GUTH-/)

    const receipt = await waitForCapturedMail(inject('mailDir'), email, (m) => Boolean(m.subject?.includes(reference)))
    expect(receipt.text).toContain('Decisions should be closer to communities.')
    expect(receipt.text).toContain('communities know their own needs')

    // The same link cannot open it again, and the consultation page is still there.
    await second.page.goto(link)
    await second.page.getByRole('button', { name: 'Continue' }).click()
    await expect.poll(() => second.page.locator('.ds_error-summary').count()).toBe(1)
    await second.page.goto(consultationPath)
    await second.close()
  })
})

test('sending the same response twice gives the same reference', async () => {
  const { page, close } = await browser.newPage({ javaScriptEnabled: false })
  await openConsultation(page)
  await page.getByRole('link', { name: /respond/i }).first().click()
  await page.getByRole('button', { name: 'Start now' }).click()
  await fillAboutYou(page, 'twice@example.org')
  await page.getByRole('button', { name: 'Save and continue' }).click()
  await page.waitForURL(/questions\/1$/)
  await answerEveryQuestion(page)
  const form = await page.locator('form:has(button:text("Send my response"))').evaluate((f: HTMLFormElement) =>
    Object.fromEntries(new FormData(f) as unknown as Iterable<[string, string]>),
  )
  const url = page.url()
  const [one, two] = await Promise.all([
    page.request.post(url, { form, maxRedirects: 0 }),
    page.request.post(url, { form, maxRedirects: 0 }),
  ])
  expect([one.status(), two.status()]).toEqual([303, 303])
  const references = [one, two].map((r) => /ref=([A-Z0-9-]+)/.exec(r.headers().location ?? '')?.[1])
  expect(references[0]).toBeTruthy()
  expect(references[1]).toBe(references[0])
  await close()
})
