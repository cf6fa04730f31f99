import { Heading, Section, Text } from '@react-email/components'
import type { TFunction } from 'i18next'
import { EmailLayout } from './layout'

export interface ReceiptProps {
  t: TFunction
  lang: string
  title: string
  reference: string
  items: { question: string; answer: string | null }[]
  notAnswered: string
  /** The BSL videos received, one line each. */
  videos?: string[]
}

/** The receipt: the reference and a full copy of what the person sent. */
export function ResponseReceiptEmail({ t, lang, title, reference, items, notAnswered, videos = [] }: ReceiptProps) {
  return (
    <EmailLayout lang={lang} preview={t('emails.receiptIntro', { title, reference })} footer={t('common:emails.footer')}>
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {t('emails.receiptHeading')}
      </Heading>
      <Text>{t('emails.receiptIntro', { title, reference })}</Text>
      <Text>{t('emails.receiptCopy')}</Text>
      {items.map((item, index) => (
        <Section key={index}>
          <Text style={{ fontWeight: 700, marginBottom: 0 }}>{item.question}</Text>
          <Text style={{ marginTop: '4px', whiteSpace: 'pre-wrap' }}>{item.answer ?? notAnswered}</Text>
        </Section>
      ))}
      {videos.length ? (
        <Section>
          <Text style={{ fontWeight: 700, marginBottom: 0 }}>{t('bsl:check.videosHeading')}</Text>
          {videos.map((line) => (
            <Text key={line} style={{ marginTop: '4px' }}>
              {line}
            </Text>
          ))}
        </Section>
      ) : null}
    </EmailLayout>
  )
}
