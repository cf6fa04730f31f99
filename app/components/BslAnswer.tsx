import { useRevalidator } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from '~/platform/i18n/react'
import { Button } from './ds/forms'
import { CsrfInput } from './FormSecurity'

export interface BslVideoState {
  status: 'uploading' | 'processing' | 'ready' | 'rejected'
  reason: string | null
  fileName: string | null
}

const TAG: Record<BslVideoState['status'], string> = {
  uploading: 'ds_tag--grey',
  processing: 'ds_tag--blue',
  ready: 'ds_tag--green',
  rejected: 'ds_tag--red',
}

/** Where a video has got to, in words the person looking at it can act on: a respondent, or an official publishing it. */
export function BslVideoStatus({ video, audience = 'respondent' }: { video: BslVideoState; audience?: 'respondent' | 'official' }) {
  const { t } = useTranslation('bsl')
  return (
    <div className="guth-bsl-status" role="status">
      <p>
        <strong className={`ds_tag ${TAG[video.status]}`}>{t(`status.${video.status}`)}</strong>{' '}
        {video.fileName ? <span>{video.fileName}</span> : null}
      </p>
      <p className="ds_hint-text">
        {video.status === 'rejected' ? `${t(`reasons.${video.reason ?? 'damaged'}`)} ${t('reasons.tryAgain')}` : t(`${audience === 'official' ? 'officialStatusHelp' : 'statusHelp'}.${video.status}`)}
      </p>
    </div>
  )
}

export interface BslAnswerProps {
  slug: string
  /** The question answered, or null for one video for the whole response. */
  questionId: string | null
  /** The page to come back to: `questions/3` or `bsl`. */
  back: string
  video: BslVideoState | null
  maxBytes: number
  maxMinutes: number
  /** A refusal from the last plain upload (bsl:refusals.*). */
  error: string | null
}

/**
 * Answering in BSL: the video so far and its status, a camera recorder and resumable upload when
 * JavaScript runs, and always a plain file upload that works without it.
 */
export function BslAnswer({ slug, questionId, back, video, maxBytes, maxMinutes, error }: BslAnswerProps) {
  const { t } = useTranslation('bsl')
  const target = useRef<HTMLDivElement>(null)
  const revalidator = useRevalidator()
  const [enhanced, setEnhanced] = useState(false)
  // With JavaScript the recorder is offered behind a button: only those answering in BSL load it.
  const [scripted, setScripted] = useState(false)
  const [wanted, setWanted] = useState(false)
  useEffect(() => setScripted(true), [])
  const maxGb = Math.round((maxBytes / 1024 ** 3) * 10) / 10
  const limits = t('answer.limits', { size: maxGb >= 1 ? `${maxGb} GB` : `${Math.round(maxBytes / 1024 ** 2)} MB`, count: maxMinutes })
  useEffect(() => {
    if (!wanted) return
    let unmount: (() => void) | undefined
    let cancelled = false
    void import('./BslRecorder.client').then(({ mountRecorder }) => {
      if (cancelled || !target.current) return
      unmount = mountRecorder({
        target: target.current,
        endpoint: '/consultations/_uploads',
        metadata: { purpose: questionId ? 'answer' : 'response', consultation: slug, ...(questionId ? { question: questionId } : {}) },
        maxBytes,
        strings: t('uppy', { returnObjects: true }) as Record<string, string>,
        describeRefusal: (code) => t(`refusals.${/^[a-z_]+$/.test(code) ? code : 'failed'}`, { defaultValue: t('refusals.failed') }),
        onDone: () => revalidator.revalidate(),
      })
      setEnhanced(true)
    })
    return () => {
      cancelled = true
      unmount?.()
    }
    // The recorder is set up once per question; revalidation must not rebuild it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slug, questionId, wanted])
  const fieldId = questionId ? `bsl-video-${questionId}` : 'bsl-video-response'
  return (
    <section id="bsl" className="guth-bsl-answer" aria-labelledby={`${fieldId}-heading`}>
      <h2 id={`${fieldId}-heading`}>{t(questionId ? 'answer.heading' : 'whole.uploadHeading')}</h2>
      <p>{t(questionId ? 'answer.intro' : 'whole.uploadIntro')}</p>
      {video ? <BslVideoStatus video={video} /> : null}
      {scripted && !wanted ? (
        <p>
          {/* "Save and continue" is the page's one primary action. */}
          <Button type="button" variant="secondary" onClick={() => setWanted(true)}>
            {t(video ? 'answer.openRecorderAgain' : 'answer.openRecorder')}
          </Button>
        </p>
      ) : null}
      {enhanced ? (
        <>
          <p>{t('answer.recordHelp')}</p>
          <p className="ds_hint-text">{limits}</p>
        </>
      ) : null}
      <div ref={target} className="guth-bsl-recorder" />
      <form method="post" encType="multipart/form-data" action={`/consultations/${slug}/respond/bsl-upload?back=${encodeURIComponent(back)}`} noValidate>
        <CsrfInput />
        {questionId ? <input type="hidden" name="question" value={questionId} /> : null}
        <div className={`ds_question${error ? ' ds_question--error' : ''}`}>
          <label className="ds_label" htmlFor={fieldId}>
            {t(enhanced ? 'answer.fileLabelEnhanced' : 'answer.fileLabel')}
          </label>
          <p className="ds_hint-text" id={`${fieldId}-hint`}>
            {limits}
          </p>
          {error ? (
            <p className="ds_question__error-message" id={`${fieldId}-error`}>
              {t(`refusals.${error}`, { defaultValue: t('refusals.failed') })}
            </p>
          ) : null}
          {/* The design system's script enhances the wrapper, not the input. */}
          <div className="ds_file-upload">
            <input
              type="file"
              id={fieldId}
              name="video"
              accept="video/*,.mp4,.mov,.webm,.mkv,.m4v"
              aria-describedby={[`${fieldId}-hint`, error ? `${fieldId}-error` : null].filter(Boolean).join(' ')}
            />
          </div>
        </div>
        <Button type="submit" variant="secondary">
          {t('answer.send')}
        </Button>
      </form>
    </section>
  )
}
