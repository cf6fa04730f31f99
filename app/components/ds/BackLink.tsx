import { Link } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'

/** The design system's back link: the step before this one in a journey, above the heading. */
export function BackLink({ to }: { to: string }) {
  const { t } = useTranslation()
  return (
    <Link className="ds_back-link" to={to}>
      {t('backLink')}
    </Link>
  )
}
