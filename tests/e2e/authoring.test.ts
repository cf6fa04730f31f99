import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { expect, inject, test } from 'vitest'
import { expectAccessible, signInWithCode, withBrowser } from '../helpers/browser'
import { HttpVisitor } from '../helpers/http-session'

const browser = withBrowser()

/** RFC 4180, as a spreadsheet reads it: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
      continue
    }
    if (c === '"') quoted = true
    else if (c === ',') {
      row.push(cell)
      cell = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, cell])
      row = []
      cell = ''
      i++
    } else cell += c
  }
  if (cell || row.length) rows.push([...row, cell])
  return rows
}

async function addQuestion(page: Page, overviewUrl: string, kind: string, prompt: string, extra: (page: Page) => Promise<void> = async () => {}) {
  await page.goto(overviewUrl)
  await page.getByRole('link', { name: 'Add a question' }).click()
  await page.locator('label', { hasText: kind }).click()
  await page.getByLabel('Question in English').fill(prompt)
  await extra(page)
  await page.getByRole('button', { name: 'Add question' }).click()
  await expect.poll(() => page.getByText('The question has been added.').count()).toBe(1)
}

test('an official creates and publishes a consultation with every kind of question, and exports the responses', async () => {
  const { page, problems, close } = await browser.newPage()
  await signInWithCode(page, 'official@guth.example')
  await page.getByRole('link', { name: 'Manage consultations' }).click()
  await expectAccessible(page)
  await page.getByRole('link', { name: 'Create a consultation' }).click()
  await expectAccessible(page)
  await page.getByLabel('Title in English').fill('Community councils: stronger voices')
  await page.getByLabel('Summary in English').fill('How community councils could take more decisions.')
  await page.getByLabel('Web address').fill('community-councils')
  await page.getByLabel('Responsible team').fill('Community Empowerment Team')
  await page.getByLabel('Contact email address').fill('communities@gov.scot.example')
  const now = new Date()
  const past = new Date(now.getTime() - 86_400_000)
  const future = new Date(now.getTime() + 30 * 86_400_000)
  const dmy = (d: Date) => `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`
  await page.getByLabel('Opening date').fill(dmy(past))
  await page.getByLabel('Opening time').fill('09:00')
  await page.getByLabel('Closing date').fill(dmy(future))
  await page.getByLabel('Closing time').fill('23:59')
  await page.getByRole('button', { name: 'Create draft' }).click()
  await expect.poll(() => page.getByText('The consultation has been created as a draft.').count()).toBe(1)
  await expectAccessible(page)
  const overviewUrl = page.url().split('?')[0]!

  await addQuestion(page, overviewUrl, 'Short text', 'Which community council area are you in?')
  await addQuestion(page, overviewUrl, 'Long text', 'What should community councils do differently?')
  await addQuestion(page, overviewUrl, 'Single choice', 'How often do you take part?', (p) => p.getByLabel('Choices').fill('Never\nSometimes\nOften'))
  await addQuestion(page, overviewUrl, 'Multiple choice', 'Which powers matter most?', (p) => p.getByLabel('Choices').fill('Planning\nParks | Pàircean\nRoads'))
  await addQuestion(page, overviewUrl, 'Agree–disagree scale', 'Community councils should hold budgets', (p) => p.locator('label', { hasText: 'People must answer this question' }).click())
  await addQuestion(page, overviewUrl, 'Yes, no or don’t know', 'Should members be elected?')
  await page.goto(overviewUrl)
  await page.getByRole('link', { name: 'Add a follow-up question' }).first().click()
  await page.getByRole('button', { name: 'Add follow-up question' }).click()
  await expect.poll(() => page.getByText('The question has been added.').count()).toBe(1)
  await page.goto(overviewUrl)
  await page.locator('main a[href*="/questions/"]:not([href$="/new"]):not([href*="followUpOf"])').first().click()
  await expect.poll(() => page.getByRole('button', { name: 'Save question' }).count()).toBe(1)
  await expectAccessible(page)
  for (const sub of ['preview', 'documents', 'questions/new', 'responses/new']) {
    await page.goto(`${overviewUrl}/${sub}`)
    await expectAccessible(page)
  }
  await page.goto(overviewUrl)
  await page.getByRole('button', { name: 'Publish' }).click()
  await expect.poll(() => page.getByText('The consultation has been published.').count()).toBe(1)

  // Someone responds (as a browser would, without JavaScript).
  const citizen = new HttpVisitor(inject('baseUrl'))
  const respond = '/consultations/community-councils/respond'
  await citizen.postForm(respond, {})
  await citizen.postForm(`${respond}/about-you`, {
    respondentType: 'organisation',
    organisationName: 'Leith Community Council',
    email: 'secretary@leith.example',
    publishConsent: 'with_name',
    contactConsent: 'yes',
  })
  let next = `${respond}/questions/1`
  const answers = ['Leith', 'Meet in the evening, "online" too,\nand publish minutes.', 'sometimes', 'parks', 'agree', 'yes']
  for (const answer of answers) {
    const html = await (await citizen.request(next)).text()
    const fields: Record<string, string> = {}
    for (const [, name] of html.matchAll(/name="(q-[0-9a-f-]{36})"/g)) fields[name!] ??= answer
    const posted = await citizen.postForm(next, fields)
    next = posted.headers.get('location')!
  }
  expect(next).toMatch(/check$/)
  const sent = await citizen.postForm(next, {})
  const reference = /ref=([A-Z0-9-]+)/.exec(sent.headers.get('location') ?? '')![1]!

  await page.goto(`${overviewUrl}/responses`)
  await expectAccessible(page)
  expect(await page.locator('table tbody').textContent()).toContain(reference)
  await page.getByRole('link', { name: reference }).click()
  await expect.poll(() => page.locator('h1').textContent()).toContain(reference)
  await expectAccessible(page)
  const csv = parseCsv((await (await page.request.get(`${overviewUrl}/responses/export.csv`)).text()).replace(/^\uFEFF/, ''))
  const xlsx = new ExcelJS.Workbook()
  await xlsx.xlsx.load((await (await page.request.get(`${overviewUrl}/responses/export.xlsx`)).body()) as never)
  const sheet = xlsx.worksheets[0]!
  const sheetRows = sheet.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1).map((v) => (v === undefined || v === null ? '' : String(v))))
  expect(csv).toHaveLength(2)
  // The spreadsheet holds exactly what the CSV holds, cell for cell.
  expect(sheetRows.map((r) => [...r, ...Array(csv[0]!.length - r.length).fill('')])).toEqual(csv)
  const row = Object.fromEntries(csv[0]!.map((header, i) => [header, csv[1]![i]]))
  expect(csv[1]).toContain(reference)
  expect(Object.values(row)).toContain('Meet in the evening, "online" too,\nand publish minutes.')
  expect(Object.values(row)).toContain('Parks')
  expect(Object.values(row)).toContain('Leith Community Council')
  expect(problems).toEqual([])
  await close()
})
