import { getEnv } from '~/platform/env.server'
import { bslVersionsOf, type VideoView, videosOfDraft } from './queries.server'

const BSL_ERRORS = new Set(['too_big', 'empty', 'not_video', 'no_picture', 'damaged', 'too_long', 'no_file', 'no_draft', 'closed', 'not_found', 'failed'])

/**
 * The BSL side of a respond page: the officials' BSL versions ready to watch, the respondent's own
 * videos and their status, the limits, and the refusal of the last plain upload (from the URL).
 */
export async function bslForRespondPage(request: Request, consultationId: string, responseId: string | null) {
  const env = getEnv()
  const [versions, videos] = await Promise.all([bslVersionsOf(consultationId), responseId ? videosOfDraft(responseId) : Promise.resolve([] as VideoView[])])
  const error = new URL(request.url).searchParams.get('bsl-error')
  const ready = (view: VideoView | undefined) => (view?.status === 'ready' ? view : null)
  return {
    versionOf: (target: string) => ready(versions.get(target)),
    answerOf: (questionId: string) => videos.findLast((v) => v.purpose === 'answer' && v.questionId === questionId) ?? null,
    whole: videos.findLast((v) => v.purpose === 'response') ?? null,
    videos,
    limits: { maxBytes: env.UPLOAD_MAX_BYTES, maxMinutes: Math.round(env.UPLOAD_MAX_SECONDS / 60) },
    error: error && BSL_ERRORS.has(error) ? error : null,
  }
}

/** A video's state as the respondent's page shows it. */
export const videoState = (video: VideoView | null) => (video ? { status: video.status, reason: video.reason, fileName: video.fileName } : null)

/**
 * One line per video of a response, for the check page and the receipt:
 * "Question 2: BSL video answer.webm (received)".
 */
export function videoLines(videos: VideoView[], questionNumber: (questionId: string) => string | null, t: (key: string, values?: Record<string, unknown>) => string) {
  return videos.map((video) => {
    const number = video.questionId ? questionNumber(video.questionId) : null
    const what = number ? t('bsl:check.questionVideo', { number }) : t('bsl:check.wholeVideo')
    const state = video.status === 'rejected' ? t(`bsl:reasons.${video.reason ?? 'damaged'}`) : t(`bsl:status.${video.status}`)
    return { id: video.id, questionId: video.questionId, status: video.status, text: `${what}: ${video.fileName ?? t('bsl:check.recording')} (${state})` }
  })
}
