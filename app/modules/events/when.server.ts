import { DateTime } from 'luxon'
import type { Language } from '~/platform/i18n/config'
import { allDayDates, formatLondon, londonParts, type Occurrence, ZONE } from './time'

/** One end of a session: the machine-readable value for `<time datetime>` and the words people read. */
export interface TimePoint {
  datetime: string
  text: string
}

/** When one session is, for a page: its start, its end (none for a one-day all-day event) and the whole phrase. */
export interface SessionTime {
  start: TimePoint
  end: TimePoint | null
  joiner: string
  text: string
}

const local = (instant: Date, language: Language) => DateTime.fromJSDate(instant, { zone: ZONE }).setLocale(language === 'gd' ? 'gd-GB' : 'en-GB')
// BST or GMT (TSB or GMT in Gaelic), from the locale's own time-zone names.
const zoneName = (instant: Date, language: Language) => local(instant, language).toFormat('ZZZZ')
const clockTime = (instant: Date, language: Language) => local(instant, language).toFormat(language === 'gd' ? 'HH:mm' : 'h:mma').replace('AM', 'am').replace('PM', 'pm')
/** 2027-06-15T18:00+01:00: London wall-clock time with its offset, so the repeated autumn hour is never in doubt. */
export const withOffset = (instant: Date) => DateTime.fromJSDate(instant, { zone: ZONE }).toISO({ suppressMilliseconds: true, suppressSeconds: true })!

/**
 * "15 June 2027 at 6:00pm to 8:30pm BST", "30 October 2027 at 10:00pm BST to 31 October 2027 at
 * 3:00am GMT", "27 March 2027 to 28 March 2027" (all day): always Scottish time, and saying which.
 */
export function sessionTime(event: { allDay: boolean }, occurrence: Occurrence, language: Language): SessionTime {
  const joiner = language === 'gd' ? 'gu' : 'to'
  if (event.allDay) {
    const days = allDayDates(occurrence)
    const start = { datetime: days.first, text: formatLondon(occurrence.startsAt, language, { time: false }) }
    const end = days.first === days.last ? null : { datetime: days.last, text: formatLondon(DateTime.fromISO(days.last, { zone: ZONE }).toJSDate(), language, { time: false }) }
    return { start, end, joiner, text: end ? `${start.text} ${joiner} ${end.text}` : start.text }
  }
  const { startsAt, endsAt } = occurrence
  const [startZone, endZone] = [zoneName(startsAt, language), zoneName(endsAt, language)]
  const sameDay = londonParts(startsAt).date === londonParts(endsAt).date
  const start = { datetime: withOffset(startsAt), text: startZone === endZone ? formatLondon(startsAt, language) : `${formatLondon(startsAt, language)} ${startZone}` }
  const end = { datetime: withOffset(endsAt), text: `${sameDay ? clockTime(endsAt, language) : formatLondon(endsAt, language)} ${endZone}` }
  return { start, end, joiner, text: `${start.text} ${joiner} ${end.text}` }
}

/** The same as one phrase, for feeds, embeds and emails. */
export const formatWhen = (event: { allDay: boolean }, occurrence: Occurrence, language: Language) => sessionTime(event, occurrence, language).text
