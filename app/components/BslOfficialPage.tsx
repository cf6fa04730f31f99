import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from '~/platform/i18n/react'
import { ErrorSummary, NotificationBanner, type SummaryError } from '~/components/ds/forms'
import { Page } from '~/components/ds/Page'

/** The frame of the officials' BSL pages of a consultation: the way back to it, what was saved, what went wrong. */
export function BslOfficialPage({
  title,
  consultation,
  saved,
  errors,
  children,
}: {
  title: string
  consultation: { id: string; title: string }
  saved: string | null
  errors: SummaryError[]
  children: ReactNode
}) {
  const { t } = useTranslation('bsl')
  return (
    <Page title={title} lead={consultation.title}>
      <p>
        <Link to={`/manage/consultations/${consultation.id}`}>{t('interpret.back')}</Link>
      </p>
      {saved ? <NotificationBanner title={saved} /> : null}
      <ErrorSummary errors={errors} />
      {children}
    </Page>
  )
}
