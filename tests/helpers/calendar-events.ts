import { randomUUID } from 'node:crypto'
import type { CalendarEvent } from '~/modules/events/calendar.server'

/** An event as the calendar code sees it, without a database: a published, bookable, in-person event unless told otherwise. */
export function calendarEvent(fields: Partial<CalendarEvent> & { title: string }): CalendarEvent {
  return {
    id: randomUUID(),
    slug: fields.title.toLowerCase().replace(/\W+/g, '-'),
    summary: `About ${fields.title}`,
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
