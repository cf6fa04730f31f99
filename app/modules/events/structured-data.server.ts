import { getEnv } from '~/platform/env.server'
import { eventUrl } from './calendar.server'
import type { EventMode } from './forms'
import { allDayDates, type Occurrence } from './time'
import { withOffset } from './when.server'

interface Described {
  slug: string
  title: string
  summary: string
  allDay: boolean
  mode: EventMode
  venue: string | null
  address: string | null
  status: string
  organisationName: string
  organisationSlug: string
}

const ATTENDANCE: Record<EventMode, string> = {
  in_person: 'https://schema.org/OfflineEventAttendanceMode',
  online: 'https://schema.org/OnlineEventAttendanceMode',
  hybrid: 'https://schema.org/MixedEventAttendanceMode',
}

function location(event: Described) {
  const place = {
    '@type': 'Place',
    name: event.venue ?? undefined,
    ...(event.address ? { address: { '@type': 'PostalAddress', streetAddress: event.address, addressCountry: 'GB' } } : {}),
  }
  // The event page, not the joining link: that goes only to people with a confirmed place.
  const online = { '@type': 'VirtualLocation', url: eventUrl(event) }
  return event.mode === 'in_person' ? place : event.mode === 'online' ? online : [place, online]
}

/**
 * schema.org Event JSON-LD for an event's page: one Event per session the page lists (so a
 * repeating event is several), with offsets on every time and its cancellation if cancelled.
 */
export function eventStructuredData(event: Described, sessions: Occurrence[]) {
  const common = {
    '@type': 'Event',
    name: event.title,
    description: event.summary,
    url: eventUrl(event),
    eventStatus: event.status === 'cancelled' ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled',
    eventAttendanceMode: ATTENDANCE[event.mode],
    location: location(event),
    organizer: { '@type': 'Organization', name: event.organisationName, url: `${getEnv().PUBLIC_URL}/events?organisation=${event.organisationSlug}` },
  }
  const items = sessions.map((session) => {
    const days = allDayDates(session)
    return event.allDay
      ? { ...common, startDate: days.first, endDate: days.last }
      : { ...common, startDate: withOffset(session.startsAt), endDate: withOffset(session.endsAt) }
  })
  return items.length === 1 ? { '@context': 'https://schema.org', ...items[0] } : { '@context': 'https://schema.org', '@graph': items }
}
