import { useTranslation } from '~/platform/i18n/react'
import { VideoPlayer } from './VideoPlayer'

export interface BslVersionProps {
  /** The heading's id, for the section's accessible name. */
  id: string
  heading: string
  lead?: string
  video: { id: string; hasCaptions: boolean; transcript: string | null }
  /** Names the video for screen readers, e.g. "Question 2 in BSL". */
  label: string
  language: string
}

/** An official's BSL version of a consultation or a question, under its own heading. */
export function BslVersion({ id, heading, lead, video, label, language }: BslVersionProps) {
  const { t } = useTranslation('bsl')
  return (
    <section className="guth-bsl-version" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {lead ? <p>{lead}</p> : null}
      {video.hasCaptions ? <p className="ds_hint-text">{t('watch.withCaptions')}</p> : null}
      <VideoPlayer mediaId={video.id} label={label} hasCaptions={video.hasCaptions} transcript={video.transcript} language={language} />
    </section>
  )
}
