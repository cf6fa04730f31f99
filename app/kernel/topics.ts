import type { TFunction } from 'i18next'

/**
 * How a topic reads on screen. Topics are stored lower case so that filters match whatever case
 * organisers typed; known ones have a name in each language ("BSL"), others get a capital letter.
 */
export function topicLabel(t: TFunction, tag: string) {
  const key = tag.trim().toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '_')
  return t(`events:topics.${key}`, { defaultValue: tag.charAt(0).toLocaleUpperCase() + tag.slice(1) })
}
