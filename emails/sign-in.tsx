import { Heading, Link, Text } from '@react-email/components'
import type { TFunction } from 'i18next'
import { EmailLayout } from './layout'

/** The sign-in email: a six-digit code to type, or a link to follow, both valid for 10 minutes. */
export function SignInEmail({ t, lang, code, link }: { t: TFunction; lang: string; code: string; link: string }) {
  return (
    <EmailLayout lang={lang} preview={t('email.preview', { code })} footer={t('email.footer')}>
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {t('email.heading')}
      </Heading>
      <Text>{t('email.codeIntro')}</Text>
      <Text style={{ fontSize: '32px', fontWeight: 700, letterSpacing: '6px' }}>{code}</Text>
      <Text>{t('email.linkIntro')}</Text>
      <Text>
        <Link href={link}>{link}</Link>
      </Text>
      <Text>{t('email.expiry')}</Text>
      <Text>{t('email.notYou')}</Text>
    </EmailLayout>
  )
}
