import { randomUUID } from 'node:crypto'
import { copyFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startSession } from '~/modules/accounts/sessions.server'
import { buildResponseTable } from '~/modules/consultations/export.server'
import { listQuestions } from '~/modules/consultations/queries.server'
import { getResponse, withdrawResponse } from '~/modules/consultations/responses-admin.server'
import { saveRespondentInfo, startDraft, submitDraft } from '~/modules/consultations/responding.server'
import { serveMedia } from '~/modules/media/access.server'
import { attachBslVersion, validateWebVtt } from '~/modules/media/bsl-versions.server'
import { interpretationQueue, interpretResponse } from '~/modules/media/interpretation.server'
import { processMedia } from '~/modules/media/processing.server'
import { media } from '~/modules/media/schema'
import { deleteVideosOfResponse, finishUpload, openUpload } from '~/modules/media/uploads.server'
import { getDb } from '~/platform/db.server'
import { setEnvForTests } from '~/platform/env.server'
import { stopJobs } from '~/platform/jobs.server'
import { getFileStore, setFileStoreForTests } from '~/platform/storage.server'
import { givenConsultation } from '../helpers/consultations'
import { withTestDatabase } from '../helpers/db'
import { validMp4 } from '../helpers/media-videos'
import { asSignedInUser, givenPerson } from '../helpers/people'
import { browserRequest } from '../helpers/requests'

withTestDatabase()
beforeAll(() => void setEnvForTests({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'guth-bsl-')) }))
afterAll(async () => {
  await stopJobs()
  setEnvForTests({})
})

/** A respondent who answered question 1 by BSL video (processed) and sent the response. */
async function givenBslResponse() {
  const { consultation, questions } = await givenConsultation({ questions: [{ kind: 'long_text', prompt: 'What should change?', required: true }, { kind: 'text', prompt: 'Anything else?' }] })
  const { draft, cookie } = await startDraft(browserRequest(`/consultations/${consultation.slug}/respond`), consultation, 'en')
  const request = browserRequest(`/consultations/_uploads`, [cookie!])
  const opened = await openUpload(request, `test-${randomUUID()}`, { purpose: 'answer', consultation: consultation.slug, questionId: questions[0]!.id, fileName: 'answer.mp4', size: null })
  if (!opened.ok) throw new Error(opened.reason)
  await finishUpload(opened.media.uploadId!, validMp4(), 'video/mp4')
  await processMedia(opened.media.id)
  await saveRespondentInfo(draft, { respondentType: 'individual', name: 'Eilidh', organisationName: null, email: null, publishConsent: 'anonymous', contactConsent: false, isBslUser: true })
  const sent = await submitDraft(consultation, draft.id, await listQuestions(consultation.id))
  expect(sent.ok, 'a required question answered in BSL lets the response go').toBe(true)
  return { consultation, questions, responseId: draft.id, mediaId: opened.media.id }
}

describe('interpretation', () => {
  test('an official interprets a BSL answer; it shows in the response and the export, with who and when', async () => {
    const official = asSignedInUser(await givenPerson({ roles: ['official'], name: 'Morag Official' }))
    const { consultation, questions, responseId } = await givenBslResponse()
    const before = await interpretationQueue(official, consultation.id, 'en')
    expect(before!.pending).toBe(1)
    expect(before!.items[0]!.questions[0]!.videoId).toBeTruthy()
    const beforeExport = await buildResponseTable(official, consultation.id, { kind: 'full', filters: {} })
    expect(beforeExport!.table.rows[0]!.join('|')).toContain('[BSL video, not yet interpreted]')

    const saved = await interpretResponse(official, consultation.id, responseId, new Map([[questions[0]!.id, 'More buses in the evening.']]), true)
    expect(saved.ok).toBe(true)
    const after = await interpretationQueue(official, consultation.id, 'en')
    expect(after!.pending).toBe(0)
    expect(after!.items[0]!.questions[0]).toMatchObject({ interpretation: 'More buses in the evening.', interpretedBy: 'Morag Official' })
    expect(after!.items[0]!.questions[0]!.interpretedAt).toBeInstanceOf(Date)

    const detail = await getResponse(official, consultation.id, responseId, 'en')
    expect(detail!.response.channel).toBe('bsl')
    expect(detail!.questions[0]!.answer).toMatchObject({ hasVideo: true, interpretation: 'More buses in the evening.' })
    const exported = await buildResponseTable(official, consultation.id, { kind: 'full', filters: {} })
    expect(exported!.table.rows[0]).toContain('[BSL, interpreted] More buses in the evening.')
  })

  test('a citizen cannot see the queue or interpret', async () => {
    const citizen = asSignedInUser(await givenPerson())
    const { consultation, questions, responseId } = await givenBslResponse()
    await expect(interpretationQueue(citizen, consultation.id, 'en')).rejects.toMatchObject({ status: 403 })
    await expect(interpretResponse(citizen, consultation.id, responseId, new Map([[questions[0]!.id, 'x']]), true)).rejects.toMatchObject({ status: 403 })
  })
})

describe('privacy', () => {
  test('a respondent’s video is never public: officials only, streamed with our own headers', async () => {
    const official = asSignedInUser(await givenPerson({ roles: ['official'] }))
    const citizen = asSignedInUser(await givenPerson())
    const { mediaId } = await givenBslResponse()
    expect((await serveMedia(null, mediaId, 'video', null)).status).toBe(404)
    expect((await serveMedia(citizen, mediaId, 'video', null)).status).toBe(403)
    const watched = await serveMedia(official, mediaId, 'video', null)
    expect(watched.status).toBe(200)
    expect(watched.headers.get('content-type')).toBe('video/mp4')
    expect(watched.headers.get('cache-control')).toBe('private, no-store')
    const seek = await serveMedia(official, mediaId, 'video', 'bytes=100-199')
    expect(seek.status).toBe(206)
    expect((await seek.arrayBuffer()).byteLength).toBe(100)
    const original = await serveMedia(official, mediaId, 'original', null)
    expect(original.headers.get('content-disposition')).toMatch(/^attachment; filename="bsl-.*\.mp4"$/)
  })

  test('with Supabase Storage an official is sent to a short-lived signed URL; captions still come through Guth', async () => {
    const official = asSignedInUser(await givenPerson({ roles: ['official'] }))
    const { mediaId } = await givenBslResponse()
    const asked: { key: string; expiresInSeconds: number }[] = []
    const local = getFileStore()
    setFileStoreForTests({
      ...local,
      filePath: undefined,
      signedUrl: async (key, { expiresInSeconds }) => (asked.push({ key, expiresInSeconds }), `https://guth-test.supabase.co/storage/v1/object/sign/guth-media/${key}?token=t`),
    })
    try {
      const watched = await serveMedia(official, mediaId, 'video', null)
      expect(watched.status).toBe(302)
      expect(watched.headers.get('location')).toMatch(/^https:\/\/guth-test\.supabase\.co\/storage\/v1\/object\/sign\/guth-media\/media\/.*web\.mp4\?token=t$/)
      expect(watched.headers.get('cache-control')).toBe('private, no-store')
      expect(asked[0]!.expiresInSeconds).toBeLessThanOrEqual(300)
      expect((await serveMedia(null, mediaId, 'video', null)).status).toBe(404)
    } finally {
      setFileStoreForTests(undefined)
    }
  })

  test('withdrawing a response deletes its videos', async () => {
    const official = asSignedInUser(await givenPerson({ roles: ['official'] }))
    const { consultation, responseId, mediaId } = await givenBslResponse()
    const [row] = await getDb().select().from(media).where(eq(media.id, mediaId))
    expect((await withdrawResponse(official, consultation.id, responseId, 'Asked by phone')).ok).toBe(true)
    await deleteVideosOfResponse(responseId)
    expect(await getDb().select().from(media).where(eq(media.id, mediaId))).toEqual([])
    for (const key of [row!.storageKey!, row!.webKey!, row!.posterKey!]) expect(await getFileStore().get(key)).toBeNull()
    expect((await serveMedia(official, mediaId, 'video', null)).status).toBe(404)
  })
})

describe('BSL versions from officials', () => {
  const vtt = 'WEBVTT\n\n00:00:00.000 --> 00:00:01.500\nWhat should change in your area?\n'

  test.each([
    ['no header', 'Hello\n00:00.000 --> 00:01.000\nHi', 'bsl:captions.noHeader'],
    ['no cues', 'WEBVTT\n\nJust text', 'bsl:captions.noCues'],
    ['a bad timing', 'WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nHi', 'bsl:captions.badTiming'],
    ['a cue ending before it starts', 'WEBVTT\n\n00:00:03.000 --> 00:00:02.000\nHi', 'bsl:captions.badTiming'],
  ])('captions with %s are refused', (_name, text, error) => {
    expect(validateWebVtt(text)).toEqual({ ok: false, error })
  })

  test('a question’s BSL video with captions and transcript is watchable by anyone once ready', async () => {
    const official = asSignedInUser(await givenPerson({ roles: ['official'] }))
    const { consultation, questions } = await givenConsultation()
    const staged = path.join(mkdtempSync(path.join(tmpdir(), 'guth-version-')), 'q1.mp4')
    copyFileSync(validMp4(), staged)
    // The session is the official's: openUpload asks the request who is uploading.
    const cookie = await startSession(browserRequest('/manage'), official.id)
    const signedIn = browserRequest('/manage', [cookie])
    const done = await attachBslVersion(official, signedIn, consultation.id, {
      target: questions[0]!.id,
      video: { path: staged, size: 1, type: 'video/mp4', name: 'q1.mp4' },
      captions: vtt,
      transcript: 'What should change in your area?',
    })
    expect(done).toEqual({ ok: true })
    const [row] = await getDb().select().from(media).where(eq(media.questionId, questions[0]!.id))
    expect(row).toMatchObject({ purpose: 'question', status: 'processing', transcript: 'What should change in your area?' })
    expect((await serveMedia(null, row!.id, 'video', null)).status).toBe(404)
    await processMedia(row!.id)
    const captions = await serveMedia(null, row!.id, 'captions', null)
    expect(captions.headers.get('content-type')).toBe('text/vtt; charset=utf-8')
    expect(await captions.text()).toBe(vtt)
    expect((await serveMedia(null, row!.id, 'video', null)).status).toBe(200)
    expect((await serveMedia(null, row!.id, 'original', null)).status).toBe(404)
  })
})
