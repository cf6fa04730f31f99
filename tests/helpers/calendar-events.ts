import { randomUUID } from 'node:crypto'
import ICAL from 'ical.js'
import { DateTime } from 'luxon'
import { type CalendarEvent, LONDON_VTIMEZONE } from '~/modules/events/calendar.server'

/** An event as the calendar code sees it, without a database: a published, bookable, in-person event unless told otherwise. */
export function calendarEvent(fields: Partial<CalendarEvent> & { title: string }): CalendarEvent {
  return {
    id: randomUUID(),
    slug: fields.title.toLowerCase().replace(/\W+/g, '-'),
    summary: `About ${fields.title}`,
    titleGd: null,
    summaryGd: null,
    descriptionGd: null,
    organisationId: '00000000-0000-4000-8000-000000000001',
    organisationName: 'Scottish OGP Civil Society Network',
    programmeId: null,
    consultationId: null,
    startsAt: new Date(0),
    endsAt: new Date(0),
    timeZone: 'Europe/London',
    allDay: false,
    rrule: null,
    exdates: [],
    mode: 'in_person',
    venue: 'Inverness Town House',
    address: 'High Street, Inverness IV1 1JJ',
    onlineUrl: 'https://meet.example.org/og',
    accessibility: ['bsl'],
    accessibilityNotes: null,
    capacity: 30,
    bookingRequired: true,
    tags: ['open government'],
    status: 'published',
    sequence: 2,
    returnedReason: null,
    cancelledReason: null,
    submittedAt: null,
    publishedAt: null,
    cancelledAt: null,
    createdBy: null,
    createdAt: new Date('2027-01-01T10:00:00Z'),
    updatedAt: new Date('2027-01-05T10:00:00Z'),
    ...fields,
  }
}

/**
 * What Google would add from a template link: its dates in its `ctz` zone (so repeats keep their
 * local time, as Google's do) and its `recur` lines, expanded by ical.js.
 */
export function googleSessions(link: string) {
  const params = new URL(link).searchParams
  const [start, end] = params.get('dates')!.split('/') as [string, string]
  const allDay = !start.includes('T')
  const zone = params.get('ctz')!
  const local = (utc: string) => DateTime.fromFormat(utc, "yyyyLLdd'T'HHmmss'Z'", { zone: 'utc' }).setZone(zone).toFormat("yyyyLLdd'T'HHmmss")
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', LONDON_VTIMEZONE, 'BEGIN:VEVENT', 'UID:x', 'DTSTAMP:20270101T000000Z']
  lines.push(allDay ? `DTSTART;VALUE=DATE:${start}` : `DTSTART;TZID=${zone}:${local(start)}`, allDay ? `DTEND;VALUE=DATE:${end}` : `DTEND;TZID=${zone}:${local(end)}`)
  lines.push(...(params.get('recur')?.split('\n') ?? []), 'END:VEVENT', 'END:VCALENDAR')
  const calendar = new ICAL.Component(ICAL.parse(lines.join('\r\n')))
  ICAL.TimezoneService.register(new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!))
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!)
  const starts: string[] = []
  const iterator = event.iterator()
  for (let next = iterator.next(); next && starts.length < 60; next = iterator.next()) starts.push(allDay ? next.toString() : next.toJSDate().toISOString())
  return starts
}
