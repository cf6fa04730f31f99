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

/** A draft made as above, given its questions (kind as the form labels it, and the English prompt), then published. */
export async function publishConsultation(
  page: Page,
  draft: Parameters<typeof createDraftConsultation>[1],
  questions: readonly (readonly [kind: string, prompt: string])[],
) {
  const overview = await createDraftConsultation(page, draft)
  for (const [kind, prompt] of questions) {
    await page.goto(overview)
    await page.getByRole('link', { name: 'Add a question' }).click()
    await page.locator('label', { hasText: kind }).click()
    await page.getByLabel('Question in English').fill(prompt)
    await page.getByRole('button', { name: 'Add question' }).click()
    await expect.poll(() => page.getByText('The question has been added.').count()).toBe(1)
  }
  await page.goto(overview)
  await page.getByRole('button', { name: 'Publish' }).click()
  await expect.poll(() => page.getByText('The consultation has been published.').count()).toBe(1)
  return overview
}
