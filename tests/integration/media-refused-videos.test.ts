import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { AppLoadContext } from '@remix-run/node'
import { eq } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, beforeEach, expect, test, vi } from 'vitest'
import { auditLog } from '~/modules/accounts/schema'
import { startSession } from '~/modules/accounts/sessions.server'
import { answers, responses } from '~/modules/consultations/schema'
import { startDraft } from '~/modules/consultations/responding.server'
import { media } from '~/modules/media/schema'
import { formUploadDirectory } from '~/modules/media/uploads.server'
import { getDb } from '~/platform/db.server'
import { setEnvForTests } from '~/platform/env.server'
import { stopJobs } from '~/platform/jobs.server'
import * as respondUpload from '~/routes/consultations.$slug.respond.bsl-upload'
import * as questionPage from '~/routes/consultations.$slug.respond.questions.$number'
import * as bslVersionsPage from '~/routes/manage.consultations.$id.bsl'
import { givenConsultation } from '../helpers/consultations'
import { withTestDatabase } from '../helpers/db'
import { givenPerson } from '../helpers/people'
import { validMp4 } from '../helpers/media-videos'
import { renderRoute, submitToRoute } from '../helpers/render-route'
import { browserRequest } from '../helpers/requests'

// Issue 13, item 4: a file that is not a usable video gets a clear message, leaves nothing stored,
// and its cause is logged. The audit's case: an 11-byte file named x.mp4.
const NOT_A_VIDEO = new TextEncoder().encode('hello world')
const CSRF = 'a'.repeat(43)

withTestDatabase()
let dataDir: string
let warnings: string[]
beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'guth-refused-'))
  setEnvForTests({ DATA_DIR: dataDir })
})
beforeEach(() => {
  warnings = []
  vi.spyOn(console, 'warn').mockImplementation((line: unknown) => void warnings.push(String(line)))
})
afterEach(() => vi.mocked(console.warn).mockRestore())
afterAll(async () => {
  await stopJobs()
  setEnvForTests({})
})

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [entry.name]))
}

/** What a refused upload must not leave behind: media rows, stored files, staged copies. */
async function leftovers() {
  return { media: (await getDb().select().from(media)).length, stored: filesUnder(path.join(dataDir, 'files')).length, staged: filesUnder(formUploadDirectory()).length }
}

const refusalLines = () => warnings.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.message === 'video refused')

interface Sent {
  bytes: Uint8Array
  name: string
  type?: string
}

function videoForm(files: Sent[], fields: Record<string, string>) {
  const form = new FormData()
  form.set('csrf', CSRF)
  for (const [key, value] of Object.entries(fields)) form.set(key, value)
  for (const file of files) form.append('video', new Blob([Buffer.from(file.bytes)], { type: file.type ?? 'video/mp4' }), file.name)
  return form
}

async function givenOfficial() {
  const official = await givenPerson({ roles: ['official'], name: 'Morag Official' })
  return startSession(browserRequest('/manage'), official.id)
}

/** An official's post of the BSL versions form (the plain form, no JavaScript on this page). */
async function postVersion(session: string, consultationId: string, target: string, file: Uint8Array, name: string, language = 'en') {
  const request = browserRequest(`/manage/consultations/${consultationId}/bsl`, [session, `guth_csrf=${CSRF}`], {
    method: 'POST',
    body: videoForm([{ bytes: file, name }], { target }),
    headers: { 'accept-language': language },
  })
  return submitToRoute(bslVersionsPage, '/manage/consultations/:id/bsl', request)
}

async function givenDraft() {
  const { consultation, questions } = await givenConsultation()
  const { draft, cookie } = await startDraft(browserRequest(`/consultations/${consultation.slug}/respond`), consultation, 'en')
  return { consultation, questions, draft, cookie: cookie! }
}

type Respondent = Awaited<ReturnType<typeof givenDraft>>

/** A respondent's plain upload from question 1's page (the page without JavaScript). */
async function postAnswer(me: Respondent, file: Uint8Array | Sent[], name = '') {
  const url = `/consultations/${me.consultation.slug}/respond/bsl-upload?back=questions/1`
  const body = videoForm(Array.isArray(file) ? file : [{ bytes: file, name }], { question: me.questions[0]!.id })
  const request = browserRequest(url, [me.cookie, `guth_csrf=${CSRF}`], { method: 'POST', body })
  return (await respondUpload.action({ request, params: { slug: me.consultation.slug }, context: {} as AppLoadContext })) as Response
}

const showQuestion = (me: Respondent, location: string) => renderRoute(questionPage, '/consultations/:slug/respond/questions/:number', browserRequest(location, [me.cookie]))

test('an 11-byte "x.mp4" on the officials’ BSL page is refused with a message, and nothing is kept', async () => {
  const session = await givenOfficial()
  const { consultation } = await givenConsultation()
  const before = await leftovers()

  const answered = await postVersion(session, consultation.id, 'consultation', NOT_A_VIDEO, 'x.mp4')
  expect(answered.status).toBe(400)
  expect(answered.html).toContain('We could not read this file as a video. Record again or choose another video file.')
  expect(answered.html).toMatch(/href="#video-consultation"/)
  expect(await leftovers()).toEqual({ ...before, staged: 0 })
  expect(await getDb().select().from(auditLog).where(eq(auditLog.subjectId, consultation.id))).toEqual([])

  const [line, ...more] = refusalLines()
  expect(more).toEqual([])
  expect(line).toMatchObject({ level: 'warn', reason: 'not_video', purpose: 'consultation' })
  expect(String(line!.ffprobe)).not.toBe('')
  expect(JSON.stringify(line)).not.toContain('x.mp4')
})

test('the refusal is in Gaelic for a Gaelic reader, on a question’s form', async () => {
  const session = await givenOfficial()
  const { consultation, questions } = await givenConsultation()
  const answered = await postVersion(session, consultation.id, questions[0]!.id, NOT_A_VIDEO, 'x.mp4', 'gd')
  expect(answered.status).toBe(400)
  expect(answered.html).toContain('Cha b’ urrainn dhuinn am faidhle seo a leughadh mar bhidio. Clàraich a-rithist no tagh faidhle bhidio eile.')
  expect(refusalLines()[0]).toMatchObject({ reason: 'not_video', purpose: 'question' })
})

test('a real small video on the officials’ BSL page is still accepted and goes for checking', async () => {
  const session = await givenOfficial()
  const { consultation } = await givenConsultation()
  const answered = await postVersion(session, consultation.id, 'consultation', readFileSync(validMp4()), 'welcome.mp4')
  expect(answered.status).toBe(303)
  expect(answered.location).toBe(`/manage/consultations/${consultation.id}/bsl?saved=1#target-consultation`)
  const [row] = await getDb().select().from(media).where(eq(media.consultationId, consultation.id))
  expect(row).toMatchObject({ purpose: 'consultation', status: 'processing', fileName: 'welcome.mp4', mime: 'video/mp4' })
  expect(filesUnder(formUploadDirectory())).toEqual([])
  expect(refusalLines()).toEqual([])
})

test('an 11-byte "x.mp4" from a respondent’s plain form is refused, and their earlier video stays their answer', async () => {
  const me = await givenDraft()
  const first = await postAnswer(me, readFileSync(validMp4()), 'answer.mp4')
  expect(first.headers.get('location')).toBe(`/consultations/${me.consultation.slug}/respond/questions/1#bsl`)
  const [earlier] = await getDb().select().from(answers).where(eq(answers.responseId, me.draft.id))
  const before = await leftovers()

  const refused = await postAnswer(me, NOT_A_VIDEO, 'x.mp4')
  expect(refused.status).toBe(303)
  const location = refused.headers.get('location')!
  expect(location).toBe(`/consultations/${me.consultation.slug}/respond/questions/1?bsl-error=not_video#bsl`)
  expect(await showQuestion(me, location)).toContain('We could not read this file as a video. Record again or choose another video file.')
  expect(await leftovers()).toEqual({ ...before, staged: 0 })
  const [answer] = await getDb().select().from(answers).where(eq(answers.responseId, me.draft.id))
  expect(answer!.mediaId).toBe(earlier!.mediaId)
  expect(await getDb().select().from(media).where(eq(media.id, earlier!.mediaId!))).toHaveLength(1)

  const [line] = refusalLines()
  expect(line).toMatchObject({ reason: 'not_video', purpose: 'answer' })
  expect(JSON.stringify(line)).not.toContain('x.mp4')
})

test('a refused first video does not make the response a BSL one', async () => {
  const me = await givenDraft()
  const refused = await postAnswer(me, NOT_A_VIDEO, 'x.mp4')
  expect(refused.headers.get('location')).toMatch(/\?bsl-error=not_video#bsl$/)
  const [response] = await getDb().select().from(responses).where(eq(responses.id, me.draft.id))
  expect(response).toMatchObject({ channel: me.draft.channel, isBslUser: me.draft.isBslUser })
  expect(await getDb().select().from(answers).where(eq(answers.responseId, me.draft.id))).toEqual([])
})

test('a video whose name has a control character and whose type has parameters is still taken', async () => {
  const me = await givenDraft()
  // Postgres refuses a NUL in text: the name reached the media insert as it came and the insert failed.
  const sent = await postAnswer(me, [{ bytes: readFileSync(validMp4()), name: 'answer\u0000\u0007.mp4', type: 'video/mp4; codecs="avc1.42E01E, mp4a.40.2"' }])
  expect(sent.headers.get('location')).toBe(`/consultations/${me.consultation.slug}/respond/questions/1#bsl`)
  const [row] = await getDb().select().from(media).where(eq(media.responseId, me.draft.id))
  expect(row).toMatchObject({ status: 'processing', fileName: 'answer.mp4', mime: 'video/mp4' })
  expect(row!.storageKey).toMatch(/original\.mp4$/)
})

test('a form with two video files leaves neither staged copy behind', async () => {
  const me = await givenDraft()
  const video = { bytes: readFileSync(validMp4()), name: 'answer.mp4' }
  const sent = await postAnswer(me, [video, { bytes: NOT_A_VIDEO, name: 'x.mp4' }])
  expect(sent.headers.get('location')).toBe(`/consultations/${me.consultation.slug}/respond/questions/1#bsl`)
  expect(filesUnder(formUploadDirectory())).toEqual([])
  const rows = await getDb().select().from(media).where(eq(media.responseId, me.draft.id))
  expect(rows.map((row) => row.fileName)).toEqual(['answer.mp4'])
})
