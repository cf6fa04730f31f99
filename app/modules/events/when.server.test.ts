import { DateTime } from 'luxon'
import { describe, expect, test } from 'vitest'
import { formatLondon, londonParts, ZONE } from '~/kernel/london-time'
import type { Language } from '~/platform/i18n/config'
import { allDayDates, allDaySpan, type Occurrence, occurrenceDay } from './time'
import { formatWhen, sessionTime, withOffset } from './when.server'

// The formatters work London time out from the clock-change rules instead of asking the time-zone
// database per instant. Luxon, which asks it, is the reference: the words and values must not change.

const local = (instant: Date, language: Language) => DateTime.fromJSDate(instant, { zone: ZONE }).setLocale(language === 'gd' ? 'gd-GB' : 'en-GB')
const reference = {
  withOffset: (instant: Date) => DateTime.fromJSDate(instant, { zone: ZONE }).toISO({ suppressMilliseconds: true, suppressSeconds: true })!,
  allDayDates: (event: Occurrence) => ({
    first: londonParts(event.startsAt).date,
    last: DateTime.fromJSDate(event.endsAt, { zone: ZONE }).minus({ days: 1 }).toFormat('yyyy-MM-dd'),
  }),
  sessionTime(event: { allDay: boolean }, occurrence: Occurrence, language: Language) {
    const zoneName = (instant: Date) => local(instant, language).toFormat('ZZZZ')
    const clockTime = (instant: Date) => local(instant, language).toFormat(language === 'gd' ? 'HH:mm' : 'h:mma').replace('AM', 'am').replace('PM', 'pm')
    const joiner = language === 'gd' ? 'gu' : 'to'
    if (event.allDay) {
      const days = reference.allDayDates(occurrence)
      const start = { datetime: days.first, text: formatLondon(occurrence.startsAt, language, { time: false }) }
      const end = days.first === days.last ? null : { datetime: days.last, text: formatLondon(DateTime.fromISO(days.last, { zone: ZONE }).toJSDate(), language, { time: false }) }
      return { start, end, joiner, text: end ? `${start.text} ${joiner} ${end.text}` : start.text }
    }
    const { startsAt, endsAt } = occurrence
    const [startZone, endZone] = [zoneName(startsAt), zoneName(endsAt)]
    const sameDay = londonParts(startsAt).date === londonParts(endsAt).date
    const start = { datetime: reference.withOffset(startsAt), text: startZone === endZone ? formatLondon(startsAt, language) : `${formatLondon(startsAt, language)} ${startZone}` }
    const end = { datetime: reference.withOffset(endsAt), text: `${sameDay ? clockTime(endsAt) : formatLondon(endsAt, language)} ${endZone}` }
    return { start, end, joiner, text: `${start.text} ${joiner} ${end.text}` }
  },
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const languages: Language[] = ['en', 'gd']
const utc = (text: string) => new Date(`${text}Z`)

// Every 13 hours 7 minutes through 2026–2030 (thousands of instants, at every hour of the day),
// and every 15 minutes through each change day, the repeated autumn hour included.
const changeDays = ['2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31', '2028-03-26', '2028-10-29', '2029-03-25', '2029-10-28', '2030-03-31', '2030-10-27']
const instants: Date[] = []
for (let time = utc('2026-01-01T00:00:00').getTime(); time < utc('2031-01-01T00:00:00').getTime(); time += 13 * HOUR + 7 * MINUTE) instants.push(new Date(time))
for (const day of changeDays) {
  const midnight = utc(`${day}T00:00:00`).getTime()
  for (let time = midnight - 2 * HOUR; time <= midnight + 26 * HOUR; time += 15 * MINUTE) instants.push(new Date(time))
}
// Sessions of each length in turn: the same day, across a clock change, into the next days.
const lengths = [0, 30 * MINUTE, 90 * MINUTE, 150 * MINUTE, 5 * HOUR, 26 * HOUR, 3 * 24 * HOUR]

describe('London times read as luxon wrote them', () => {
  test('sessions of every length from thousands of starts, in English and Gaelic', () => {
    let compared = 0
    for (const [n, startsAt] of instants.entries()) {
      const occurrence = { startsAt, endsAt: new Date(startsAt.getTime() + lengths[n % lengths.length]!) }
      for (const language of languages) {
        const expected = reference.sessionTime({ allDay: false }, occurrence, language)
        const actual = sessionTime({ allDay: false }, occurrence, language)
        if (JSON.stringify(actual) !== JSON.stringify(expected)) expect({ occurrence, language, actual }).toEqual({ occurrence, language, actual: expected })
        compared++
      }
    }
    expect(compared).toBeGreaterThan(8_000)
  })

  test('the repeated autumn hour says BST the first time and GMT the second', () => {
    // 01:30 on 31 October 2027 happens twice: 00:30 UTC (BST) and 01:30 UTC (GMT).
    const first = { startsAt: utc('2027-10-31T00:30:00'), endsAt: utc('2027-10-31T01:30:00') }
    expect(sessionTime({ allDay: false }, first, 'en')).toEqual({
      start: { datetime: '2027-10-31T01:30+01:00', text: '31 October 2027 at 1:30am BST' },
      end: { datetime: '2027-10-31T01:30+00:00', text: '1:30am GMT' },
      joiner: 'to',
      text: '31 October 2027 at 1:30am BST to 1:30am GMT',
    })
    expect(formatWhen({ allDay: false }, first, 'gd')).toBe(reference.sessionTime({ allDay: false }, first, 'gd').text)
  })

  test('all-day and multi-day events, across the clock changes', () => {
    const firstDays: string[] = []
    for (let time = utc('2026-01-01T12:00:00').getTime(); time < utc('2031-01-01T00:00:00').getTime(); time += 3 * 24 * HOUR + HOUR) firstDays.push(londonParts(new Date(time)).date)
    for (const day of changeDays) firstDays.push(day, DateTime.fromISO(day).minus({ days: 1 }).toISODate()!)
    for (const firstDay of firstDays) {
      for (const days of [1, 2, 7]) {
        const span = allDaySpan(firstDay, DateTime.fromISO(firstDay).plus({ days: days - 1 }).toISODate()!)!
        expect(allDayDates(span)).toEqual(reference.allDayDates(span))
        for (const language of languages) expect(sessionTime({ allDay: true }, span, language)).toEqual(reference.sessionTime({ allDay: true }, span, language))
      }
    }
  })

  test('machine-readable times keep seconds and milliseconds when there are any, and name the day in London', () => {
    const odd = [utc('2027-06-15T17:00:30'), utc('2027-06-15T17:00:00.250'), utc('2027-12-31T23:59:59.999'), utc('2028-03-26T00:59:59'), utc('2028-03-26T01:00:00')]
    for (const instant of [...odd, ...instants]) {
      expect(withOffset(instant)).toBe(reference.withOffset(instant))
      expect(occurrenceDay(instant)).toBe(londonParts(instant).date)
    }
  })

  test('times before the present rules (1996) still read as the time-zone database has them', () => {
    // 1970 kept British Standard Time (UTC+1) all winter; 1990 changed clocks on other Sundays.
    for (const text of ['1970-01-15T12:00:00', '1990-03-25T00:30:00', '1990-10-28T00:30:00', '1995-10-22T12:00:00']) {
      const occurrence = { startsAt: utc(text), endsAt: new Date(utc(text).getTime() + 2 * HOUR) }
      for (const language of languages) expect(sessionTime({ allDay: false }, occurrence, language)).toEqual(reference.sessionTime({ allDay: false }, occurrence, language))
    }
  })
})
