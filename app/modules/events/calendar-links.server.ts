import { DateTime } from 'luxon'
import { getEnv } from '~/platform/env.server'
import { type CalendarEvent, eventLocation, eventUrl, utcStamp } from './calendar.server'
import { allDayDates, ZONE } from './time'

const compactDate = (date: string) => date.replace(/-/g, '')
const dayAfter = (date: string) => DateTime.fromISO(date, { zone: ZONE }).plus({ days: 1 }).toFormat('yyyy-MM-dd')

/** The same feed address for subscribing: https for browsers, webcal to open a calendar app. */
export function feedUrls(path: string) {
  const https = `${getEnv().PUBLIC_URL}${path}`
  return { https, webcal: https.replace(/^https?:/, 'webcal:') }
}

// Google reads `recur` as iCalendar lines: the rule, then the dates left out of it, written as
// the start is (UTC times, or dates for an all-day event).
function googleRecurrence(event: CalendarEvent) {
  const lines = [`RRULE:${event.rrule}`]
  if (event.exdates.length) {
    const starts = event.exdates.map((at) => new Date(at))
    lines.push(event.allDay ? `EXDATE;VALUE=DATE:${starts.map((at) => DateTime.fromJSDate(at, { zone: ZONE }).toFormat('yyyyLLdd')).join(',')}` : `EXDATE:${starts.map(utcStamp).join(',')}`)
  }
  return lines.join('\n')
}

/**
 * "Add to Google Calendar": the event from its first start, with its repeats and the dates left
 * out of them, so Google adds exactly the sessions the .ics holds.
 */
export function googleCalendarLink(event: CalendarEvent) {
  const days = allDayDates(event)
  const dates = event.allDay ? `${compactDate(days.first)}/${compactDate(dayAfter(days.last))}` : `${utcStamp(event.startsAt)}/${utcStamp(event.endsAt)}`
  const params = new URLSearchParams({ action: 'TEMPLATE', text: event.title, dates, details: `${event.summary}\n\n${eventUrl(event)}`, location: eventLocation(event), ctz: ZONE })
  if (event.rrule) params.set('recur', googleRecurrence(event))
  return `https://calendar.google.com/calendar/render?${params}`
}

export type OutlookLink = { kind: 'event' | 'subscription'; href: string }

/**
 * "Add to Outlook". Outlook on the web's new-event link carries no recurrence, so a repeating event
 * is offered as a subscription to its own .ics instead. An all-day event goes as dates (end
 * exclusive, as Outlook stores it), never as times a viewer's time zone could move to another day.
 */
export function outlookLink(event: CalendarEvent): OutlookLink {
  if (event.rrule) {
    const subscribe = new URLSearchParams({ url: feedUrls(`/events/${event.slug}/calendar.ics`).https, name: event.title })
    return { kind: 'subscription', href: `https://outlook.live.com/calendar/0/addfromweb?${subscribe}` }
  }
  const days = allDayDates(event)
  const params = new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: event.title,
    startdt: event.allDay ? days.first : event.startsAt.toISOString(),
    enddt: event.allDay ? dayAfter(days.last) : event.endsAt.toISOString(),
    allday: String(event.allDay),
    body: `${event.summary}\n\n${eventUrl(event)}`,
    location: eventLocation(event),
  })
  return { kind: 'event', href: `https://outlook.live.com/calendar/0/action/compose?${params}` }
}
