import { inLanguage, type Translated } from '~/kernel/translated'

/** A question's words (prompt, option label) in the reader's language; see inLanguage. */
export const wordsIn = inLanguage

/** A prompt as stored in a report or page: the words, and `promptLang: 'en'` when they stand in for Gaelic. */
export function promptIn(text: Translated | null | undefined, language: string): { prompt: string; promptLang?: 'en' } {
  const words = wordsIn(text, language)
  return words.lang ? { prompt: words.text, promptLang: words.lang } : { prompt: words.text }
}
