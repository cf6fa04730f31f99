import { useId, useRef } from 'react'
import { useTranslation } from '~/platform/i18n/react'

export interface VideoPlayerProps {
  mediaId: string
  /** Names the video for screen readers, e.g. "Question 2 in BSL". */
  label: string
  hasCaptions: boolean
  transcript?: string | null
  language: string
}

const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5]

/**
 * The browser's own player (keyboard control built in) with English captions, a speed choice
 * and the transcript. Files come through /media/…, which checks who is asking.
 */
export function VideoPlayer({ mediaId, label, hasCaptions, transcript, language }: VideoPlayerProps) {
  const { t } = useTranslation('bsl')
  const video = useRef<HTMLVideoElement>(null)
  const speedId = useId()
  return (
    <figure className="guth-video">
      <video ref={video} controls preload="metadata" poster={`/media/${mediaId}/poster`} aria-label={label} className="guth-video__player" width={640}>
        <source src={`/media/${mediaId}/video`} type="video/mp4" />
        {hasCaptions ? <track kind="captions" src={`/media/${mediaId}/captions`} srcLang="en" label={t('player.captions')} default /> : null}
        {t('player.noVideo')}
      </video>
      <div className="ds_question guth-video__speed">
        <label className="ds_label" htmlFor={speedId}>
          {t('player.speed')}
        </label>
        <div className="ds_select-wrapper">
          <select
            className="ds_select"
            id={speedId}
            defaultValue="1"
            onChange={(event) => {
              if (video.current) video.current.playbackRate = Number(event.target.value)
            }}
          >
            {SPEEDS.map((speed) => (
              <option key={speed} value={speed}>
                {speed.toLocaleString(language === 'gd' ? 'gd-GB' : 'en-GB')}×
              </option>
            ))}
          </select>
          <span className="ds_select-arrow" aria-hidden="true" />
        </div>
      </div>
      {transcript ? (
        <details className="ds_details">
          <summary className="ds_details__summary">{t('player.transcript')}</summary>
          <div className="ds_details__text guth-preserve-lines">{transcript}</div>
        </details>
      ) : null}
    </figure>
  )
}
