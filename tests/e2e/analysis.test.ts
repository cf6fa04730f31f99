import type { Page } from 'playwright-core'
import { expect, inject, test } from 'vitest'
import { expectAccessible, signInWithCode, withBrowser } from '../helpers/browser'
import { dmy, publishConsultation } from '../helpers/draft-consultation'
import { HttpVisitor } from '../helpers/http-session'

const browser = withBrowser()
const slug = 'island-voices-analysis'

const day = 86_400_000

/** An official publishes, through the pages, a consultation of its own (a long-text and a yes/no question); returns its overview address. */
async function publishOwnConsultation(page: Page) {
  return publishConsultation(
    page,
    { title: 'Island voices: local decisions', summary: 'How island communities could take more decisions themselves.', slug, team: 'Islands Team', email: 'islands@gov.scot.example' },
    [
      ['Long text', 'What would make local decisions better?'],
      ['Yes, no or don’t know', 'Should island councils have more powers?'],
    ],
  )
}

/** A citizen responds through the public pages, as a browser without JavaScript would. */
/** Whether the page says `done`; if not, follows its "Check again" link for next time. */
async function checkAgainFor(page: Page, done: RegExp) {
  if (await page.getByText(done).count()) return true
  const again = page.getByRole('link', { name: 'Check again' })
  if (await again.count()) await again.click()
  return false
}

async function respond(about: Record<string, string>, words: string, choice: string) {
  const citizen = new HttpVisitor(inject('baseUrl'))
  const base = `/consultations/${slug}/respond`
  await citizen.postForm(base, {})
  await citizen.postForm(`${base}/about-you`, { contactConsent: 'no', email: '', ...about })
  let next = `${base}/questions/1`
  for (const answer of [words, choice]) {
    const html = await (await citizen.request(next)).text()
    const fields: Record<string, string> = {}
    for (const [, name] of html.matchAll(/name="(q-[0-9a-f-]{36})"/g)) fields[name!] ??= answer
    next = (await citizen.postForm(next, fields)).headers.get('location')!
  }
  expect(next).toMatch(/check$/)
  await citizen.postForm(next, {})
}

test('an official codes answers, accepts a suggested theme, builds and publishes the analysis; the public page keeps the frozen numbers', async () => {
  const { page, problems, close } = await browser.newPage({ javaScriptEnabled: false })
  await signInWithCode(page, 'official@guth.example')
  const overview = await publishOwnConsultation(page)
  await respond({ respondentType: 'individual', name: 'Ailsa', publishConsent: 'anonymous' }, 'Island ferries are cancelled and the ferry timetable ignores island people.', 'yes')
  await respond({ respondentType: 'organisation', organisationName: 'Orkney Islands Forum', publishConsent: 'with_name' }, 'Orkney needs decisions on the ferry timetable made on the islands.', 'yes')
  await respond({ respondentType: 'individual', name: 'Ruairidh', publishConsent: 'not_published' }, 'Participatory budgeting worked well, keep my name private please.', 'no')
  await respond({ respondentType: 'individual', name: 'Morag', publishConsent: 'anonymous' }, 'Participatory budgeting gave our town a real say.', 'dont_know')

  // The consultation closes (its closing date moves to yesterday): analysis is of a finished consultation.
  await page.goto(overview)
  await page.getByLabel('Closing date').fill(dmy(new Date(Date.now() - day)))
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect.poll(() => page.getByText('Your changes have been saved.').count()).toBe(1)

  await page.getByRole('link', { name: 'Analysis of responses' }).click()
  await expect.poll(() => page.locator('main').innerText()).toContain('Responses submitted: 4')
  expect(await page.locator('main svg[role="img"]').count()).toBeGreaterThan(1)
  await expectAccessible(page)
  const dashboard = page.url()

  // Coding: a code of the official's own, applied to the first answer.
  await page.getByRole('link', { name: /Question 1: What would make local decisions better/ }).click()
  const questionPage = page.url().split('?')[0]!
  await expectAccessible(page)
  await page.getByLabel('Name of the code').fill('Local control')
  await page.getByRole('button', { name: 'Add code' }).click()
  await expect.poll(() => page.getByText('The code has been added').count()).toBe(1)
  await page.locator('ol.guth-analysis-answers a').first().click()
  await expectAccessible(page)
  await page.locator('label', { hasText: 'Local control' }).click()
  await page.getByRole('button', { name: 'Save and go to the next answer' }).click()
  await expect.poll(() => page.getByText('The codes have been saved').count()).toBe(1)

  // A suggested theme, accepted and applied to its answers.
  await page.goto(`${questionPage}/themes`)
  await page.getByRole('button', { name: 'Suggest themes from the answers' }).click()
  // Said to have started (unless the job was quicker than the page).
  await expect.poll(async () => (await page.getByText('Suggesting themes has started').count()) + (await page.getByText(/Themes suggested: \d/).count())).toBe(1)
  // Worked out by a background job: without JavaScript, "Check again" until they are there.
  await expect.poll(() => checkAgainFor(page, /Themes suggested: [1-9]/), { timeout: 30_000, interval: 500 }).toBe(true)
  await expectAccessible(page)
  const theme = page.locator('section.guth-analysis-theme').first()
  await theme.getByLabel('Name of the code').fill('Suggested: shared concern')
  await theme.locator('label', { hasText: 'Also apply the code' }).click()
  await theme.getByRole('button', { name: 'Accept as a code' }).click()
  await expect.poll(() => page.getByText(/The theme is now a code. Answers coded: [1-9]/).count()).toBe(1)

  // With JavaScript, coding is keys: 1 ticks the first code, s saves and moves on.
  const keyboard = await browser.newPage()
  await signInWithCode(keyboard.page, 'official@guth.example')
  await keyboard.page.goto(`${questionPage}?reviewed=no`)
  await keyboard.page.locator('ol.guth-analysis-answers a').first().click()
  await expect.poll(() => keyboard.page.locator('input[name="codes"]').count()).toBe(2)
  const wasTicked = await keyboard.page.locator('input[name="codes"]').first().isChecked()
  await keyboard.page.keyboard.press('1')
  expect(await keyboard.page.locator('input[name="codes"]').first().isChecked()).toBe(!wasTicked)
  await keyboard.page.keyboard.press('s')
  await expect.poll(() => keyboard.page.getByText('The codes have been saved').count()).toBe(1)
  // Standard campaign texts are looked for in the background too; with JavaScript the page checks
  // again by itself until they are found.
  await keyboard.page.goto(`${questionPage}/campaigns`)
  await keyboard.page.getByRole('button', { name: 'Find standard campaign texts' }).click()
  await expect.poll(() => keyboard.page.getByText(/Campaign groups found: \d+/).count(), { timeout: 30_000, interval: 500 }).toBe(1)
  await expectAccessible(keyboard.page)
  // The report builder's prose fields become rich-text editors.
  await keyboard.page.goto(`${dashboard}/report`)
  await expect.poll(() => keyboard.page.locator('[role="textbox"][aria-multiline="true"]').count()).toBe(7)
  await expectAccessible(keyboard.page)
  expect(keyboard.problems).toEqual([])
  await keyboard.close()

  // A quotation from the organisation that agreed to be named; the unconsented one cannot be quoted.
  await page.goto(`${questionPage}?q=orkney`)
  await page.locator('ol.guth-analysis-answers a').first().click()
  await page.getByRole('button', { name: 'Add to the report as a quotation' }).click()
  await expect.poll(() => page.getByText('The answer has been added to the report as a quotation').count()).toBe(1)
  await page.goto(`${questionPage}?consent=not_published`)
  await page.locator('ol.guth-analysis-answers a').first().click()
  expect(await page.getByRole('button', { name: 'Add to the report as a quotation' }).count()).toBe(0)

  // The report: a summary, the yes/no question as a chart, the code table, then publication.
  await page.goto(`${dashboard}/report`)
  await expectAccessible(page)
  await page.getByLabel('Text of “Executive summary”').fill('Most respondents want decisions about ferries taken on the islands.')
  const questions = page.locator('section', { has: page.locator('h2#section-questions') })
  await questions.locator('summary', { hasText: 'Add a data block' }).click()
  await questions.locator('select[name="questions-closedQuestion"]').selectOption({ index: 1 })
  await questions.getByRole('button', { name: 'Add the question’s results' }).click()
  await expect.poll(() => page.getByText('The report has been saved').count()).toBe(1)
  await questions.locator('summary', { hasText: 'Add a data block' }).click()
  await questions.locator('select[name="questions-codeQuestion"]').selectOption({ index: 1 })
  await questions.getByRole('button', { name: 'Add the code frequency table' }).click()
  await expect.poll(() => page.getByText('The report has been saved').count()).toBe(1)
  await page.getByLabel('We did').fill('We will give island councils a say on ferry timetables.')
  await page.getByRole('button', { name: 'Publish the analysis' }).click()
  await expect.poll(() => page.getByText('The analysis has been published').count()).toBe(1)

  // One response is withdrawn afterwards: the dashboard changes, the published numbers do not.
  await page.goto(`${overview}/responses`)
  await page.locator('table tbody a').first().click()
  await page.getByLabel('Reason for withdrawal').fill('The respondent asked by email.')
  await page.getByRole('button', { name: 'Withdraw this response' }).click()
  await page.goto(dashboard)
  await expect.poll(() => page.locator('main').innerText()).toContain('Responses submitted: 3')

  const reader = await browser.newPage({ javaScriptEnabled: false })
  await reader.page.goto(`/analysis/${slug}`)
  const text = await reader.page.locator('main').innerText()
  expect(text).toContain('Responses analysed: 4')
  expect(text).toContain('Orkney needs decisions on the ferry timetable made on the islands.')
  expect(text).toContain('Orkney Islands Forum')
  expect(text).toContain('Most respondents want decisions about ferries taken on the islands.')
  expect(text).not.toContain('keep my name private')
  expect(text).toContain('Comments on this analysis')
  expect(await reader.page.locator('main svg[role="img"]').count()).toBeGreaterThan(0)
  expect(await reader.page.locator('caption', { hasText: 'Answers to question 2, by respondent type' }).count()).toBe(1)
  await expectAccessible(reader.page)
  const csvHref = await reader.page.getByRole('link', { name: 'Download this table (CSV)' }).first().getAttribute('href')
  const csv = await (await reader.page.request.get(csvHref!)).text()
  expect(csv).toContain('Total,4')

  await reader.page.goto(`/analysis/${slug}/responses`)
  await expectAccessible(reader.page)
  const published = await reader.page.locator('main').innerText()
  expect(published).toContain('Orkney Islands Forum')
  expect(published).toContain('Individual, anonymous')
  expect(published).not.toContain('keep my name private')
  expect(published).not.toContain('Ailsa')

  // Comments on the published report come from the comments module.
  await page.goto(`/analysis/${slug}`)
  await page.getByLabel('Add a comment').fill('Thank you for publishing the numbers behind the decision.')
  await page.getByRole('button', { name: 'Post comment' }).click()
  await expect.poll(() => page.locator('main').innerText()).toContain('Thank you for publishing the numbers behind the decision.')

  await reader.page.goto(`/consultations/${slug}`)
  await expect.poll(() => reader.page.locator('main').innerText()).toContain('We will give island councils a say on ferry timetables.')
  await expectAccessible(reader.page)
  expect([...problems, ...reader.problems]).toEqual([])
  await reader.close()
  await close()
}, 240_000)
