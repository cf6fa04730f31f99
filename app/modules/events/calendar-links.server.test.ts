import ICAL from 'ical.js'
import { DateTime } from 'luxon'
import { describe, expect, test } from 'vitest'
import { calendarEvent } from '../../../tests/helpers/calendar-events'
import { googleCalendarLink, outlookLink } from './calendar-links.server'
import { LONDON_VTIMEZONE } from './calendar.server'
import { allDaySpan, londonInstant, occurrences, repeatRule } from './time'

const at = (date: string, time: string) => londonInstant(date, time)!

/**
 * What Google would add from a template link: its dates in its `ctz` zone (so repeats keep their
 * local time, as Google's do) and its `recur` lines, expanded by ical.js.
 */
function googleSessions(link: string) {
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

const weeklyStart = at('2027-10-19', '18:00')
const weekly = calendarEvent({
  title: 'Weekly drop-in with a week off',
  startsAt: weeklyStart,
  endsAt: at('2027-10-19', '19:30'),
  rrule: repeatRule('weekly', 4, weeklyStart),
  exdates: [at('2027-11-02', '18:00').toISOString()],
})
const monthlyStart = at('2026-12-09', '12:30')
const monthly = calendarEvent({
  title: 'Monthly open government drop-in',
  startsAt: monthlyStart,
  endsAt: at('2026-12-09', '13:00'),
  rrule: repeatRule('monthly', 6, monthlyStart),
  exdates: [at('2027-03-10', '12:30').toISOString()],
})
const festival = calendarEvent({ title: 'Weekend festival', ...allDaySpan('2027-03-27', '2027-03-28')!, allDay: true })

describe('Add to Google Calendar', () => {
  test('a repeating event adds exactly its sessions: the left-out dates go as EXDATE', () => {
    for (const event of [weekly, monthly]) {
      const link = googleCalendarLink(event)
      expect(new URL(link).searchParams.get('recur')).toMatch(/^RRULE:.*COUNT=\d+\nEXDATE:\d{8}T\d{6}Z$/)
      expect(googleSessions(link), event.title).toEqual(occurrences(event).map((o) => o.startsAt.toISOString()))
    }
    expect(googleSessions(googleCalendarLink(monthly))).toHaveLength(5)
  })

  test('when the first date is the one left out, the link still starts the rule where the rule starts', () => {
    const event = { ...weekly, exdates: [weeklyStart.toISOString()] }
    const link = googleCalendarLink(event)
    expect(new URL(link).searchParams.get('dates')).toBe('20271019T170000Z/20271019T183000Z')
    expect(googleSessions(link)).toEqual(['2027-10-26T17:00:00.000Z', '2027-11-02T18:00:00.000Z', '2027-11-09T18:00:00.000Z'])
  })

  test('an all-day event goes as dates, its end the day after; a repeating one leaves its dates out as dates', () => {
    expect(new URL(googleCalendarLink(festival)).searchParams.get('dates')).toBe('20270327/20270329')
    const start = allDaySpan('2027-05-01', '2027-05-01')!
    const saturdays = calendarEvent({ title: 'Saturday stalls', ...start, allDay: true, rrule: repeatRule('weekly', 3, start.startsAt), exdates: [at('2027-05-08', '00:00').toISOString()] })
    const link = googleCalendarLink(saturdays)
    expect(new URL(link).searchParams.get('recur')).toBe('RRULE:FREQ=WEEKLY;COUNT=3\nEXDATE;VALUE=DATE:20270508')
    expect(googleSessions(link)).toEqual(['2027-05-01', '2027-05-15'])
  })
})

describe('Add to Outlook', () => {
  test('a repeating event is offered as a subscription to its own .ics, since Outlook\'s link adds one session', () => {
    const link = outlookLink(weekly)
    expect(link.kind).toBe('subscription')
    const url = new URL(link.href)
    expect(url.origin + url.pathname).toBe('https://outlook.live.com/calendar/0/addfromweb')
    expect(url.searchParams.get('url')).toMatch(new RegExp(`^https?://[^/]+/events/${weekly.slug}/calendar\\.ics$`))
    expect(url.searchParams.get('name')).toBe(weekly.title)
  })

  test('an all-day event goes as dates with no time, so no time zone can move it to another day', () => {
    const params = new URL(outlookLink(festival).href).searchParams
    expect({ startdt: params.get('startdt'), enddt: params.get('enddt'), allday: params.get('allday') }).toEqual({ startdt: '2027-03-27', enddt: '2027-03-29', allday: 'true' })
  })

  test('a one-off event goes as its UTC times', () => {
    const single = calendarEvent({ title: 'Summer evening', startsAt: at('2027-06-15', '18:00'), endsAt: at('2027-06-15', '20:30') })
    const link = outlookLink(single)
    const params = new URL(link.href).searchParams
    expect(link.kind).toBe('event')
    expect([params.get('startdt'), params.get('enddt'), params.get('allday')]).toEqual(['2027-06-15T17:00:00.000Z', '2027-06-15T19:30:00.000Z', 'false'])
  })
})
