import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { AppLoadContext } from '@remix-run/node'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startDraft } from '~/modules/consultations/responding.server'
import { media } from '~/modules/media/schema'
import { getDb } from '~/platform/db.server'
import { setEnvForTests } from '~/platform/env.server'
import { stopJobs } from '~/platform/jobs.server'
import { action } from '~/routes/consultations.$slug.respond.bsl-upload'
import { givenConsultation } from '../helpers/consultations'
import { withTestDatabase } from '../helpers/db'
import { validMp4 } from '../helpers/media-videos'
import { browserRequest } from '../helpers/requests'

withTestDatabase()
let dataDir: string
beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'guth-form-'))
  setEnvForTests({ DATA_DIR: dataDir })
})
afterAll(async () => {
  await stopJobs()
  setEnvForTests({})
})

const CSRF = 'a'.repeat(43)

/** A respondent's browser with a draft response (its cookie holds the draft's secret). */
async function givenDraft() {
  const { consultation, questions } = await givenConsultation()
  const { draft, cookie } = await startDraft(browserRequest(`/consultations/${consultation.slug}/respond`), consultation, 'en')
  return { consultation, questions, draft, cookies: [cookie!] }
}

type Respondent = Awaited<ReturnType<typeof givenDraft>>

/** The plain form a page without JavaScript posts: the CSRF token first, then the file. */
async function postVideo(me: Respondent, options: { back: string; question?: string; file?: Uint8Array; name?: string; cookies?: string[]; csrf?: string }) {
  const form = new FormData()
  form.set('csrf', options.csrf ?? CSRF)
  if (options.question) form.set('question', options.question)
  form.set('video', new Blob([Buffer.from(options.file ?? new Uint8Array())], { type: 'video/mp4' }), options.name ?? '')
  const url = `/consultations/${me.consultation.slug}/respond/bsl-upload?back=${encodeURIComponent(options.back)}`
  const request = browserRequest(url, [...(options.cookies ?? me.cookies), `guth_csrf=${CSRF}`], { method: 'POST', body: form })
  return (await action({ request, params: { slug: me.consultation.slug }, context: {} as AppLoadContext })) as Response
}

test('a video posted without JavaScript becomes the draft’s answer and goes for checking', async () => {
  const me = await givenDraft()
  const response = await postVideo(me, { back: 'questions/1', question: me.questions[0]!.id, file: readFileSync(validMp4()), name: 'answer.mp4' })
  expect(response.status).toBe(303)
  expect(response.headers.get('location')).toBe(`/consultations/${me.consultation.slug}/respond/questions/1#bsl`)
  const [row] = await getDb().select().from(media).where(eq(media.responseId, me.draft.id))
  expect(row).toMatchObject({ purpose: 'answer', status: 'processing', fileName: 'answer.mp4', questionId: me.questions[0]!.id })
})

test('no file chosen: back to the page with a message', async () => {
  const response = await postVideo(await givenDraft(), { back: 'bsl' })
  expect(response.headers.get('location')).toMatch(/\/respond\/bsl\?bsl-error=no_file#bsl$/)
})

test('a file over the limit is stopped while it streams, with a message', async () => {
  setEnvForTests({ DATA_DIR: dataDir, UPLOAD_MAX_BYTES: '1000' })
  try {
    const response = await postVideo(await givenDraft(), { back: 'questions/2', file: new Uint8Array(5000), name: 'big.mp4' })
    expect(response.headers.get('location')).toMatch(/\/respond\/questions\/2\?bsl-error=too_big#bsl$/)
  } finally {
    setEnvForTests({ DATA_DIR: dataDir })
  }
})

test('without a draft in this browser the upload is refused and nothing is stored', async () => {
  const before = (await getDb().select().from(media)).length
  const response = await postVideo(await givenDraft(), { back: 'bsl', file: readFileSync(validMp4()), name: 'a.mp4', cookies: [] })
  expect(response.headers.get('location')).toMatch(/bsl-error=no_draft#bsl$/)
  expect((await getDb().select().from(media)).length).toBe(before)
})

test('a forged form (wrong CSRF token) is refused', async () => {
  await expect(postVideo(await givenDraft(), { back: 'bsl', file: new Uint8Array(10), name: 'a.mp4', csrf: 'b'.repeat(43) })).rejects.toMatchObject({ status: 403 })
})
