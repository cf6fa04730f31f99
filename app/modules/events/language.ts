import type { Language } from '~/platform/i18n/config'

type Doc = Record<string, unknown>

/** The parts of an event that have a Gaelic version. */
export interface EventTexts {
  title: string
  summary?: string | null
  description?: Doc | null
  titleGd?: string | null
  summaryGd?: string | null
  descriptionGd?: Doc | null
}

// 'en' marks English shown in the Gaelic interface (no Gaelic version), so the page can say so
// and screen readers switch voice; undefined means the text is in the reader's language.
export type EnglishMark = 'en' | undefined

const hasText = (doc: Doc | null | undefined): doc is Doc => !!doc && JSON.stringify(doc).includes('"text":"')
const present = (text: string | null | undefined): text is string => !!text?.trim()

function pick<T>(english: T, gaelic: T | null | undefined, has: boolean, language: Language): { value: T; lang: EnglishMark } {
  if (language !== 'gd' || !has) return { value: english, lang: language === 'gd' ? 'en' : undefined }
  return { value: gaelic as T, lang: undefined }
}

/** An event's title in the reader's language: the Gaelic one when asked for and written. */
export function eventTitle(event: { title: string; titleGd?: string | null }, language: Language) {
  return language === 'gd' && present(event.titleGd) ? event.titleGd : event.title
}

/** An event's title, summary and description in the reader's language, English (marked 'en') where there is no Gaelic. */
export function eventInLanguage(event: EventTexts, language: Language) {
  const title = pick(event.title, event.titleGd, present(event.titleGd), language)
  const summary = pick(event.summary ?? '', event.summaryGd, present(event.summaryGd), language)
  const description = pick(event.description ?? null, event.descriptionGd, hasText(event.descriptionGd), language)
  return {
    title: title.value,
    summary: summary.value,
    description: description.value,
    lang: { title: title.lang, summary: summary.lang, description: description.value ? description.lang : undefined },
  }
}

/** A programme's name and description in the reader's language, English (marked 'en') where there is no Gaelic. */
export function programmeInLanguage(programme: { name: string; description: string | null; nameGd?: string | null; descriptionGd?: string | null }, language: Language) {
  const name = pick(programme.name, programme.nameGd, present(programme.nameGd), language)
  const description = pick(programme.description, programme.descriptionGd, present(programme.descriptionGd), language)
  return {
    name: name.value,
    description: description.value,
    lang: { name: name.lang, description: description.value ? description.lang : undefined },
  }
}

/** 'en' when the Gaelic interface has no Gaelic version of a text to show. */
export const englishOnly = (gaelic: string | null | undefined, language: Language): EnglishMark => (language === 'gd' && !present(gaelic) ? 'en' : undefined)
