/** Words stored in English and, where someone wrote one, Gaelic. */
export type Translated = { en: string; gd?: string }

/** Text in the reader's language, and `lang: 'en'` when English stands in for a missing Gaelic version. */
export interface LocalText {
  text: string
  lang?: 'en'
}

/** The words in the reader's language, marked `lang: 'en'` (for screen readers) where English stands in. Isomorphic. */
export function inLanguage(text: Translated | null | undefined, language: string): LocalText {
  if (!text) return { text: '' }
  if (language === 'gd' && text.gd?.trim()) return { text: text.gd }
  return language === 'en' ? { text: text.en } : { text: text.en, lang: 'en' }
}

/** The words in the reader's language, English where there is no Gaelic version. */
export function translate(text: Translated | null | undefined, language: string) {
  if (!text) return ''
  return (language === 'gd' && text.gd) || text.en
}
