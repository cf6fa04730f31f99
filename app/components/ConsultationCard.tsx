import { Link } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { MetadataItem } from '~/components/ds/Metadata'
import type { ConsultationStatus } from '~/modules/consultations'
import type { LocalText } from '~/kernel/translated'

export { inLanguage, type LocalText } from '~/kernel/translated'

const tagColour: Record<ConsultationStatus, string> = {
  draft: 'grey',
  forthcoming: 'blue',
  open: 'green',
  closed: 'grey',
  analysis_published: 'purple',
  retracted: 'red',
}

export function StatusTag({ status }: { status: ConsultationStatus }) {
  const { t } = useTranslation('consultations')
  return <strong className={`ds_tag ds_tag--${tagColour[status]}`}>{t(`status.${status}`)}</strong>
}

export interface ConsultationSummary {
  slug: string
  title: LocalText
  summary: LocalText
  status: ConsultationStatus
  opens: string
  closes: string
  team: string
}

/** One consultation in a list: title link, summary, status and dates, as a design-system search result. */
export function ConsultationCard({ consultation, headingLevel = 2 }: { consultation: ConsultationSummary; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation('consultations')
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const { status } = consultation
  const hasOpened = status !== 'forthcoming'
  const hasClosed = status === 'closed' || status === 'analysis_published'
  return (
    <li className="ds_search-result guth-consultation-card">
      <Heading className="ds_search-result__title">
        <Link className="ds_search-result__link" to={`/consultations/${consultation.slug}`} lang={consultation.title.lang}>
          {consultation.title.text}
        </Link>
      </Heading>
      <p className="ds_search-result__summary" lang={consultation.summary.lang}>
        {consultation.summary.text}
      </p>
      <p className="guth-consultation-card__status">
        <StatusTag status={status} />
      </p>
      <dl className="ds_metadata guth-consultation-card__dates">
        <MetadataItem label={t(hasOpened ? 'card.opened' : 'card.opens')}>{consultation.opens}</MetadataItem>
        <MetadataItem label={t(hasClosed ? 'card.closed' : 'card.closes')}>{consultation.closes}</MetadataItem>
        <MetadataItem label={t('card.team')}>{consultation.team}</MetadataItem>
      </dl>
    </li>
  )
}
