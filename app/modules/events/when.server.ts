import type { Language } from '~/platform/i18n/config'
import { isoDate, type LondonClock, londonClock, pad, shiftDate } from '~/platform/london-clock'
import type { Occurrence } from './time'

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

// Words from the locales' own data, looked up once: month names as a date writes them ("d MMMM"),
// and the zone's names, BST or GMT (TSB or GMT in Gaelic). Times are arithmetic on London clocks.
const locales: Record<Language, string> = { en: 'en-GB', gd: 'gd-GB' }
const partOf = (format: Intl.DateTimeFormat, instant: number, type: string) => format.formatToParts(instant).find((part) => part.type.toLowerCase() === type)?.value ?? ''
const zoneFormat = (language: Language) =>
  new Intl.DateTimeFormat(locales[language], { timeZoneName: 'short', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' })
const words = Object.fromEntries(
  (Object.keys(locales) as Language[]).map((language) => {
    const monthFormat = new Intl.DateTimeFormat(locales[language], { month: 'long', day: 'numeric', timeZone: 'UTC' })
    const zones = zoneFormat(language)
    return [
      language,
      {
        months: Array.from({ length: 12 }, (_, month) => partOf(monthFormat, Date.UTC(2026, month, 15), 'month')),
        summer: partOf(zones, Date.UTC(2026, 6, 1), 'timezonename'),
        winter: partOf(zones, Date.UTC(2026, 0, 1), 'timezonename'),
        zones,
      },
    ]
  }),
) as Record<Language, { months: string[]; summer: string; winter: string; zones: Intl.DateTimeFormat }>

type Day = Pick<LondonClock, 'year' | 'month' | 'day'>

/** "15 June 2027" */
const formatDate = (day: Day, language: Language) => `${day.day} ${words[language].months[day.month - 1]} ${pad(day.year, 4)}`
/** "6:00pm", or "18:00" in Gaelic */
const clockTime = (clock: LondonClock, language: Language) =>
  language === 'gd' ? `${pad(clock.hour)}:${pad(clock.minute)}` : `${clock.hour % 12 || 12}:${pad(clock.minute)}${clock.hour < 12 ? 'am' : 'pm'}`
/** "15 June 2027 at 6:00pm", "15 June 2027 aig 18:00": as formatLondon writes it. */
const formatDateTime = (clock: LondonClock, language: Language) => `${formatDate(clock, language)} ${language === 'gd' ? 'aig' : 'at'} ${clockTime(clock, language)}`
const zoneName = (clock: LondonClock, instant: Date, language: Language) => {
  const names = words[language]
  if (clock.year < 1996) return partOf(names.zones, instant.getTime(), 'timezonename')
  return clock.offset === 60 ? names.summer : names.winter
}

function offsetText(clock: LondonClock) {
  const minutes = Math.abs(clock.offset)
  return `${clock.offset < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
}

function isoWithOffset(clock: LondonClock) {
  const seconds = clock.second || clock.millisecond ? `:${pad(clock.second)}${clock.millisecond ? `.${pad(clock.millisecond, 3)}` : ''}` : ''
  return `${isoDate(clock)}T${pad(clock.hour)}:${pad(clock.minute)}${seconds}${offsetText(clock)}`
}

/** 2027-06-15T18:00+01:00: London wall-clock time with its offset, so the repeated autumn hour is never in doubt. */
export const withOffset = (instant: Date) => isoWithOffset(londonClock(instant))

/**
 * "15 June 2027 at 6:00pm to 8:30pm BST", "30 October 2027 at 10:00pm BST to 31 October 2027 at
 * 3:00am GMT", "27 March 2027 to 28 March 2027" (all day): always Scottish time, and saying which.
 */
export function sessionTime(event: { allDay: boolean }, occurrence: Occurrence, language: Language): SessionTime {
  const joiner = language === 'gd' ? 'gu' : 'to'
  const starts = londonClock(occurrence.startsAt)
  if (event.allDay) {
    // The last day is the one before the end's London date (the end is midnight after it).
    const last = shiftDate(londonClock(occurrence.endsAt), -1)
    const [first, lastText] = [isoDate(starts), isoDate(last)]
    const start = { datetime: first, text: formatDate(starts, language) }
    const end = first === lastText ? null : { datetime: lastText, text: formatDate(last, language) }
    return { start, end, joiner, text: end ? `${start.text} ${joiner} ${end.text}` : start.text }
  }
  const ends = londonClock(occurrence.endsAt)
  const [startZone, endZone] = [zoneName(starts, occurrence.startsAt, language), zoneName(ends, occurrence.endsAt, language)]
  const sameDay = starts.year === ends.year && starts.month === ends.month && starts.day === ends.day
  const start = { datetime: isoWithOffset(starts), text: startZone === endZone ? formatDateTime(starts, language) : `${formatDateTime(starts, language)} ${startZone}` }
  const end = { datetime: isoWithOffset(ends), text: `${sameDay ? clockTime(ends, language) : formatDateTime(ends, language)} ${endZone}` }
  return { start, end, joiner, text: `${start.text} ${joiner} ${end.text}` }
}

/** The same as one phrase, for feeds, embeds and emails. */
export const formatWhen = (event: { allDay: boolean }, occurrence: Occurrence, language: Language) => sessionTime(event, occurrence, language).text
