import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { acceptUploadedFile, processMedia } from '~/modules/media/processing.server'
import { media } from '~/modules/media/schema'
import { ffprobePath } from '~/modules/media/video-tools.server'
import { getDb } from '~/platform/db.server'
import { setEnvForTests } from '~/platform/env.server'
import { stopJobs } from '~/platform/jobs.server'
import { getFileStore } from '~/platform/storage.server'
import { givenConsultation } from '../helpers/consultations'
import { withTestDatabase } from '../helpers/db'
import * as videos from '../helpers/media-videos'

withTestDatabase()
let dataDir: string
beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'guth-processing-'))
  setEnvForTests({ DATA_DIR: dataDir })
})
afterAll(async () => {
  await stopJobs()
  setEnvForTests({})
})

/** A video as it arrives from an upload: stored as the original, then processed by the job. */
async function uploadAndProcess(file: string, mime = 'video/mp4') {
  const { consultation } = await givenConsultation()
  const [row] = await getDb().insert(media).values({ purpose: 'consultation', consultationId: consultation.id }).returning()
  await acceptUploadedFile(row!.id, file, mime)
  await processMedia(row!.id)
  const [after] = await getDb().select().from(media).where(eq(media.id, row!.id))
  return after!
}

const saved = async (key: string) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'guth-out-')), path.basename(key))
  const stored = await getFileStore().get(key)
  writeFileSync(file, Buffer.from(await new Response(stored!.body).arrayBuffer()))
  return file
}

const probe = (file: string) =>
  JSON.parse(execFileSync(ffprobePath(), ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file]).toString()) as {
    streams: { codec_type: string; codec_name: string }[]
    format: { format_name: string }
  }

test('an MP4 from a phone becomes a web MP4 (H.264/AAC, index first) with a poster, the original kept', async () => {
  const row = await uploadAndProcess(videos.validMp4())
  expect(row).toMatchObject({ status: 'ready', reason: null, width: 320, height: 240 })
  expect(row.durationSeconds).toBeCloseTo(2, 0)
  const web = await saved(row.webKey!)
  const streams = probe(web).streams.map((s) => `${s.codec_type}:${s.codec_name}`)
  expect(streams).toEqual(['video:h264', 'audio:aac'])
  // faststart: the "moov" index comes before the "mdat" media data.
  const bytes = (await import('node:fs')).readFileSync(web)
  expect(bytes.indexOf('moov')).toBeLessThan(bytes.indexOf('mdat'))
  expect(probe(await saved(row.posterKey!)).streams[0]!.codec_name).toBe('mjpeg')
  expect(await getFileStore().get(row.storageKey!)).not.toBeNull()
})

test('a WebM recorded in a browser (no duration in its header) is accepted too', async () => {
  expect((await uploadAndProcess(videos.validWebm(), 'video/webm')).status).toBe('ready')
  const streamed = await uploadAndProcess(videos.streamedWebm(), 'video/webm')
  expect(streamed.status).toBe('ready')
  expect(streamed.durationSeconds).toBeGreaterThan(1.5)
})

test.each([
  ['a text file renamed to .mp4', videos.textAsMp4, 'not_video'],
  ['a recording with sound only', videos.audioOnly, 'no_picture'],
  ['a video cut off before its index', videos.truncatedMp4, 'not_video'],
  ['a video whose picture stops short of its index', videos.cutShortFaststartMp4, 'damaged'],
  ['an empty file', videos.emptyFile, 'empty'],
])('%s is rejected with a reason (%s)', async (_name, file, reason) => {
  const row = await uploadAndProcess(file())
  expect(row).toMatchObject({ status: 'rejected', reason, webKey: null })
  // Only a file ffprobe takes for a video is kept as the original; ffmpeg may still find it damaged.
  expect(row.storageKey === null).toBe(reason !== 'damaged')
})

test('a video longer than the limit is rejected as too long', async () => {
  setEnvForTests({ DATA_DIR: dataDir, UPLOAD_MAX_SECONDS: '3' })
  try {
    expect(await uploadAndProcess(videos.fourSecondMp4())).toMatchObject({ status: 'rejected', reason: 'too_long' })
    expect(await uploadAndProcess(videos.validMp4())).toMatchObject({ status: 'ready' })
  } finally {
    setEnvForTests({ DATA_DIR: dataDir })
  }
})

test('a file over the size limit that got through is rejected after upload', async () => {
  setEnvForTests({ DATA_DIR: dataDir, UPLOAD_MAX_BYTES: '1000' })
  try {
    expect(await uploadAndProcess(videos.validMp4())).toMatchObject({ status: 'rejected', reason: 'too_big' })
  } finally {
    setEnvForTests({ DATA_DIR: dataDir })
  }
})
