import { randomUUID } from 'node:crypto'
import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { finished } from 'node:stream/promises'
import {
  MaxPartSizeExceededError,
  unstable_composeUploadHandlers,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from '@remix-run/node'
import { and, eq, inArray } from 'drizzle-orm'
import { findSessionUser } from '~/modules/accounts/index.server'
import { isQuestionOf, markResponseBsl, setAnswerVideo, getConsultationById, getPublicConsultation, findDraft } from '~/modules/consultations/index.server'
import { statusOf, canManageConsultations } from '~/modules/consultations'
import { getDb } from '~/platform/db.server'
import { getEnv } from '~/platform/env.server'
import { getFileStore } from '~/platform/storage.server'
import { acceptUploadedFile, logRefusedVideo } from './processing.server'
import { type Media, media } from './schema'
import { type Probe, probeVideo } from './video-tools.server'

// An unfinished upload may be resumed for a day; after that its part is thrown away.
export const UPLOAD_LIFETIME_MS = 24 * 3600_000

export const VIDEO_TYPES = ['video/mp4', 'video/quicktime', 'video/webm', 'video/x-matroska', 'video/x-m4v'] as const

export type UploadRefusal = { ok: false; status: 400 | 403 | 404 | 410 | 413; reason: string }

export interface UploadRequest {
  /** answer | response (a respondent's), consultation | question (an official's BSL version) */
  purpose: Media['purpose']
  consultation: string
  questionId: string | null
  fileName: string | null
  size: number | null
}

const refuse = (status: UploadRefusal['status'], reason: string): UploadRefusal => ({ ok: false, status, reason })

/** Whose upload this is: the draft behind the browser's response cookie, or a signed-in official. */
async function ownerFor(request: Request, purpose: Media['purpose'], consultation: string) {
  if (purpose === 'answer' || purpose === 'response') {
    const found = await getPublicConsultation(consultation)
    if (!found || statusOf(found.consultation) !== 'open') return refuse(404, 'closed')
    const draft = await findDraft(request, found.consultation.id)
    if (!draft) return refuse(403, 'no_draft')
    return { ok: true as const, consultationId: found.consultation.id, responseId: draft.id, userId: null }
  }
  const user = await findSessionUser(request)
  if (!canManageConsultations(user)) return refuse(403, 'not_allowed')
  const found = /^[0-9a-f-]{36}$/.test(consultation) ? await getConsultationById(consultation) : null
  if (!found) return refuse(404, 'not_found')
  return { ok: true as const, consultationId: found.id, responseId: null, userId: user!.id }
}

type Owner = Extract<Awaited<ReturnType<typeof ownerFor>>, { ok: true }>

/** Whether this request may upload this video (its draft or official, its question, its size); reads only. */
async function checkUpload(request: Request, asked: UploadRequest): Promise<{ ok: true; owner: Owner } | UploadRefusal> {
  if (asked.size !== null && asked.size > getEnv().UPLOAD_MAX_BYTES) return refuse(413, 'too_big')
  if (asked.size === 0) return refuse(400, 'empty')
  const owner = await ownerFor(request, asked.purpose, asked.consultation)
  if (!owner.ok) return owner
  const needsQuestion = asked.purpose === 'answer' || asked.purpose === 'question'
  if (needsQuestion !== Boolean(asked.questionId)) return refuse(400, 'not_found')
  if (asked.questionId && !(await isQuestionOf(owner.consultationId, asked.questionId))) return refuse(404, 'not_found')
  return { ok: true, owner }
}

// A name is shown back to its owner; control characters (a NUL is refused by Postgres) are not part of it.
const cleanFileName = (name: string | null) => name?.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200) || null

/** Records the video as "uploading" and, for a respondent, makes it their answer's (or response's) video. */
async function recordUpload(owner: Owner, uploadId: string, asked: UploadRequest) {
  const [row] = await getDb()
    .insert(media)
    .values({
      purpose: asked.purpose,
      consultationId: owner.consultationId,
      responseId: owner.responseId,
      questionId: asked.questionId,
      uploadedBy: owner.userId,
      uploadId,
      fileName: cleanFileName(asked.fileName),
      expiresAt: new Date(Date.now() + UPLOAD_LIFETIME_MS),
    })
    .returning()
  // The answer shows the video (and its progress) from the start, so a reload finds it.
  if (asked.purpose === 'answer') await replaceVideo(row!, await setAnswerVideo(owner.responseId!, asked.questionId!, row!.id))
  if (asked.purpose === 'response') {
    const earlier = await videosOfResponse(owner.responseId!)
    await deleteMedia(earlier.filter((m) => m.purpose === 'response' && m.id !== row!.id).map((m) => m.id))
    await markResponseBsl(owner.responseId!)
  }
  return row!
}

/**
 * Opens an upload for a BSL video: the draft response (or the official) it belongs to, checked
 * against the size limit before a byte is sent. Records it as "uploading".
 */
export async function openUpload(request: Request, uploadId: string, asked: UploadRequest): Promise<{ ok: true; media: Media } | UploadRefusal> {
  const checked = await checkUpload(request, asked)
  if (!checked.ok) return checked
  return { ok: true, media: await recordUpload(checked.owner, uploadId, asked) }
}

/** A later request for an upload (send more, ask how far it got): only its owner, only in time. */
export async function checkUploadAccess(request: Request, uploadId: string): Promise<{ ok: true; media: Media } | UploadRefusal> {
  const [row] = await getDb().select().from(media).where(eq(media.uploadId, uploadId))
  if (!row) return refuse(404, 'not_found')
  if (row.responseId) {
    const draft = await findDraft(request, row.consultationId)
    if (draft?.id !== row.responseId) return refuse(403, 'no_draft')
  } else {
    const user = await findSessionUser(request)
    if (!user || user.id !== row.uploadedBy) return refuse(403, 'not_allowed')
  }
  if (row.status !== 'uploading') return refuse(410, 'expired')
  if (row.expiresAt && row.expiresAt.getTime() < Date.now()) return refuse(410, 'expired')
  return { ok: true, media: row }
}

/** The whole file has arrived: store it as the original and queue the processing (or reject it). */
export async function finishUpload(uploadId: string, file: string, mime: string | null, probed?: Probe) {
  const [row] = await getDb().select().from(media).where(eq(media.uploadId, uploadId))
  if (!row || row.status !== 'uploading') return null
  // Browsers may add parameters ("video/mp4; codecs=avc1") or capitals; the type is what comes before.
  const bare = mime?.split(';')[0]!.trim().toLowerCase()
  const type = VIDEO_TYPES.find((t) => t === bare) ?? null
  await acceptUploadedFile(row.id, file, type, probed)
  return row.id
}

/** Removes a video's files and row (a re-recording replaced it, or its response went). */
export async function deleteMedia(mediaIds: (string | null)[]) {
  const ids = mediaIds.filter((id): id is string => Boolean(id))
  if (!ids.length) return
  const rows = await getDb().select().from(media).where(inArray(media.id, ids))
  const store = getFileStore()
  for (const row of rows) {
    for (const key of [row.storageKey, row.webKey, row.posterKey, row.captionsKey]) if (key) await store.remove(key)
  }
  await getDb().delete(media).where(inArray(media.id, ids))
}

async function replaceVideo(current: Media, replaced: string | null) {
  if (replaced && replaced !== current.id) await deleteMedia([replaced])
}

/** Every video of a response (its answers' and the whole-response one), for its owner's pages. */
export async function videosOfResponse(responseId: string) {
  return getDb()
    .select()
    .from(media)
    .where(and(eq(media.responseId, responseId), inArray(media.purpose, ['answer', 'response'])))
}

/** Removes the files of a response's videos; the rows go with the response (on delete cascade). */
export async function deleteVideosOfResponse(responseId: string) {
  await deleteMedia((await videosOfResponse(responseId)).map((row) => row.id))
}

/**
 * The page's plain file upload (no JavaScript): the file already streamed to disk within the
 * size limit; it becomes the draft's video the same way a tus upload does. A file that is not a
 * usable video is refused before anything is written (no row, no stored file, no answer changed).
 */
export async function acceptFormUpload(request: Request, asked: Omit<UploadRequest, 'size'>, file: Omit<FormVideo, 'name'>): Promise<{ ok: true; media: Media } | UploadRefusal> {
  const wanted = { ...asked, size: file.size }
  const checked = await checkUpload(request, wanted)
  if (!checked.ok) return checked
  const probe = await probeVideo(file.path, file.size)
  if (!probe.ok) {
    logRefusedVideo(probe, { purpose: asked.purpose })
    return refuse(probe.reason === 'too_big' ? 413 : 400, probe.reason)
  }
  const row = await recordUpload(checked.owner, `form-${randomUUID()}`, wanted)
  await finishUpload(row.uploadId!, file.path, file.type, probe)
  return { ok: true, media: row }
}

/** Where a plain form's video lands while it is checked (the same disk as tus parts). */
export const formUploadDirectory = () => path.resolve(getEnv().DATA_DIR, 'uploads', 'form')

export interface FormVideo {
  path: string
  size: number
  type: string
  name: string
}

/**
 * Reads a multipart form whose `video` file streams to disk, stopping as soon as it passes the
 * size limit (nothing is buffered whole). Call `discard` when done: the file is a staging copy.
 */
export async function readVideoForm(request: Request) {
  const max = getEnv().UPLOAD_MAX_BYTES
  let video: FormVideo | null = null
  // Every file written, so none stays behind: a second "video" part, or a body cut off part-way.
  const staged: string[] = []
  const discard = async () => void (await Promise.all(staged.map((file) => rm(file, { force: true }))))
  // Our own handler: Remix's on-disk File is not a Blob to Node's FormData, so it would arrive as text.
  const toDisk: UploadHandler = async ({ name, filename, contentType, data }) => {
    if (name !== 'video' || !filename) return undefined
    const file = path.join(formUploadDirectory(), randomUUID())
    await mkdir(path.dirname(file), { recursive: true })
    staged.push(file)
    const out = createWriteStream(file)
    let size = 0
    try {
      for await (const chunk of data) {
        size += chunk.byteLength
        if (size > max) throw new MaxPartSizeExceededError(name, max)
        if (!out.write(chunk)) await once(out, 'drain')
      }
    } finally {
      out.end()
      await finished(out)
    }
    video ??= { path: file, size, type: contentType, name: filename.slice(0, 200) }
    return 'video'
  }
  let form: FormData
  try {
    // Small text parts (the CSRF token, captions, a transcript) stay in memory.
    form = await unstable_parseMultipartFormData(request, unstable_composeUploadHandlers(toDisk, unstable_createMemoryUploadHandler({ maxPartSize: 1024 * 1024 })))
  } catch (error) {
    await discard()
    if (error instanceof MaxPartSizeExceededError) return { ok: false as const, reason: 'too_big' }
    throw error
  }
  return { ok: true as const, form, video: video as FormVideo | null, discard }
}
