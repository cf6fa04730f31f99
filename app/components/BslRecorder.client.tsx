import Uppy from '@uppy/core'
import Dashboard from '@uppy/dashboard'
import Tus from '@uppy/tus'
import Webcam from '@uppy/webcam'
import '@uppy/core/css/style.min.css'
import '@uppy/dashboard/css/style.min.css'
import '@uppy/webcam/css/style.min.css'

export interface RecorderOptions {
  target: HTMLElement
  endpoint: string
  metadata: Record<string, string>
  maxBytes: number
  /** Uppy's own words in the page's language (Uppy has no Gaelic of its own). */
  strings: Record<string, string>
  /** The server's refusal code (bsl:refusals.*) turned into words. */
  describeRefusal(code: string): string
  onDone(): void
}

export const VIDEO_FILE_TYPES = ['video/*', '.mp4', '.mov', '.webm', '.mkv', '.m4v']

/**
 * Uppy in the page: record with the camera (preview, countdown, record again, review before
 * sending) or choose a file, then a resumable tus upload with progress, pause, resume and retry.
 * The tus fingerprint is kept in the browser, so choosing the same file after a reload carries on.
 */
export function mountRecorder({ target, endpoint, metadata, maxBytes, strings, describeRefusal, onDone }: RecorderOptions) {
  const uppy = new Uppy({
    autoProceed: false,
    restrictions: { maxNumberOfFiles: 1, maxFileSize: maxBytes, allowedFileTypes: VIDEO_FILE_TYPES },
    meta: metadata,
    locale: { strings, pluralize: (n: number) => (n === 1 ? 0 : 1) },
  })
    .use(Dashboard, {
      target,
      inline: true,
      height: 460,
      width: '100%',
      proudlyDisplayPoweredByUppy: false,
      hideProgressDetails: false,
      hideRetryButton: false,
      hidePauseResumeButton: false,
    })
    .use(Webcam, { modes: ['video-audio', 'video-only'], countdown: 3, showRecordingLength: true, mirror: true, mobileNativeCamera: true })
    .use(Tus, {
      endpoint,
      retryDelays: [0, 1000, 3000, 5000, 10000],
      chunkSize: 8 * 1024 * 1024,
      removeFingerprintOnSuccess: true,
      onShouldRetry: (error, _attempt, _options, next) => {
        const status = error.originalResponse?.getStatus() ?? 0
        return status >= 400 && status < 500 ? false : next(error)
      },
    })
  uppy.on('upload-error', (file, error) => {
    const response = (error as { originalResponse?: { getBody(): string } }).originalResponse
    const code = response?.getBody().trim()
    if (file && code) uppy.info(describeRefusal(code), 'error', 10_000)
  })
  uppy.on('complete', (result) => {
    if (!result.successful?.length) return
    // The page shows the video's status from now on; the recorder is ready to record again.
    uppy.clear()
    onDone()
  })
  return () => uppy.destroy()
}
