import type { Page } from 'playwright-core'
import { expect } from 'vitest'

const DAY = 86_400_000
/** A date as the authoring form reads it: 31/3/2027. */
export const dmy = (d: Date) => `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`

/**
 * An official, signed in, creates a draft consultation through the form: open since three days
 * ago, closing in thirty. Returns the overview address.
 */
export async function createDraftConsultation(page: Page, draft: { title: string; summary: string; slug: string; team: string; email: string }) {
  await page.goto('/manage/consultations/new')
  await page.getByLabel('Title in English').fill(draft.title)
  await page.getByLabel('Summary in English').fill(draft.summary)
  await page.getByLabel('Web address').fill(draft.slug)
  await page.getByLabel('Responsible team').fill(draft.team)
  await page.getByLabel('Contact email address').fill(draft.email)
  await page.getByLabel('Opening date').fill(dmy(new Date(Date.now() - 3 * DAY)))
  await page.getByLabel('Opening time').fill('09:00')
  await page.getByLabel('Closing date').fill(dmy(new Date(Date.now() + 30 * DAY)))
  await page.getByLabel('Closing time').fill('23:59')
  await page.getByRole('button', { name: 'Create draft' }).click()
  await expect.poll(() => page.getByText('The consultation has been created as a draft.').count()).toBe(1)
  return page.url().split('?')[0]!
}
