import { createWriteStream } from 'node:fs'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { eq } from 'drizzle-orm'
import { getConnection, getDb } from '~/platform/db.server'
import { defineJob, prepareQueue } from '~/platform/jobs.server'
import { logWarning } from '~/platform/log.server'
import { getFileStore } from '~/platform/storage.server'
import { media } from './schema'
import { makeWebVersion, type Probe, probeVideo, type RejectionReason } from './video-tools.server'

export const mediaKey = (mediaId: string, name: string) => `media/${mediaId}/${name}`

/** Ends a video's journey with a reason the respondent is shown (and can act on). */
export async function rejectMedia(mediaId: string, reason: RejectionReason) {
  const [row] = await getDb().update(media).set({ status: 'rejected', reason }).where(eq(media.id, mediaId)).returning({ purpose: media.purpose })
  return row
}

/** One log line saying why a file was not taken as a video: the reason and ffprobe's words, never whose file or its name. */
export function logRefusedVideo(probe: Extract<Probe, { ok: false }>, details: Record<string, unknown>) {
  logWarning('video refused', { reason: probe.reason, ...details, ...(probe.detail ? { ffprobe: probe.detail } : {}) })
}

/**
 * Checks the stored original with ffprobe and, when it is a video within the limits, stores a
 * web MP4 and a poster beside it; otherwise rejects it with a reason. The original is kept.
 */
export async function processMedia(mediaId: string) {
  const [row] = await getDb().select().from(media).where(eq(media.id, mediaId))
  if (!row || row.status !== 'processing' || !row.storageKey) return
  const store = getFileStore()
  const work = await mkdtemp(path.join(tmpdir(), 'guth-media-'))
  try {
    const original = path.join(work, 'original')
    const stored = await store.get(row.storageKey)
    if (!stored) throw new Error(`The original of media ${mediaId} is missing from the store`)
    await pipeline(Readable.fromWeb(stored.body as import('node:stream/web').ReadableStream), createWriteStream(original))
    const { size } = await stat(original)
    const probe = await probeVideo(original, size)
    if (!probe.ok) {
      logRefusedVideo(probe, { mediaId, purpose: row.purpose })
      await rejectMedia(mediaId, probe.reason)
      return
    }
    let made: { web: string; poster: string }
    try {
      made = await makeWebVersion(original, work, probe)
    } catch (error) {
      // ffmpeg could not read the whole file (cut short, damaged): the respondent tries again.
      logWarning('video could not be converted', { mediaId, reason: String(error).slice(0, 500) })
      await rejectMedia(mediaId, 'damaged')
      return
    }
    const webKey = mediaKey(mediaId, 'web.mp4')
    const posterKey = mediaKey(mediaId, 'poster.jpg')
    await store.putFile(webKey, made.web, 'video/mp4')
    await store.putFile(posterKey, made.poster, 'image/jpeg')
    await getDb()
      .update(media)
      .set({
        status: 'ready',
        reason: null,
        webKey,
        posterKey,
        bytes: size,
        durationSeconds: probe.durationSeconds,
        width: probe.width,
        height: probe.height,
      })
      .where(eq(media.id, mediaId))
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

export const processMediaJob = defineJob<{ mediaId: string }>({
  name: 'media-process',
  retryLimit: 3,
  retryDelaySeconds: 10,
  run: ({ mediaId }) => processMedia(mediaId),
})

const EXTENSIONS: Record<string, string> = {
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
  'video/webm': 'webm',
  'video/x-matroska': 'mkv',
  'video/x-m4v': 'm4v',
}

/**
 * Moves a finished upload (a file on this machine) into the media store as the original and
 * queues it for processing. A file that is not a usable video (ffprobe's verdict, or `probed`
 * when the caller asked it already) is rejected at once and never stored.
 */
export async function acceptUploadedFile(mediaId: string, file: string, mime: string | null, probed?: Probe) {
  const { size } = await stat(file)
  const probe = probed ?? (await probeVideo(file, size))
  if (!probe.ok) {
    const row = await rejectMedia(mediaId, probe.reason)
    logRefusedVideo(probe, { mediaId, purpose: row?.purpose })
    return
  }
  const key = mediaKey(mediaId, `original.${EXTENSIONS[mime ?? ''] ?? 'bin'}`)
  await getFileStore().putFile(key, file, mime && EXTENSIONS[mime] ? mime : 'application/octet-stream')
  await prepareQueue(processMediaJob.name)
  // The job exists only if the row says "processing", and the other way round.
  await getConnection().transaction(async (tx) => {
    await tx.query(`UPDATE media SET status = 'processing', storage_key = $2, bytes = $3, mime = $4, updated_at = now() WHERE id = $1`, [
      mediaId,
      key,
      size,
      mime,
    ])
    await processMediaJob.enqueue({ mediaId }, { transaction: tx })
  })
}
