import { randomUUID } from 'node:crypto'
import { stat } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { and, asc, eq, isNull } from 'drizzle-orm'
import { consultations, questions } from '~/modules/consultations/schema'
import { mediaKey } from '~/modules/media/processing.server'
import { media } from '~/modules/media/schema'
import { getDb } from '~/platform/db.server'
import { getFileStore } from '~/platform/storage.server'
import { localDemocracySlug } from './consultation'

// Made by scripts/seed/make-placeholder-bsl.ts: a labelled card, plainly not a translation.
const dir = fileURLToPath(new URL('./media/', import.meta.url))
const VIDEO = `${dir}placeholder-bsl.mp4`
const POSTER = `${dir}placeholder-bsl-poster.jpg`
const SECONDS = 12

/**
 * The placeholder BSL version of the local democracy bill as a whole and of its first two questions
 * (a text question, and a scale with its "please explain"), ready to watch with English captions,
 * stored as the upload pipeline stores a processed video.
 * Idempotent: left alone once the bill has any BSL version.
 */
export async function seedDemoBslMedia() {
  const db = getDb()
  const [consultation] = await db.select({ id: consultations.id }).from(consultations).where(eq(consultations.slug, localDemocracySlug))
  if (!consultation) return
  const [existing] = await db
    .select({ id: media.id })
    .from(media)
    .where(and(eq(media.consultationId, consultation.id), eq(media.purpose, 'consultation')))
    .limit(1)
  if (existing) return
  const firstTwo = await db
    .select({ id: questions.id })
    .from(questions)
    .where(and(eq(questions.consultationId, consultation.id), isNull(questions.followUpOf)))
    .orderBy(asc(questions.position))
    .limit(2)
  await seedVersion(consultation.id, null, `${dir}placeholder-consultation.vtt`)
  for (const question of firstTwo) await seedVersion(consultation.id, question.id, `${dir}placeholder-question.vtt`)
}

async function seedVersion(consultationId: string, questionId: string | null, captions: string) {
  const id = randomUUID()
  const store = getFileStore()
  // The placeholder is already a web MP4: it is its own original, stored once.
  const web = mediaKey(id, 'web.mp4')
  const keys = { storageKey: web, webKey: web, posterKey: mediaKey(id, 'poster.jpg'), captionsKey: mediaKey(id, 'captions.vtt') }
  // Files first: a row that says "ready" always has its files.
  await store.putFile(keys.webKey, VIDEO, 'video/mp4')
  await store.putFile(keys.posterKey, POSTER, 'image/jpeg')
  await store.putFile(keys.captionsKey, captions, 'text/vtt')
  await getDb()
    .insert(media)
    .values({
      id,
      purpose: questionId ? 'question' : 'consultation',
      consultationId,
      questionId,
      fileName: 'placeholder-bsl.mp4',
      ...keys,
      mime: 'video/mp4',
      bytes: (await stat(VIDEO)).size,
      durationSeconds: SECONDS,
      width: 480,
      height: 270,
      status: 'ready',
      transcript: 'This video is a placeholder, not a real BSL translation. It stands in for one in the demo.',
    })
}
