import { Heading, Link, Text } from '@react-email/components'
import type { TFunction } from 'i18next'
import { EmailLayout } from './layout'

export interface ConsultationMilestoneProps {
  /** A translator for the `manage` namespace in the recipient's language. */
  t: TFunction
  lang: string
  name?: string | null
  milestone: 'opened' | 'closed'
  title: string
  opens: string
  closes: string
  responses: number
  manageUrl: string
  publicUrl: string
}

/** Tells officials that a consultation has opened for responses, or has closed. */
export function ConsultationMilestoneEmail(props: ConsultationMilestoneProps) {
  const { t, lang, name, milestone, title } = props
  const heading = t(`emails.milestone.${milestone}.heading`, { title })
  return (
    <EmailLayout lang={lang} preview={heading} footer={t('emails.footer', { ns: 'common' })}>
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {heading}
      </Heading>
      <Text>{name ? t('emails.notice.greeting', { ns: 'common', name }) : t('emails.notice.greetingNoName', { ns: 'common' })}</Text>
      <Text>{t(`emails.milestone.${milestone}.body`, { title, opens: props.opens, closes: props.closes, responses: props.responses })}</Text>
      {milestone === 'opened' ? (
        <Text>
          <Link href={props.publicUrl}>{t('emails.milestone.publicLink')}</Link>
        </Text>
      ) : null}
      <Text>
        <Link href={props.manageUrl}>{t('emails.milestone.manageLink')}</Link>
      </Text>
      <Text>{t('emails.milestone.why')}</Text>
    </EmailLayout>
  )
}
