import { useTranslation } from '~/platform/i18n/react'
import { Page } from './ds/Page'

/** Shown on every respond page when the consultation is not taking responses. */
export function NotOpen({ status, date, title }: { status: string; date: string; title: string }) {
  const { t } = useTranslation('respond')
  return (
    <Page title={status === 'forthcoming' ? title : t('closed.title')}>
      <p>{status === 'forthcoming' ? t('closed.forthcoming', { date }) : t('closed.body', { date })}</p>
    </Page>
  )
}
