import { createReadStream, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import express from 'express'
import * as tus from 'tus-js-client'
import { afterAll, beforeAll, expect, test, vi } from 'vitest'
import { answers } from '~/modules/consultations/schema'
import { startDraft } from '~/modules/consultations/responding.server'
import { processMedia } from '~/modules/media/processing.server'
import { sweepAbandonedUploads } from '~/modules/media/sweep.server'
import { media } from '~/modules/media/schema'
import { TUS_PATH, tusHandler } from '~/modules/media/tus.server'
import { getDb } from '~/platform/db.server'
import { setEnvForTests } from '~/platform/env.server'
import { stopJobs } from '~/platform/jobs.server'
import { getFileStore } from '~/platform/storage.server'
import { givenConsultation } from '../helpers/consultations'
import { withTestDatabase } from '../helpers/db'
import { browserRequest } from '../helpers/requests'
import { textAsMp4, validMp4, validWebm } from '../helpers/media-videos'

withTestDatabase()
let server: Server
let baseUrl: string

const dataDir = mkdtempSync(path.join(tmpdir(), 'guth-tus-'))

beforeAll(async () => {
  setEnvForTests({ DATA_DIR: dataDir, UPLOAD_MAX_BYTES: String(5 * 1024 * 1024) })
  const app = express()
  app.all([TUS_PATH, `${TUS_PATH}/*`], tusHandler())
  server = createServer(app)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`
})
afterAll(async () => {
  await stopJobs()
  await new Promise((resolve) => server.close(resolve))
  setEnvForTests({})
})

/** A respondent who has started a response: the cookie their browser holds. */
async function givenRespondent() {
  const { consultation, questions } = await givenConsultation({ questions: [{ kind: 'long_text', prompt: 'What do you think?' }, { kind: 'yes_no', prompt: 'Agree?' }] })
  const { draft, cookie } = await startDraft(browserRequest(`/consultations/${consultation.slug}/respond`), consultation, 'en')
  return { consultation, question: questions[0]!, draft, cookie: cookie!.split(';')[0]! }
}

interface Sent {
  url: string | null
  error: (Error & { originalResponse?: { getStatus(): number; getBody(): string } }) | null
  offsets: number[]
}

/** Uploads the file with tus-js-client as the page does; `stopAt` aborts once that share is sent. */
function send(file: string, options: { cookie: string; metadata: Record<string, string>; uploadUrl?: string; stopAt?: number; chunkSize?: number }) {
  return new Promise<Sent>((resolve) => {
    const offsets: number[] = []
    const size = statSync(file).size
    const upload: tus.Upload = new tus.Upload(createReadStream(file), {
      endpoint: `${baseUrl}${TUS_PATH}`,
      uploadUrl: options.uploadUrl,
      uploadSize: size,
      chunkSize: options.chunkSize ?? 16 * 1024,
      retryDelays: [],
      headers: { cookie: options.cookie },
      metadata: { filename: path.basename(file), filetype: file.endsWith('.webm') ? 'video/webm' : 'video/mp4', ...options.metadata },
      onChunkComplete: (_chunk, accepted) => {
        offsets.push(accepted)
        if (options.stopAt && accepted >= size * options.stopAt) {
          void upload.abort().then(() => resolve({ url: upload.url, error: null, offsets }))
        }
      },
      onSuccess: () => resolve({ url: upload.url, error: null, offsets }),
      onError: (error) => resolve({ url: upload.url, error: error as Sent['error'], offsets }),
    })
    upload.start()
  })
}

const mediaOf = async (uploadUrl: string) => {
  const [row] = await getDb().select().from(media).where(eq(media.uploadId, uploadUrl.split('/').pop()!))
  return row!
}

test('a BSL answer cut off halfway resumes where it stopped, then becomes a web video', async () => {
  const me = await givenRespondent()
  const file = validMp4()
  const size = statSync(file).size
  const metadata = { purpose: 'answer', consultation: me.consultation.slug, question: me.question.id }
  const first = await send(file, { cookie: me.cookie, metadata, stopAt: 0.5 })
  expect(first.error).toBeNull()
  const stoppedAt = first.offsets.at(-1)!
  expect(stoppedAt).toBeLessThan(size)
  expect((await mediaOf(first.url!)).status).toBe('uploading')

  const resumed = await send(file, { cookie: me.cookie, metadata, uploadUrl: first.url! })
  expect(resumed.error).toBeNull()
  // The second run sent only what was missing: its first chunk ends past where the first stopped.
  expect(resumed.offsets[0]).toBeGreaterThan(stoppedAt)
  const row = await mediaOf(first.url!)
  expect(row.status).toBe('processing')
  expect(row.bytes).toBe(size)
  const stored = await getFileStore().get(row.storageKey!)
  expect(Buffer.from(await new Response(stored!.body).arrayBuffer()).equals(readFileSync(file))).toBe(true)

  await processMedia(row.id)
  const ready = await mediaOf(first.url!)
  expect(ready).toMatchObject({ status: 'ready', width: 320, height: 240 })
  expect(await getFileStore().get(ready.webKey!)).not.toBeNull()
  const [answer] = await getDb().select().from(answers).where(eq(answers.responseId, me.draft.id))
  expect(answer!.mediaId).toBe(ready.id)
})

test('a file that is not a video is rejected as it arrives, with its cause logged, and never stored', async () => {
  const me = await givenRespondent()
  const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
  try {
    const sent = await send(textAsMp4(), { cookie: me.cookie, metadata: { purpose: 'answer', consultation: me.consultation.slug, question: me.question.id } })
    expect(sent.error).toBeNull()
    const row = await mediaOf(sent.url!)
    expect(row).toMatchObject({ status: 'rejected', reason: 'not_video', storageKey: null })
    expect(existsSync(path.join(dataDir, 'files', 'media', row.id))).toBe(false)
    expect(existsSync(path.join(dataDir, 'uploads', row.uploadId!))).toBe(false)
    const lines = warned.mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>).filter((line) => line.message === 'video refused')
    expect(lines).toEqual([expect.objectContaining({ reason: 'not_video', purpose: 'answer', mediaId: row.id, ffprobe: expect.stringContaining('Invalid data') })])
    expect(JSON.stringify(lines)).not.toContain('notes.mp4')
  } finally {
    warned.mockRestore()
  }
})

test('an upload to someone else’s draft is refused, before and during the upload', async () => {
  const owner = await givenRespondent()
  const other = await givenRespondent()
  const metadata = { purpose: 'answer', consultation: owner.consultation.slug, question: owner.question.id }
  const intruding = await send(validWebm(), { cookie: other.cookie, metadata })
  expect(intruding.error?.originalResponse?.getStatus()).toBe(403)

  const started = await send(validWebm(), { cookie: owner.cookie, metadata, stopAt: 0.3 })
  const hijack = await send(validWebm(), { cookie: other.cookie, metadata, uploadUrl: started.url! })
  expect(hijack.error?.originalResponse?.getStatus()).toBe(403)
  expect((await mediaOf(started.url!)).status).toBe('uploading')
})

test('an upload with no draft at all is refused', async () => {
  const me = await givenRespondent()
  const refused = await send(validMp4(), { cookie: 'guth_response=nothing', metadata: { purpose: 'answer', consultation: me.consultation.slug, question: me.question.id } })
  expect(refused.error?.originalResponse?.getStatus()).toBe(403)
})

test('resuming an expired upload is refused, so the page starts again', async () => {
  const me = await givenRespondent()
  const metadata = { purpose: 'answer', consultation: me.consultation.slug, question: me.question.id }
  const started = await send(validMp4(), { cookie: me.cookie, metadata, stopAt: 0.3 })
  await getDb().update(media).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(media.uploadId, started.url!.split('/').pop()!))
  const head = await fetch(new URL(started.url!, baseUrl), { method: 'HEAD', headers: { cookie: me.cookie, 'tus-resumable': '1.0.0' } })
  expect(head.status).toBe(410)
  // The client hears "gone" and sends the whole file again as a new upload.
  const late = await send(validMp4(), { cookie: me.cookie, metadata, uploadUrl: started.url! })
  expect(late.error).toBeNull()
  expect(late.url).not.toBe(started.url)
  expect((await mediaOf(late.url!)).status).toBe('processing')
})

test('an upload abandoned for a day leaves the disk, and its video asks the respondent to upload again', async () => {
  const me = await givenRespondent()
  const metadata = { purpose: 'answer', consultation: me.consultation.slug, question: me.question.id }
  const started = await send(validMp4(), { cookie: me.cookie, metadata, stopAt: 0.3 })
  const id = started.url!.split('/').pop()!
  const part = path.join(dataDir, 'uploads', id)
  expect(existsSync(part)).toBe(true)
  const dayAgo = new Date(Date.now() - 25 * 3600_000)
  const info = JSON.parse(readFileSync(`${part}.json`, 'utf8'))
  writeFileSync(`${part}.json`, JSON.stringify({ ...info, creation_date: dayAgo.toISOString() }))
  await getDb().update(media).set({ expiresAt: dayAgo }).where(eq(media.uploadId, id))

  const swept = await sweepAbandonedUploads()
  expect(swept).toEqual({ parts: 1, videos: 1 })
  expect(existsSync(part)).toBe(false)
  expect(await mediaOf(started.url!)).toMatchObject({ status: 'rejected', reason: 'expired' })
})

test('a file over the size limit is refused before any of it is sent', async () => {
  const me = await givenRespondent()
  const big = path.join(mkdtempSync(path.join(tmpdir(), 'guth-big-')), 'big.mp4')
  writeFileSync(big, Buffer.alloc(6 * 1024 * 1024, 1))
  const refused = await send(big, { cookie: me.cookie, metadata: { purpose: 'response', consultation: me.consultation.slug } })
  expect(refused.error?.originalResponse?.getStatus()).toBe(413)
  expect(refused.offsets).toEqual([])
})

test('the uploads endpoint never hands a file back', async () => {
  const me = await givenRespondent()
  const started = await send(validMp4(), { cookie: me.cookie, metadata: { purpose: 'response', consultation: me.consultation.slug }, stopAt: 0.3 })
  const response = await fetch(new URL(started.url!, baseUrl), { headers: { cookie: me.cookie } })
  expect(response.status).toBe(405)
})
