import { describe, expect, test } from 'vitest'
import { calendarEvent, googleSessions } from '../../../tests/helpers/calendar-events'
import { googleCalendarLink, outlookLink } from './calendar-links.server'
import { allDaySpan, londonInstant, occurrences, repeatRule } from './time'

const at = (date: string, time: string) => londonInstant(date, time)!

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
