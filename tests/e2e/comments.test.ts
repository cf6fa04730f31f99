import type { Page } from 'playwright-core'
import { expect, inject, test } from 'vitest'
import { expectAccessible, signInWithCode, withBrowser } from '../helpers/browser'
import { waitForCapturedMail } from '../helpers/smtp'

const browser = withBrowser()
const consultation = '/consultations/local-democracy-bill'

async function asPerson(email: string, javaScriptEnabled: boolean) {
  const visitor = await browser.newPage({ javaScriptEnabled })
  await signInWithCode(visitor.page, email)
  return visitor
}

/** Opens the thread of the nth paragraph of the seeded bill from the consultation page. */
async function openParagraph(page: Page, nth: number) {
  await page.goto(consultation)
  await expectAccessible(page)
  await page.locator('.guth-block-comments a').nth(nth).click()
  await page.waitForURL(/\/comments\/consultations\/local-democracy-bill\/p-/)
  return page.url()
}

const commentIdFrom = (url: string) => /#comment-([0-9a-f-]{36})$/.exec(url)?.[1]

test('without JavaScript: two people discuss a paragraph, and the reply reaches the first by email', async () => {
  const citizen = await asPerson('citizen@guth.example', false)
  const paragraph = await openParagraph(citizen.page, 3)
  await expectAccessible(citizen.page)

  await citizen.page.getByRole('button', { name: 'Post comment' }).click()
  await expect.poll(() => citizen.page.locator('.ds_error-summary').textContent()).toContain('Enter your comment')
  await expectAccessible(citizen.page)

  const words = 'Councils should publish agendas a month ahead. <script>document.title="owned"</script> See https://www.gov.scot/policies/'
  await citizen.page.getByLabel('Add a comment').fill(words)
  await citizen.page.getByRole('button', { name: 'Post comment' }).click()
  await citizen.page.waitForURL(/#comment-/)
  const commentId = commentIdFrom(citizen.page.url())!
  const comment = citizen.page.locator(`#comment-${commentId}`)
  expect(await comment.locator('.guth-comment__body').innerText()).toBe(words)
  expect(await comment.locator('script').count()).toBe(0)
  expect(await comment.getByRole('link', { name: 'https://www.gov.scot/policies/' }).getAttribute('rel')).toBe('nofollow ugc noopener')
  expect(await citizen.page.title()).not.toBe('owned')

  const organiser = await asPerson('organiser@guth.example', false)
  await organiser.page.goto(paragraph)
  // Without JavaScript, Reply leads to the comment's own page and its reply form.
  await organiser.page.locator(`#comment-${commentId}`).getByRole('link', { name: 'Reply', exact: true }).first().click()
  await organiser.page.waitForURL(new RegExp(`/comments/${commentId}#reply$`))
  await expectAccessible(organiser.page)
  await organiser.page.getByLabel('Your reply').fill('A month is not enough for community councils that meet quarterly.')
  await organiser.page.getByRole('button', { name: 'Post reply' }).click()
  await organiser.page.waitForURL(/#comment-/)
  const replyId = commentIdFrom(organiser.page.url())!
  expect(replyId).not.toBe(commentId)
  expect(await organiser.page.locator(`#comment-${commentId} #comment-${replyId}`).innerText()).toContain('meet quarterly')

  const mail = await waitForCapturedMail(inject('mailDir'), 'citizen@guth.example', (m) => Boolean(m.text?.includes('meet quarterly')))
  expect(mail.subject).toBe('New replies to your comments on Guth')
  expect(mail.text).toContain(`/comments/${replyId}`)
  expect([...citizen.problems, ...organiser.problems]).toEqual([])
  await citizen.close()
  await organiser.close()
})

test('with JavaScript: posting and replying happen in place; a report, a moderator hides with a reason, and the author reads it', async () => {
  const citizen = await asPerson('citizen@guth.example', true)
  const paragraph = await openParagraph(citizen.page, 4)
  await citizen.page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true))
  const words = `Plain English summaries of every decision, please. ${Date.now()}`
  await citizen.page.getByLabel('Add a comment').fill(words)
  await citizen.page.getByRole('button', { name: 'Post comment' }).click()
  const comment = citizen.page.locator('li.guth-comment', { hasText: words })
  await expect.poll(() => comment.count()).toBe(1)
  expect(citizen.page.url()).toBe(paragraph)
  expect(await citizen.page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true)
  await expectAccessible(citizen.page)
  const commentId = (await comment.getAttribute('id'))!.replace('comment-', '')

  const organiser = await asPerson('organiser@guth.example', true)
  await organiser.page.goto(paragraph)
  await organiser.page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true))
  const thread = organiser.page.locator(`#comment-${commentId}`)
  await thread.getByRole('link', { name: 'Reply', exact: true }).first().click()
  await thread.getByLabel('Your reply').fill('Agreed, and in Gaelic where councils use it.')
  await thread.getByRole('button', { name: 'Post reply' }).click()
  await expect.poll(() => thread.locator('.guth-comments__replies').innerText()).toContain('in Gaelic where councils use it')
  expect(await organiser.page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true)

  await thread.getByRole('link', { name: 'Report' }).first().click()
  await organiser.page.waitForURL(/\/report$/)
  await expectAccessible(organiser.page)
  await organiser.page.locator('label', { hasText: 'It is off topic' }).click()
  await organiser.page.getByRole('button', { name: 'Send report' }).click()
  await expect.poll(() => organiser.page.getByText('Thank you for your report').count()).toBe(1)

  const moderator = await asPerson('moderator@guth.example', true)
  await moderator.page.goto('/moderate/comments')
  await expectAccessible(moderator.page)
  await moderator.page.locator('tr', { hasText: words.slice(0, 40) }).getByRole('link').click()
  await moderator.page.waitForURL(/\/moderate\/comments\//)
  await moderator.page.locator('label', { hasText: 'Hide it' }).click()
  await moderator.page.getByRole('button', { name: 'Save decision' }).click()
  await expect.poll(() => moderator.page.locator('.ds_error-summary').textContent()).toContain('Enter the reason for hiding')
  await moderator.page.locator('label', { hasText: 'Hide it' }).click()
  await moderator.page.locator('#reason').fill('Please keep to the paragraph under discussion.')
  await moderator.page.getByRole('button', { name: 'Save decision' }).click()
  await moderator.page.waitForURL(/done=1/)
  await expectAccessible(moderator.page)

  await citizen.page.goto(paragraph)
  const own = citizen.page.locator(`#comment-${commentId}`)
  expect(await own.innerText()).toContain('A moderator hid it: Please keep to the paragraph under discussion.')
  expect(await own.innerText()).toContain(words)
  await organiser.page.goto(paragraph)
  const others = organiser.page.locator(`#comment-${commentId}`)
  expect(await others.innerText()).toContain('This comment was hidden by a moderator.')
  expect(await others.innerText()).not.toContain(words)
  expect([...citizen.problems, ...organiser.problems, ...moderator.problems]).toEqual([])
  await Promise.all([citizen.close(), organiser.close(), moderator.close()])
})
