import type { Page } from 'playwright-core'
import { expect, inject, test } from 'vitest'
import { expectAccessible, signInWithCode, withBrowser } from '../helpers/browser'
import { validMp4 } from '../helpers/media-videos'
import { waitForCapturedMail } from '../helpers/smtp'

// Chromium's fake camera: a test pattern and a beep, and no permission prompt.
const browser = withBrowser({ args: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'] })
const consultation = '/consultations/local-democracy-bill'
// The machine may be busy (video conversion runs in the same server): wait patiently.
const patiently = { timeout: 20_000 }

async function startResponse(page: Page, email: string) {
  await page.goto(`${consultation}/respond`)
  await page.getByRole('button', { name: 'Start now' }).click()
  await page.waitForURL(/about-you$/)
  await page.locator('label', { hasText: 'As an individual' }).click()
  await page.getByLabel('Full name').fill('Seonaid Deaf')
  await page.getByLabel('Email address (optional)').fill(email)
  await page.locator('label', { hasText: 'Yes, publish my response, but not my name' }).click()
  await page.locator('fieldset', { hasText: 'May we contact you again' }).locator('label', { hasText: /^No$/ }).click()
  await page.getByRole('button', { name: 'Save and continue' }).click()
  await page.waitForURL(/questions\/1$/)
}

/** Answers the remaining questions in English (first choice, a sentence) up to the check page. */
async function answerTheRestInEnglish(page: Page) {
  for (let guard = 0; guard < 40 && /questions\/\d+$/.test(page.url()); guard++) {
    const here = page.url()
    const number = /questions\/(\d+)$/.exec(here)![1]
    await expect.poll(() => page.locator('main').innerText(), patiently).toContain(`Question ${number} of`)
    if (number !== '1') {
      const radios = page.locator('.ds_radio label')
      if (await radios.count()) await radios.first().click()
      const checkboxes = page.locator('.ds_checkbox label')
      if (await checkboxes.count()) await checkboxes.first().click()
      for (const box of await page.locator('main form textarea, main form input[type=text]').all()) await box.fill('Meetings should be accessible.')
    }
    await page.getByRole('button', { name: 'Save and continue' }).click()
    await expect.poll(async () => (page.url() !== here ? 'moved' : await page.locator('.ds_error-summary').textContent({ timeout: 500 }).catch(() => 'waiting')), patiently).toBe('moved')
  }
  await page.waitForURL(/check$/)
}

async function send(page: Page) {
  await page.getByRole('button', { name: 'Send my response' }).click()
  await page.waitForURL(/done/)
  return /ref=([^&]+)/.exec(page.url())![1]!
}

test('BSL respondents record and upload, an official watches and interprets, and the export carries it', async () => {
  // 1. With JavaScript: question 1 answered by recording with the camera (countdown, review, send).
  const recorder = await browser.newPage({ permissions: ['camera', 'microphone'] })
  const { page } = recorder
  await startResponse(page, 'bsl-recorder@example.org')
  await page.getByRole('button', { name: 'Record or upload a BSL video' }).click()
  await expect.poll(() => page.locator('.uppy-Dashboard').count(), patiently).toBe(1)
  await page.locator('[data-uppy-acquirer-id="Webcam"] button').click()
  await page.getByRole('button', { name: 'Begin video recording' }).click()
  // The countdown runs first; then a few seconds of signing.
  await page.getByRole('button', { name: 'Stop video recording' }).waitFor({ timeout: 10_000 })
  await page.waitForTimeout(2500)
  await page.getByRole('button', { name: 'Stop video recording' }).click()
  await page.getByRole('button', { name: 'Submit recorded file' }).click()
  await page.locator('.uppy-StatusBar-actionBtn--upload').click()
  await expect.poll(() => page.locator('.guth-bsl-status').textContent(), { timeout: 30_000 }).toMatch(/Being checked|Received/)
  await expectAccessible(page)
  await answerTheRestInEnglish(page)
  await expect.poll(() => page.locator('main').innerText(), patiently).toContain('Question 1: BSL video')
  const recorded = await send(page)
  await recorder.close()
  const receipt = await waitForCapturedMail(inject('mailDir'), 'bsl-recorder@example.org', (m) => Boolean(m.subject?.includes(recorded)))
  expect(receipt.text).toContain('Question 1: BSL video')

  // 2. Without JavaScript: one BSL video file for the whole response, through the plain form.
  const uploader = await browser.newPage({ javaScriptEnabled: false })
  await startResponse(uploader.page, 'bsl-uploader@example.org')
  await uploader.page.goto(`${consultation}/respond/bsl`)
  await expectAccessible(uploader.page)
  await uploader.page.getByRole('button', { name: 'Upload video' }).click()
  await expect.poll(() => uploader.page.locator('.ds_question__error-message').textContent(), patiently).toContain('Choose a video file')
  await uploader.page.getByLabel('Upload a BSL video').setInputFiles(validMp4())
  await uploader.page.getByRole('button', { name: 'Upload video' }).click()
  await expect.poll(() => uploader.page.locator('.guth-bsl-status').textContent(), patiently).toMatch(/Being checked|Received/)
  await uploader.page.goto(`${consultation}/respond/check`)
  await expect.poll(() => uploader.page.locator('main').innerText(), patiently).toContain('BSL video for the whole response')
  const uploaded = await send(uploader.page)
  await uploader.close()

  // 3. The official watches both in the BSL answers queue and types the English.
  const official = await browser.newPage()
  await signInWithCode(official.page, 'official@guth.example')
  await official.page.goto('/manage/consultations')
  await official.page.locator('tr:has(a[href="/consultations/local-democracy-bill"]) th a').click()
  await official.page.getByRole('link', { name: 'BSL answers to interpret' }).click()
  await official.page.waitForURL(/bsl-answers$/)
  const queue = official.page.url()
  await expect
    .poll(async () => (await official.page.reload(), official.page.locator('main video').count()), { timeout: 60_000, interval: 2000 })
    .toBe(2)
  await expectAccessible(official.page)
  const source = await official.page.locator('main video source').first().getAttribute('src')
  const video = await official.page.request.get(source!)
  expect(video.status()).toBe(200)
  expect(video.headers()['content-type']).toBe('video/mp4')
  for (const [reference, words] of [
    [recorded, 'Council meetings need BSL interpreters.'],
    [uploaded, 'Decisions should be explained in BSL.'],
  ] as const) {
    const section = official.page.locator('section.guth-interpret', { hasText: `Response ${reference}` })
    await section.getByLabel('English interpretation of the answer to question 1', { exact: true }).fill(words)
    await section.getByRole('button', { name: 'Save and mark as interpreted' }).click()
    await expect.poll(() => official.page.locator('.ds_inset-text[role=status]').first().textContent(), patiently).toContain(reference)
  }
  expect(official.page.url()).toContain(queue.split('?')[0]!)
  await official.page.getByRole('link', { name: 'Open the response' }).first().click()
  await expect.poll(() => official.page.locator('main').innerText(), patiently).toMatch(/Council meetings need BSL interpreters\.|Decisions should be explained in BSL\./)
  const id = /manage\/consultations\/([0-9a-f-]{36})/.exec(official.page.url())![1]
  const csv = await (await official.page.request.get(`/manage/consultations/${id}/responses/export.csv?kind=full`)).text()
  expect(csv).toContain('[BSL, interpreted] Council meetings need BSL interpreters.')
  expect(csv).toContain('[BSL, interpreted] Decisions should be explained in BSL.')
  await official.close()
  expect([...recorder.problems, ...uploader.problems, ...official.problems]).toEqual([])
}, 240_000)

/** Whether the first element matching `first` comes before the first matching `then` in the page. */
const comesBefore = (page: Page, first: string, then: string) =>
  page.evaluate(([a, b]) => {
    const x = document.querySelector(a!)
    const y = document.querySelector(b!)
    return Boolean(x && y && x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING)
  }, [first, then])

/** About you, with an answer to "Are you a BSL user?", up to question 1. */
async function aboutYou(page: Page, bslUser: 'Yes' | 'No') {
  await page.waitForURL(/about-you$/)
  await page.locator('label', { hasText: 'As an individual' }).click()
  await page.getByLabel('Full name').fill('Morven Sign')
  await page.locator('label', { hasText: 'Yes, publish my response, but not my name' }).click()
  await page.locator('fieldset', { hasText: 'May we contact you again' }).locator('label', { hasText: /^No$/ }).click()
  await page.locator('fieldset', { hasText: 'Are you a British Sign Language (BSL) user?' }).locator('label', { hasText: new RegExp(`^${bslUser}$`) }).click()
  await page.getByRole('button', { name: 'Save and continue' }).click()
  await page.waitForURL(/questions\/1$/)
}

for (const javaScriptEnabled of [true, false]) {
  test(`BSL first ${javaScriptEnabled ? 'with' : 'without'} JavaScript: the consultation, /bsl and each question lead with the captioned BSL version for a BSL user`, async () => {
    const visitor = await browser.newPage({ javaScriptEnabled })
    const { page } = visitor
    // The consultation page: the whole paper in BSL, near the top, with English captions.
    await page.goto(consultation)
    await expect.poll(() => page.locator('#watch-in-bsl').textContent()).toBe('Watch this consultation in BSL')
    const intro = page.locator('section[aria-labelledby="watch-in-bsl"] video')
    expect(await intro.locator('track[kind="captions"]').count()).toBe(1)
    expect(await comesBefore(page, '#watch-in-bsl', '#key-dates')).toBe(true)
    expect(await comesBefore(page, '#watch-in-bsl', '.guth-body')).toBe(true)
    await expectAccessible(page)
    const captions = await page.request.get((await intro.locator('track').getAttribute('src'))!)
    expect(captions.status()).toBe(200)
    expect(captions.headers()['content-type']).toMatch(/^text\/vtt/)
    expect(await captions.text()).toMatch(/^WEBVTT[\s\S]*placeholder, not a real BSL translation/)
    const poster = await page.request.get((await intro.getAttribute('poster'))!)
    expect(poster.headers()['content-type']).toBe('image/jpeg')
    const video = await page.request.get((await intro.locator('source').getAttribute('src'))!)
    expect(video.headers()['content-type']).toBe('video/mp4')

    // /bsl explains itself in BSL through the consultation open now.
    await page.goto('/bsl')
    await expect.poll(() => page.locator('#watch-in-bsl').textContent()).toMatch(/^Watch in BSL: /)
    expect(await page.locator('main video track[kind="captions"]').count()).toBe(1)
    expect(await comesBefore(page, '#watch-in-bsl', 'main ol')).toBe(true)
    await expectAccessible(page)

    // "Respond in BSL", saying they use BSL: every question starts with its BSL version.
    await page.getByRole('link', { name: /Respond to .* in BSL/ }).first().click()
    await page.waitForURL(/respond\/bsl$/)
    await page.getByRole('button', { name: 'Start your response' }).click()
    await aboutYou(page, 'Yes')
    await expect.poll(() => page.locator('#watch-in-bsl').textContent()).toBe('Watch this question in BSL')
    expect(await page.locator('section[aria-labelledby="watch-in-bsl"] track[kind="captions"]').count()).toBe(1)
    expect(await comesBefore(page, '#watch-in-bsl', 'main form h1')).toBe(true)
    await expectAccessible(page)
    await page.getByLabel('Which area do you live in?').fill('Fife')
    await page.getByRole('button', { name: 'Save and continue' }).click()
    await page.waitForURL(/questions\/2$/)
    // Polled: with JavaScript the address changes a moment before question 2 replaces question 1.
    await expect.poll(() => comesBefore(page, '#watch-in-bsl', 'main form fieldset')).toBe(true)
    await expectAccessible(page)
    await visitor.close()

    // Someone who does not use BSL still finds it, under the question and before "please explain".
    const other = await browser.newPage({ javaScriptEnabled })
    await other.page.goto(`${consultation}/respond`)
    await other.page.getByRole('button', { name: 'Start now' }).click()
    await aboutYou(other.page, 'No')
    await other.page.getByRole('button', { name: 'Save and continue' }).click()
    await other.page.waitForURL(/questions\/2$/)
    await expect.poll(() => comesBefore(other.page, 'main form fieldset', '#watch-in-bsl')).toBe(true)
    expect(await comesBefore(other.page, '#watch-in-bsl', 'main form textarea')).toBe(true)
    await expectAccessible(other.page)
    await other.close()
    expect([...visitor.problems, ...other.problems]).toEqual([])
  }, 120_000)
}
