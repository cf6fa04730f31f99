import ical, { ICalCalendarMethod, type ICalEventData, ICalEventStatus } from 'ical-generator'
import { DateTime } from 'luxon'
import { getEnv } from '~/platform/env.server'
import type { events } from './schema'
import { clockOf, type Occurrence, ZONE } from './time'

export type CalendarEvent = Omit<typeof events.$inferSelect, 'description'> & { organisationName: string }

// Europe/London since 1996: BST from 01:00 UTC on the last Sunday of March to 01:00 UTC on the
// last Sunday of October. Written out so every client sees the same rules whatever its own tz data.
export const LONDON_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/London',
  'X-LIC-LOCATION:Europe/London',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19700329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19701025T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n')

const vtimezone = (zone: string) => (zone === ZONE ? LONDON_VTIMEZONE : null)

// Feeds are polled; ask clients to come back hourly (REFRESH-INTERVAL and X-PUBLISHED-TTL).
const FEED_TTL_SECONDS = 3600

export const eventUrl = (event: Pick<CalendarEvent, 'slug'>) => `${getEnv().PUBLIC_URL}/events/${event.slug}`

/** Never random: the same event keeps its UID in every feed and email, so calendars update it. */
export const eventUid = (event: Pick<CalendarEvent, 'id'>) => `${event.id}@${new URL(getEnv().PUBLIC_URL).hostname}`

export function eventLocation(event: Pick<CalendarEvent, 'mode' | 'venue' | 'address'>) {
  const place = [event.venue, event.address].filter(Boolean).join(', ')
  if (event.mode === 'online') return 'Online'
  return event.mode === 'hybrid' ? `${place} (and online)` : place
}

const organiserAddress = () => /<([^>]+)>/.exec(getEnv().MAIL_FROM)?.[1] ?? getEnv().MAIL_FROM

// ical-generator stops at END:VCALENDAR; RFC 5545 ends every content line with CRLF, the last one too.
const withFinalCrlf = (text: string) => (text.endsWith('\r\n') ? text : `${text}\r\n`)

export const utcStamp = (instant: Date) => instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')

// A TZID time in the hour the clocks go back should mean its first occurrence (RFC 5545 §3.3.5),
// but ical.js and node-ical read the second. A one-off event that starts or ends in that hour is
// written in UTC, so every client agrees. (The event form keeps repeating events out of that hour.)
const writtenInUtc = (event: CalendarEvent) => !event.allDay && !event.rrule && (clockOf(event.startsAt) !== null || clockOf(event.endsAt) !== null)

function repeatLines(event: CalendarEvent) {
  if (!event.rrule) return null
  const lines = [`RRULE:${event.rrule}`]
  if (event.exdates.length) {
    const dates = event.exdates.map((at) => DateTime.fromISO(at, { zone: ZONE }))
    lines.push(
      event.allDay
        ? `EXDATE;VALUE=DATE:${dates.map((d) => d.toFormat('yyyyLLdd')).join(',')}`
        : `EXDATE;TZID=${ZONE}:${dates.map((d) => d.toFormat("yyyyLLdd'T'HHmmss")).join(',')}`,
    )
  }
  return lines.join('\r\n')
}

function eventData(event: CalendarEvent, options: { withJoiningLink: boolean; occurrence?: Occurrence | null }): ICalEventData {
  const url = eventUrl(event)
  const utc = writtenInUtc(event)
  const zoned = (instant: Date) => (utc ? instant : DateTime.fromJSDate(instant, { zone: event.timeZone }))
  const joining = options.withJoiningLink && event.onlineUrl ? `\n\nJoin online: ${event.onlineUrl}` : ''
  const single = event.rrule && options.occurrence ? options.occurrence : null
  return {
    id: eventUid(event),
    sequence: event.sequence,
    stamp: event.updatedAt,
    lastModified: event.updatedAt,
    created: event.createdAt,
    ...(single
      ? // One date of a series: that instance, named by RECURRENCE-ID (RFC 5545 §3.8.4.4), no RRULE.
        { start: zoned(single.startsAt), end: zoned(single.endsAt), recurrenceId: zoned(single.startsAt), repeating: null }
      : { start: zoned(event.startsAt), end: zoned(event.endsAt), repeating: repeatLines(event) }),
    allDay: event.allDay,
    timezone: event.allDay || utc ? null : event.timeZone,
    summary: event.title,
    description: `${event.summary}${joining}\n\n${url}`,
    location: eventLocation(event) || null,
    url,
    organizer: { name: event.organisationName, email: organiserAddress() },
    categories: event.tags.map((name) => ({ name })),
    status: event.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  }
}

/** A subscribable feed (all events, an organisation's, a tag's, a programme's, or one event). */
export function renderFeed(name: string, list: CalendarEvent[]) {
  const calendar = ical({
    name,
    prodId: { company: 'Guth', product: 'events', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone: ical-generator would then write DTSTAMP in local time, which must be UTC.
    timezone: { name: null, generator: vtimezone },
    ttl: FEED_TTL_SECONDS,
    url: `${getEnv().PUBLIC_URL}/events`,
  })
  for (const event of list) calendar.createEvent(eventData(event, { withJoiningLink: false }))
  return withFinalCrlf(calendar.toString())
}

export type InvitationMethod = 'PUBLISH' | 'CANCEL'

/**
 * The calendar part of a booking email (decision 012). Guth publishes events, it does not invite:
 * no ATTENDEE, nothing to accept or decline, since no reply would reach anyone. A booking, change
 * or reminder is a PUBLISH; a cancellation a CANCEL (RFC 5546 §3.2.5: same UID, a higher SEQUENCE,
 * STATUS:CANCELLED), which Outlook and Gmail act on where they ignore a cancelled PUBLISH.
 */
export function renderInvitation(event: CalendarEvent, method: InvitationMethod, sequence = event.sequence, occurrence: Occurrence | null = null) {
  const calendar = ical({
    prodId: { company: 'Guth', product: 'events', language: 'EN' },
    method: method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone: ical-generator would then write DTSTAMP in local time, which must be UTC.
    timezone: { name: null, generator: vtimezone },
  })
  const cancel = method === 'CANCEL'
  calendar.createEvent({ ...eventData(cancel ? { ...event, status: 'cancelled' } : event, { withJoiningLink: !cancel, occurrence }), sequence })
  return withFinalCrlf(calendar.toString())
}
