import { and, desc, eq, isNull } from 'drizzle-orm'
import { recordAudit, type SignedInUser } from '~/modules/accounts/index.server'
import { isQuestionOf, listQuestions, findManagedConsultation, numberQuestions } from '~/modules/consultations/index.server'
import { translate } from '~/modules/consultations'
import { getDb } from '~/platform/db.server'
import { getFileStore } from '~/platform/storage.server'
import { mediaKey } from './processing.server'
import { bslVersionsOf } from './queries.server'
import { media } from './schema'
import { acceptFormUpload } from './uploads.server'

export const CAPTIONS_MAX_BYTES = 512 * 1024
export const TRANSCRIPT_LIMIT = 50_000

const TIMING = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})[ \t]+-->[ \t]+(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})(?:[ \t]+.*)?$/
const seconds = (h: string | undefined, m: string, s: string, ms: string) => Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s) + Number(ms) / 1000

/**
 * Checks English captions are WebVTT a browser will show: the WEBVTT header, at least one cue,
 * every timing line well formed with its end after its start. Returns a bsl:captions.* error key.
 */
export function validateWebVtt(text: string): { ok: true } | { ok: false; error: string } {
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  if (!/^WEBVTT(?:[ \t].*)?(?:\n|$)/.test(body)) return { ok: false, error: 'bsl:captions.noHeader' }
  const timings = body.split('\n').filter((line) => line.includes('-->'))
  if (!timings.length) return { ok: false, error: 'bsl:captions.noCues' }
  for (const line of timings) {
    const match = TIMING.exec(line.trim())
    if (!match) return { ok: false, error: 'bsl:captions.badTiming' }
    if (seconds(match[5], match[6]!, match[7]!, match[8]!) <= seconds(match[1], match[2]!, match[3]!, match[4]!)) return { ok: false, error: 'bsl:captions.badTiming' }
  }
  return { ok: true }
}

const managed = findManagedConsultation

/** The consultation and each question with its BSL version (any status), for the officials' page. */
export async function bslVersionsPage(actor: SignedInUser, consultationId: string, language: string) {
  const consultation = await managed(actor, consultationId)
  if (!consultation) return null
  const [questions, versions] = await Promise.all([listQuestions(consultation.id), bslVersionsOf(consultation.id)])
  return {
    consultation,
    targets: [
      { id: 'consultation', label: null as string | null, version: versions.get('consultation') ?? null },
      ...numberQuestions(questions)
        .filter((q) => !q.followUpOf)
        .map((q) => ({ id: q.id, label: `${q.number}. ${translate(q.prompt, language)}`, version: versions.get(q.id) ?? null })),
    ],
  }
}

export interface VersionInput {
  target: string
  video: { path: string; size: number; type: string; name: string } | null
  captions: string | null
  transcript: string | null
}

/**
 * Attaches an official's BSL version to the consultation (`consultation`) or to a question: a new
 * video (queued for processing), and/or English captions and a transcript for the newest one.
 */
export async function attachBslVersion(actor: SignedInUser, request: Request, consultationId: string, input: VersionInput) {
  const consultation = await managed(actor, consultationId)
  if (!consultation) return { ok: false as const, error: 'bsl:versions.errors.notFound' }
  const questionId = input.target === 'consultation' ? null : input.target
  if (questionId && !(await isQuestionOf(consultation.id, questionId))) return { ok: false as const, error: 'bsl:versions.errors.notFound' }
  if (input.captions !== null) {
    const checked = validateWebVtt(input.captions)
    if (!checked.ok) return { ok: false as const, error: checked.error }
  }
  if ((input.transcript?.length ?? 0) > TRANSCRIPT_LIMIT) return { ok: false as const, error: 'bsl:versions.errors.transcriptTooLong' }
  if (input.video) {
    const opened = await acceptFormUpload(
      request,
      { purpose: questionId ? 'question' : 'consultation', consultation: consultation.id, questionId, fileName: input.video.name },
      input.video,
    )
    if (!opened.ok) return { ok: false as const, error: `bsl:refusals.${opened.reason}` }
  }
  const [newest] = await getDb()
    .select()
    .from(media)
    .where(and(eq(media.consultationId, consultation.id), questionId ? eq(media.questionId, questionId) : isNull(media.questionId), eq(media.purpose, questionId ? 'question' : 'consultation')))
    .orderBy(desc(media.createdAt))
    .limit(1)
  if (!newest) return { ok: false as const, error: 'bsl:versions.errors.videoFirst' }
  const changes: Partial<typeof media.$inferInsert> = {}
  if (input.captions !== null) {
    const key = mediaKey(newest.id, 'captions.vtt')
    await getFileStore().put(key, new TextEncoder().encode(input.captions.replace(/^\uFEFF/, '')))
    changes.captionsKey = key
  }
  if (input.transcript !== null) changes.transcript = input.transcript || null
  if (Object.keys(changes).length) await getDb().update(media).set(changes).where(eq(media.id, newest.id))
  await recordAudit({ actorId: actor.id, action: 'consultation.bsl_attached', subjectType: 'consultation', subjectId: consultation.id, details: { target: input.target } })
  return { ok: true as const }
}
