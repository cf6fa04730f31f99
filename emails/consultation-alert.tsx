import { Heading, Link, Text } from '@react-email/components'
import type { TFunction } from 'i18next'
import { EmailLayout } from './layout'

export interface ConsultationAlertProps {
  /** A translator for the `consultations` namespace in the recipient's language. */
  t: TFunction
  lang: string
  heading: string
  paragraphs: string[]
  action: { label: string; url: string }
  /** Every alert email says how to stop it, as well as in its List-Unsubscribe header. */
  unsubscribeUrl: string
}

/** An email about consultation alerts: confirming one, or what it asked to hear about. */
export function ConsultationAlertEmail({ t, lang, heading, paragraphs, action, unsubscribeUrl }: ConsultationAlertProps) {
  return (
    <EmailLayout lang={lang} preview={heading} footer={t('emails.footer', { ns: 'common' })}>
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {heading}
      </Heading>
      <Text>{t('emails.notice.greetingNoName', { ns: 'common' })}</Text>
      {paragraphs.map((paragraph) => (
        <Text key={paragraph}>{paragraph}</Text>
      ))}
      <Text>
        <Link href={action.url}>{action.label}</Link>
      </Text>
      <Text style={{ fontSize: '14px' }}>
        {t('alerts.email.why')} <Link href={unsubscribeUrl}>{t('alerts.email.unsubscribe')}</Link>
      </Text>
    </EmailLayout>
  )
}
