import type { Translated } from '~/modules/consultations/schema'

/**
 * A question's words (prompt, option label) in the reader's language. Where English stands in for
 * a missing Gaelic version, `lang` is 'en' so the page can mark it for screen readers. Isomorphic.
 */
export function wordsIn(text: Translated | null | undefined, language: string): { text: string; lang?: 'en' } {
  if (!text) return { text: '' }
  if (language === 'gd' && text.gd?.trim()) return { text: text.gd }
  return language === 'en' ? { text: text.en } : { text: text.en, lang: 'en' }
}

/** A prompt as stored in a report or page: the words, and `promptLang: 'en'` when they stand in for Gaelic. */
export function promptIn(text: Translated | null | undefined, language: string): { prompt: string; promptLang?: 'en' } {
  const words = wordsIn(text, language)
  return words.lang ? { prompt: words.text, promptLang: words.lang } : { prompt: words.text }
}
