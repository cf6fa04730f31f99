import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import type { SignedInUser } from '~/modules/accounts/index.server'
import { statusOf, canSeePersonalData } from '~/modules/consultations'
import { getConsultationById } from '~/modules/consultations/index.server'
import { getFileStore } from '~/platform/storage.server'
import { getMedia } from './queries.server'
import type { Media } from './schema'

export const MEDIA_FILES = ['video', 'poster', 'captions', 'original'] as const
export type MediaFile = (typeof MEDIA_FILES)[number]

// Signed URLs live just long enough for the player to start; the page asks again next time.
const SIGNED_URL_SECONDS = 120

/**
 * Who may fetch a video's files. A respondent's video shows their face: only officials who may
 * read personal data. An official's BSL version of a published consultation: everyone.
 */
export async function canWatch(actor: SignedInUser | null, row: Media) {
  if (row.purpose === 'answer' || row.purpose === 'response') return canSeePersonalData(actor)
  if (canSeePersonalData(actor)) return true
  const consultation = await getConsultationById(row.consultationId)
  return Boolean(consultation && !['draft', 'retracted'].includes(statusOf(consultation)) && row.status === 'ready')
}

const TYPES: Record<MediaFile, string> = { video: 'video/mp4', poster: 'image/jpeg', captions: 'text/vtt; charset=utf-8', original: 'application/octet-stream' }

function keyOf(row: Media, file: MediaFile) {
  if (file === 'video') return row.webKey
  if (file === 'poster') return row.posterKey
  if (file === 'captions') return row.captionsKey
  return row.storageKey
}

/**
 * A media file as an HTTP response, after the permission check: a redirect to a short-lived
 * signed URL (Supabase), or the file streamed from local disk with Range support for seeking.
 * Always our own Content-Type and Content-Disposition, never cached by shared caches.
 */
export async function serveMedia(actor: SignedInUser | null, mediaId: string, file: string, rangeHeader: string | null): Promise<Response> {
  const notFound = () => new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } })
  const kind = MEDIA_FILES.find((f) => f === file)
  const row = kind ? await getMedia(mediaId) : null
  if (!row || !kind) return notFound()
  if (!(await canWatch(actor, row))) return actor ? new Response('Forbidden', { status: 403 }) : notFound()
  const key = keyOf(row, kind)
  if (!key) return notFound()
  // Only officials download originals (any format someone uploaded); never shown inline.
  if (kind === 'original' && !canSeePersonalData(actor)) return notFound()
  const downloadName = kind === 'original' ? `bsl-${row.id}${path.extname(key)}` : undefined
  const disposition = downloadName ? `attachment; filename="${downloadName}"` : 'inline'
  const common = { 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff', 'Content-Disposition': disposition }
  const store = getFileStore()
  // Captions are small and a <track> from another origin would need CORS: they always come through us.
  if (kind === 'captions' && !store.filePath) {
    const file = await store.get(key)
    return file ? new Response(file.body, { headers: { ...common, 'Content-Type': TYPES.captions } }) : notFound()
  }
  const signed = await store.signedUrl(key, { expiresInSeconds: SIGNED_URL_SECONDS, downloadName })
  if (signed) return new Response(null, { status: 302, headers: { ...common, Location: signed } })
  if (!store.filePath) return notFound()
  return streamLocal(store.filePath(key), TYPES[kind], rangeHeader, common)
}

async function streamLocal(file: string, type: string, rangeHeader: string | null, headers: Record<string, string>) {
  const info = await stat(file).catch(() => null)
  if (!info?.isFile()) return new Response('Not found', { status: 404 })
  const size = info.size
  const base = { ...headers, 'Content-Type': type, 'Accept-Ranges': 'bytes' }
  const range = /^bytes=(\d*)-(\d*)$/.exec(rangeHeader ?? '')
  if (!range || (!range[1] && !range[2])) {
    return new Response(Readable.toWeb(createReadStream(file)) as ReadableStream, { headers: { ...base, 'Content-Length': String(size) } })
  }
  const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]))
  const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1
  if (start >= size || start > end) return new Response(null, { status: 416, headers: { ...base, 'Content-Range': `bytes */${size}` } })
  return new Response(Readable.toWeb(createReadStream(file, { start, end })) as ReadableStream, {
    status: 206,
    headers: { ...base, 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': String(end - start + 1) },
  })
}
