import { Heading, Link, Text } from '@react-email/components'
import type { TFunction } from 'i18next'
import { EmailLayout } from './layout'

export interface NoticeProps {
  t: TFunction
  lang: string
  name?: string
  heading: string
  paragraphs: string[]
  action?: { label: string; url: string }
}

/** A short message to one person: greeting, a few paragraphs and at most one link to act on. */
export function NoticeEmail({ t, lang, name, heading, paragraphs, action }: NoticeProps) {
  return (
    <EmailLayout lang={lang} preview={heading} footer={t('emails.footer')}>
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {heading}
      </Heading>
      <Text>{name ? t('emails.notice.greeting', { name }) : t('emails.notice.greetingNoName')}</Text>
      {paragraphs.map((paragraph) => (
        <Text key={paragraph}>{paragraph}</Text>
      ))}
      {action ? (
        <Text>
          <Link href={action.url}>{action.label}</Link>
        </Text>
      ) : null}
    </EmailLayout>
  )
}
