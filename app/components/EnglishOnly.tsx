import type { ReactNode } from 'react'
import { useTranslation } from '~/platform/i18n/react'

/** Says, in the reader's language, that what follows has no Gaelic version yet (`short` in lists). */
export function EnglishOnlyNotice({ short = false }: { short?: boolean }) {
  const { t } = useTranslation('common')
  return (
    <p className="ds_hint-text guth-english-only">
      <strong>{t(short ? 'englishOnlyShort' : 'englishOnlyContent')}</strong>
    </p>
  )
}

/**
 * Content that may be English shown in the Gaelic interface (`lang="en"`): the notice first, then
 * the content marked as English so screen readers switch voice. Otherwise just the content.
 */
export function MaybeEnglishOnly({ lang, children }: { lang?: 'en'; children: ReactNode }) {
  if (lang !== 'en') return <>{children}</>
  return (
    <>
      <EnglishOnlyNotice />
      <div lang="en">{children}</div>
    </>
  )
}
