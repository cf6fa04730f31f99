import ical, { ICalCalendarMethod, type ICalEventData, ICalEventStatus } from 'ical-generator'
import { DateTime } from 'luxon'
import { getEnv } from '~/platform/env.server'
import type { events } from './schema'
import { allDayDates, occurrences, ZONE } from './time'

export type CalendarEvent = Omit<typeof events.$inferSelect, 'description'> & { organisationName: string }

// Europe/London since 1996: BST from 01:00 UTC on the last Sunday of March to 01:00 UTC on the
// last Sunday of October. Written out so every client sees the same rules whatever its own tz data.
const LONDON_VTIMEZONE = [
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

function eventData(event: CalendarEvent, options: { withJoiningLink: boolean }): ICalEventData {
  const url = eventUrl(event)
  const zoned = (instant: Date) => DateTime.fromJSDate(instant, { zone: event.timeZone })
  const joining = options.withJoiningLink && event.onlineUrl ? `\n\nJoin online: ${event.onlineUrl}` : ''
  return {
    id: eventUid(event),
    sequence: event.sequence,
    stamp: event.updatedAt,
    lastModified: event.updatedAt,
    created: event.createdAt,
    start: zoned(event.startsAt),
    end: zoned(event.endsAt),
    allDay: event.allDay,
    timezone: event.allDay ? null : event.timeZone,
    repeating: repeatLines(event),
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
  return calendar.toString()
}

export type InvitationMethod = 'PUBLISH' | 'CANCEL'

/**
 * The calendar part of a booking email. Guth does not read replies, so bookings and changes go as
 * PUBLISH; cancellations as CANCEL (Outlook ignores STATUS:CANCELLED without METHOD:CANCEL).
 */
export function renderInvitation(event: CalendarEvent, attendee: { name: string; email: string }, method: InvitationMethod) {
  const calendar = ical({
    prodId: { company: 'Guth', product: 'events', language: 'EN' },
    method: method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone: ical-generator would then write DTSTAMP in local time, which must be UTC.
    timezone: { name: null, generator: vtimezone },
  })
  const data = eventData(method === 'CANCEL' ? { ...event, status: 'cancelled' } : event, { withJoiningLink: method === 'PUBLISH' })
  calendar.createEvent({ ...data, attendees: [{ name: attendee.name, email: attendee.email }] })
  return calendar.toString()
}

const compact = (instant: Date) => instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')

/** "Add to Google Calendar" for the event's first occurrence (and its repeats). */
export function googleCalendarLink(event: CalendarEvent) {
  const first = occurrences(event)[0] ?? event
  const days = allDayDates(first)
  const next = DateTime.fromISO(days.last).plus({ days: 1 }).toFormat('yyyyLLdd')
  const dates = event.allDay ? `${days.first.replace(/-/g, '')}/${next}` : `${compact(first.startsAt)}/${compact(first.endsAt)}`
  const params = new URLSearchParams({ action: 'TEMPLATE', text: event.title, dates, details: `${event.summary}\n\n${eventUrl(event)}`, location: eventLocation(event), ctz: ZONE })
  if (event.rrule) params.set('recur', `RRULE:${event.rrule}`)
  return `https://calendar.google.com/calendar/render?${params}`
}

/** "Add to Outlook" (Outlook on the web) for the event's next occurrence. */
export function outlookLink(event: CalendarEvent) {
  const first = occurrences(event)[0] ?? event
  const params = new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: event.title,
    startdt: first.startsAt.toISOString(),
    enddt: first.endsAt.toISOString(),
    allday: String(event.allDay),
    body: `${event.summary}\n\n${eventUrl(event)}`,
    location: eventLocation(event),
  })
  return `https://outlook.live.com/calendar/0/action/compose?${params}`
}

/** The same feed address for subscribing: https for browsers, webcal to open a calendar app. */
export function feedUrls(path: string) {
  const https = `${getEnv().PUBLIC_URL}${path}`
  return { https, webcal: https.replace(/^https?:/, 'webcal:') }
}
