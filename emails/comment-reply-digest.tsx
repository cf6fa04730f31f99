import { Heading, Link, Section, Text } from '@react-email/components'
import type { TFunction } from 'i18next'
import { EmailLayout } from './layout'

export interface ReplyDigestProps {
  /** Translator for the `comments` namespace (with `common` as fallback for the footer). */
  t: TFunction
  lang: string
  name?: string | null
  replies: { authorName: string; excerpt: string; url: string }[]
  settingsUrl: string
}

/** Replies to someone's comments since the last digest, in one email however busy the thread. */
export function ReplyDigestEmail({ t, lang, name, replies, settingsUrl }: ReplyDigestProps) {
  const heading = t('email.heading', { count: replies.length })
  return (
    <EmailLayout lang={lang} preview={heading} footer={t('common:emails.footer')}>
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {heading}
      </Heading>
      <Text>{name ? t('common:emails.notice.greeting', { name }) : t('common:emails.notice.greetingNoName')}</Text>
      {replies.map((reply) => (
        <Section key={reply.url} style={{ borderLeft: '4px solid #d8d8d8', paddingLeft: '12px', marginBottom: '12px' }}>
          <Text style={{ fontWeight: 700, margin: '0 0 4px' }}>{t('email.replyFrom', { name: reply.authorName })}</Text>
          <Text style={{ margin: '0 0 4px' }}>{reply.excerpt}</Text>
          <Link href={reply.url}>{t('email.read')}</Link>
        </Section>
      ))}
      <Text style={{ fontSize: '14px' }}>
        {t('email.optOut')} <Link href={settingsUrl}>{settingsUrl}</Link>
      </Text>
    </EmailLayout>
  )
}
