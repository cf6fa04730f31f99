import { and, asc, eq, inArray } from 'drizzle-orm'
import { getDb } from '~/platform/db.server'
import { publicRead } from '~/platform/public-reads.server'
import { type Media, media } from './schema'

/** What a respondent (or an official) sees of a video: never its storage keys. */
export interface VideoView {
  id: string
  purpose: Media['purpose']
  questionId: string | null
  status: Media['status']
  reason: string | null
  fileName: string | null
  durationSeconds: number | null
  hasCaptions: boolean
  transcript: string | null
}

export const videoView = (row: Media): VideoView => ({
  id: row.id,
  purpose: row.purpose,
  questionId: row.questionId,
  status: row.status,
  reason: row.reason,
  fileName: row.fileName,
  durationSeconds: row.durationSeconds,
  hasCaptions: Boolean(row.captionsKey),
  transcript: row.transcript,
})

/** The videos a respondent has given in their response, oldest first. */
export async function videosOfDraft(responseId: string): Promise<VideoView[]> {
  const rows = await getDb()
    .select()
    .from(media)
    .where(and(eq(media.responseId, responseId), inArray(media.purpose, ['answer', 'response'])))
    .orderBy(asc(media.createdAt))
  return rows.map(videoView)
}

/** The officials' BSL versions of a consultation and its questions that are ready to watch. */
export function bslVersionsOf(consultationId: string): Promise<ReadonlyMap<string, VideoView>> {
  // Every reader of a consultation asks; kept until a video changes.
  return publicRead(['media'], `bsl-versions:${consultationId}`, async () => {
    const rows = await getDb()
      .select()
      .from(media)
      .where(and(eq(media.consultationId, consultationId), inArray(media.purpose, ['consultation', 'question'])))
      .orderBy(asc(media.createdAt))
    // The newest of each wins (an official may replace a version).
    const byTarget = new Map<string, VideoView>()
    for (const row of rows) byTarget.set(row.questionId ?? 'consultation', videoView(row))
    return byTarget
  })
}

export async function getMedia(mediaId: string) {
  if (!/^[0-9a-f-]{36}$/.test(mediaId)) return null
  const [row] = await getDb().select().from(media).where(eq(media.id, mediaId))
  return row ?? null
}
