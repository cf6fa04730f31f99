import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { expectAccessible, signInWithCode, withBrowser } from '../helpers/browser'
import { createDraftConsultation, dmy } from '../helpers/draft-consultation'

const browser = withBrowser()
const slug = 'council-spending-ranking'

/** Ticks the radio of a form field by its value, whatever the page's language. */
async function choose(page: Page, name: string, value: string) {
  const id = await page.locator(`input[name="${name}"][value="${value}"]`).getAttribute('id')
  await page.locator(`label[for="${id}"]`).click()
}

/** From the start page to question 1, as an individual who may be published anonymously. */
async function startResponse(page: Page, start: string) {
  await page.goto(`/consultations/${slug}/respond`)
  await page.getByRole('button', { name: start }).click()
  await page.waitForURL(/about-you$/)
  await choose(page, 'respondentType', 'individual')
  await choose(page, 'publishConsent', 'anonymous')
  await choose(page, 'contactConsent', 'no')
  await page.locator('main button[type=submit]:not(.ds_button--secondary)').first().click()
  await page.waitForURL(/questions\/1$/)
  // With JavaScript the address changes a moment before the question is on screen.
  await expect.poll(() => page.locator('main select').count()).toBe(3)
}

async function rank(page: Page, positions: [label: string, position: string][]) {
  for (const [label, position] of positions) await page.getByLabel(label, { exact: true }).selectOption({ label: position })
}

/** The cells (n, %, mean rank for everyone, then per respondent type) of an option's row in question 1's table. */
const rowOf = (page: Page, option: string) =>
  page.locator('table', { has: page.locator('caption', { hasText: 'Answers to question 1' }) }).first().locator(`tr:has(th:text-is("${option}")) td`).allInnerTexts()

test('an official writes a ranking question; citizens rank its options with JavaScript in English and without it in Gaelic, fix a repeated position, check and send; the official sees who ranked each first and its mean rank, and publishes them in the report', async () => {
  const official = await browser.newPage({ javaScriptEnabled: false })
  await signInWithCode(official.page, 'official@guth.example')
  const overview = await createDraftConsultation(official.page, {
    title: 'Council spending: what comes first',
    summary: 'Which services the council should fund first.',
    slug,
    team: 'Finance Team',
    email: 'finance@gov.scot.example',
  })
  await official.page.getByRole('link', { name: 'Add a question' }).click()
  await official.page.locator('label', { hasText: 'Ranking' }).click()
  await official.page.getByLabel('Question in English').fill('What should the council fund first?')
  await official.page.getByLabel('Question in Gaelic').fill('Dè bu chòir don chomhairle a mhaoineachadh an toiseach?')
  await official.page.getByLabel('Choices').fill('Parks | Pàircean\nLibraries | Leabharlannan\nRoads | Rathaidean')
  await official.page.locator('label', { hasText: 'People must answer this question' }).click()
  await official.page.getByRole('button', { name: 'Add question' }).click()
  await expect.poll(() => official.page.getByText('The question has been added.').count()).toBe(1)
  await official.page.goto(overview)
  await official.page.getByRole('button', { name: 'Publish' }).click()
  await expect.poll(() => official.page.getByText('The consultation has been published.').count()).toBe(1)

  // With JavaScript, in English: a position used twice is refused and the choices are kept.
  const english = await browser.newPage({ javaScriptEnabled: true })
  await startResponse(english.page, 'Start now')
  expect(await english.page.locator('main select').first().locator('option').allInnerTexts()).toEqual(['Choose a position', '1st', '2nd', '3rd'])
  await expectAccessible(english.page)
  await rank(english.page, [['Parks', '1st'], ['Libraries', '1st'], ['Roads', '2nd']])
  await english.page.getByRole('button', { name: 'Save and continue' }).click()
  await expect.poll(() => english.page.locator('.ds_error-summary').innerText()).toContain('Give each option a different position')
  expect(await english.page.getByLabel('Libraries', { exact: true }).inputValue()).toMatch(/:1$/)
  await expectAccessible(english.page)
  await rank(english.page, [['Parks', '2nd'], ['Libraries', '3rd'], ['Roads', '1st']])
  await english.page.getByRole('button', { name: 'Save and continue' }).click()
  await english.page.waitForURL(/check$/)
  await expect.poll(() => english.page.locator('main').innerText()).toContain('1. Roads; 2. Parks; 3. Libraries')
  await expectAccessible(english.page)
  await english.page.getByRole('button', { name: 'Send my response' }).click()
  await english.page.waitForURL(/done/)

  // Without JavaScript, in Gaelic: an incomplete ranking of a required question is refused.
  const gaelic = await browser.newPage({ javaScriptEnabled: false })
  await gaelic.page.goto(`/consultations/${slug}`)
  await gaelic.page.getByRole('button', { name: 'Gàidhlig' }).click()
  await expect.poll(() => gaelic.page.getAttribute('html', 'lang')).toBe('gd')
  await startResponse(gaelic.page, 'Tòisich an-dràsta')
  expect(await gaelic.page.locator('main h1').innerText()).toBe('Dè bu chòir don chomhairle a mhaoineachadh an toiseach?')
  await rank(gaelic.page, [['Pàircean', 'Àite 1']])
  await gaelic.page.getByRole('button', { name: 'Sàbhail agus lean air adhart' }).click()
  await expect.poll(() => gaelic.page.locator('.ds_error-summary').innerText()).toContain('Thoir àite do gach roghainn')
  expect(await gaelic.page.getByLabel('Pàircean', { exact: true }).inputValue()).toMatch(/:1$/)
  await expectAccessible(gaelic.page)
  await rank(gaelic.page, [['Rathaidean', 'Àite 2'], ['Leabharlannan', 'Àite 3']])
  await gaelic.page.getByRole('button', { name: 'Sàbhail agus lean air adhart' }).click()
  await gaelic.page.waitForURL(/check$/)
  expect(await gaelic.page.locator('main').innerText()).toContain('1. Pàircean; 2. Rathaidean; 3. Leabharlannan')
  await expectAccessible(gaelic.page)
  await gaelic.page.getByRole('button', { name: 'Cuir mo fhreagairt' }).click()
  await gaelic.page.waitForURL(/done/)

  // Roads: 1st and 2nd, Parks: 2nd and 1st, Libraries: 3rd twice.
  await official.page.goto(`${overview}/analysis`)
  expect((await rowOf(official.page, 'Roads')).slice(0, 3)).toEqual(['1', '50%', '1.5'])
  expect((await rowOf(official.page, 'Parks')).slice(0, 3)).toEqual(['1', '50%', '1.5'])
  expect((await rowOf(official.page, 'Libraries')).slice(0, 3)).toEqual(['0', '0%', '3'])
  await expectAccessible(official.page)
  const csv = await (await official.page.request.get(`${overview}/responses/export.csv`)).text()
  expect(csv).toContain('Roads > Parks > Libraries')
  expect(csv).toContain('Parks > Roads > Libraries')

  // Once closed, the ranking's results go into the published report, read in Gaelic too.
  await official.page.goto(overview)
  await official.page.getByLabel('Closing date').fill(dmy(new Date(Date.now() - 86_400_000)))
  await official.page.getByRole('button', { name: 'Save changes' }).click()
  await expect.poll(() => official.page.getByText('Your changes have been saved.').count()).toBe(1)
  await official.page.goto(`${overview}/analysis/report`)
  const questions = official.page.locator('section', { has: official.page.locator('h2#section-questions') })
  await questions.locator('summary', { hasText: 'Add a data block' }).click()
  await questions.locator('select[name="questions-closedQuestion"]').selectOption({ index: 1 })
  await questions.getByRole('button', { name: 'Add the question’s results' }).click()
  await expect.poll(() => official.page.getByText('The report has been saved').count()).toBe(1)
  await official.page.getByRole('button', { name: 'Publish the analysis' }).click()
  await expect.poll(() => official.page.getByText('The analysis has been published').count()).toBe(1)
  await gaelic.page.goto(`/analysis/${slug}`)
  expect((await gaelic.page.locator('table', { has: gaelic.page.locator('th:text-is("Àite cuibheasach")') }).locator('tr:has(th:text-is("Rathaidean")) td').allInnerTexts()).slice(0, 3)).toEqual(['1', '50%', '1.5'])
  await expectAccessible(gaelic.page)

  expect([...official.problems, ...english.problems, ...gaelic.problems]).toEqual([])
  for (const opened of [official, english, gaelic]) await opened.close()
}, 180_000)
