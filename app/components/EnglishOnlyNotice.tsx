import type { ReactNode } from 'react'
import { useTranslation } from '~/platform/i18n/react'

/** Says, in the reader's language, that the content it introduces is only available in English. */
export function EnglishOnlyNotice({ id }: { id?: string }) {
  const { t } = useTranslation('common')
  return (
    <p className="ds_hint-text guth-english-only" id={id}>
      {t('englishOnlyContent')}
    </p>
  )
}

/**
 * Words shown in the reader's language, or English standing in for them: then marked `lang="en"`
 * so screen readers switch voice. Short texts (a question, an option) need no visible notice.
 */
export function LocalWords({ text, lang }: { text: string; lang?: 'en' }) {
  return lang ? <span lang={lang}>{text}</span> : <>{text}</>
}

/** Longer content that may be English in another interface language: the notice first, then the content marked as English. */
export function MaybeEnglishOnlyContent({ lang, children }: { lang?: 'en'; children: ReactNode }) {
  if (!lang) return <>{children}</>
  return (
    <>
      <EnglishOnlyNotice />
      <div lang={lang}>{children}</div>
    </>
  )
}
