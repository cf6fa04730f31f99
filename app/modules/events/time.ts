import { createRequire } from 'node:module'
import { DateTime } from 'luxon'

// rrule ships CommonJS for Node: named ESM imports of it fail in the production server.
const { RRule } = createRequire(import.meta.url)('rrule') as typeof import('rrule')
import { londonInstant, ZONE } from '~/kernel/london-time'
import { isoDate, londonClock, shiftDate } from '~/platform/london-clock'

export { formatLondon, londonInstant, londonParts, ZONE } from '~/kernel/london-time'

export interface Timed {
  startsAt: Date
  endsAt: Date
  allDay: boolean
  rrule: string | null
  exdates: string[]
}

export interface Occurrence {
  startsAt: Date
  endsAt: Date
}

const MAX_OCCURRENCES = 200

// rrule works on naive dates: give it the London wall-clock time dressed as UTC, then read each
// result back as London time, so 18:00 stays 18:00 across the clock changes.
const asFloating = (instant: Date) => {
  const local = DateTime.fromJSDate(instant, { zone: ZONE })
  return new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute))
}
const earliest = (local: DateTime) => local.getPossibleOffsets().reduce((first, reading) => (reading.toMillis() < first.toMillis() ? reading : first), local)

// A repeat that lands in the hour the clocks go back is read as its first occurrence (BST), as
// RFC 5545 §3.3.5 has calendar apps read the same TZID time.
const fromFloating = (floating: Date) =>
  earliest(
    DateTime.fromObject(
      {
        year: floating.getUTCFullYear(),
        month: floating.getUTCMonth() + 1,
        day: floating.getUTCDate(),
        hour: floating.getUTCHours(),
        minute: floating.getUTCMinutes(),
      },
      { zone: ZONE },
    ),
  ).toJSDate()

const DAY_MS = 24 * 3600_000

/**
 * Every occurrence of the event (just the one when it does not repeat), exceptions left out; with
 * `until`, only the repeats that start before it (the same ones, so a view of one month need not
 * expand a whole series).
 */
export function occurrences(event: Timed, until?: Date): Occurrence[] {
  if (!event.rrule) return [{ startsAt: event.startsAt, endsAt: event.endsAt }]
  const length = event.endsAt.getTime() - event.startsAt.getTime()
  const dtstart = asFloating(event.startsAt)
  const rule = new RRule({ ...RRule.parseString(event.rrule), dtstart })
  const excluded = new Set(event.exdates.map((date) => new Date(date).getTime()))
  // Floating times are London wall-clock times dressed as UTC, an hour or so off the instants:
  // stop a day late, then cut exactly.
  const stop = until ? asFloating(until).getTime() + DAY_MS : Infinity
  return rule
    .all((date, index) => index < MAX_OCCURRENCES && date.getTime() < stop)
    // The first is the stored start itself, whichever reading of a repeated hour the organiser chose.
    .map((floating) => (floating.getTime() === dtstart.getTime() ? event.startsAt : fromFloating(floating)))
    .filter((start) => !excluded.has(start.getTime()) && (!until || start < until))
    .map((start) => ({ startsAt: start, endsAt: new Date(start.getTime() + length) }))
}

/** The first occurrence that has not ended yet, or null when the event is over. */
export function nextOccurrence(event: Timed, now = new Date()): Occurrence | null {
  return occurrences(event).find((occurrence) => occurrence.endsAt > now) ?? null
}

/**
 * The occurrence a booking holds a place on: its own date for a booking of one date of a repeating
 * event (null once that date is no longer scheduled), otherwise the event's next occurrence.
 */
export function bookedOccurrence(event: Timed, booking: { occurrenceStart: Date | null }, now = new Date()): Occurrence | null {
  if (!booking.occurrenceStart) return nextOccurrence(event, now)
  const start = booking.occurrenceStart.getTime()
  return occurrences(event).find((o) => o.startsAt.getTime() === start) ?? null
}

/** An occurrence's London calendar day, as in its URL and the booking form (2026-12-22). */
export const occurrenceDay = (startsAt: Date) => isoDate(londonClock(startsAt))

/** The scheduled occurrence on a London calendar day, or null. */
export function occurrenceOn(event: Timed, day: string): Occurrence | null {
  return occurrences(event).find((o) => occurrenceDay(o.startsAt) === day) ?? null
}

/** When the whole event (every occurrence) is over. */
export function lastEnd(event: Timed): Date {
  return occurrences(event).at(-1)?.endsAt ?? event.endsAt
}

export type Repeat = 'none' | 'weekly' | 'monthly'

/** The RRULE for a simple repeat: every week, or the same weekday of each month (e.g. 2nd Tuesday). */
export function repeatRule(repeat: Repeat, count: number, startsAt: Date): string | null {
  if (repeat === 'none') return null
  if (repeat === 'weekly') return `FREQ=WEEKLY;COUNT=${count}`
  const local = DateTime.fromJSDate(startsAt, { zone: ZONE })
  const nth = Math.ceil(local.day / 7)
  // The 5th weekday does not exist every month: call it the last one instead.
  const position = nth >= 5 ? -1 : nth
  const day = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'][local.weekday - 1]
  return `FREQ=MONTHLY;BYDAY=${day};BYSETPOS=${position};COUNT=${count}`
}

/** Which simple repeat a stored RRULE is, for the edit form. */
export function repeatOf(rrule: string | null): { repeat: Repeat; count: number } {
  if (!rrule) return { repeat: 'none', count: 1 }
  const count = Number(/COUNT=(\d+)/.exec(rrule)?.[1] ?? 1)
  return { repeat: rrule.includes('MONTHLY') ? 'monthly' : 'weekly', count }
}

/** Which reading of London's repeated autumn hour: BST (the first) or GMT (the second). */
export type Clock = 'BST' | 'GMT'

/**
 * The instants a London date and time can mean, earliest first: none in the hour the clocks skip
 * in spring, two in the hour they repeat in autumn, otherwise one.
 */
export function londonReadings(date: string, time: string): Date[] {
  const local = DateTime.fromISO(`${date}T${time}`, { zone: ZONE })
  if (!local.isValid) return []
  // Luxon moves a time in the spring gap forward; a time that does not round-trip did not exist.
  if (local.toFormat('yyyy-MM-dd') !== date || local.toFormat('HH:mm') !== time.slice(0, 5)) return []
  return local
    .getPossibleOffsets()
    .map((reading) => reading.toJSDate())
    .sort((a, b) => a.getTime() - b.getTime())
}

/** BST or GMT for an instant in the repeated autumn hour; null for every other instant. */
export function clockOf(instant: Date): Clock | null {
  const local = DateTime.fromJSDate(instant, { zone: ZONE })
  const readings = local.getPossibleOffsets()
  if (readings.length < 2) return null
  return local.offset === Math.max(...readings.map((reading) => reading.offset)) ? 'BST' : 'GMT'
}

/** An all-day span as instants: local midnight of the first day to local midnight after the last. */
export function allDaySpan(firstDay: string, lastDay: string) {
  const startsAt = londonInstant(firstDay, '00:00')
  const after = DateTime.fromISO(lastDay, { zone: ZONE }).plus({ days: 1 }).toFormat('yyyy-MM-dd')
  const endsAt = londonInstant(after, '00:00')
  return startsAt && endsAt ? { startsAt, endsAt } : null
}

/** The London dates an all-day event covers: its first day and its last (inclusive). */
export function allDayDates(event: Pick<Timed, 'startsAt' | 'endsAt'>) {
  return { first: isoDate(londonClock(event.startsAt)), last: isoDate(shiftDate(londonClock(event.endsAt), -1)) }
}
