import ICAL from 'ical.js'
import nodeIcal, { type VEvent } from 'node-ical'
import { describe, expect, test } from 'vitest'
import { calendarEvent as givenCalendarEvent } from '../../../tests/helpers/calendar-events'
import { itipProblems } from '../../../tests/helpers/itip'
import { type CalendarEvent, renderFeed, renderInvitation } from './calendar.server'
import { allDayDates, allDaySpan, londonInstant, londonReadings, occurrences, repeatRule } from './time'

const at = (date: string, time: string) => londonInstant(date, time)!

const calendarEvent = (id: string, title: string, fields: Partial<CalendarEvent>) => givenCalendarEvent({ id, title, ...fields })

const weeklyStart = at('2027-10-19', '18:00')
const repeated = londonReadings('2027-10-31', '01:30')
const spring = allDaySpan('2027-03-27', '2027-03-28')!
const fixtures = [
  calendarEvent('11111111-1111-4111-8111-111111111111', 'Summer evening in BST', { startsAt: at('2027-06-15', '18:00'), endsAt: at('2027-06-15', '20:30') }),
  calendarEvent('22222222-2222-4222-8222-222222222222', 'Winter evening in GMT', { startsAt: at('2027-01-12', '18:00'), endsAt: at('2027-01-12', '20:00') }),
  // The clocks go back at 02:00 on 31 October 2027: 22:00 BST to 03:00 GMT is six hours.
  calendarEvent('33333333-3333-4333-8333-333333333333', 'Overnight hackathon across the clock change', { startsAt: at('2027-10-30', '22:00'), endsAt: at('2027-10-31', '03:00') }),
  calendarEvent('44444444-4444-4444-8444-444444444444', 'Weekend festival (all day)', { ...spring, allDay: true }),
  calendarEvent('55555555-5555-4555-8555-555555555555', 'Weekly drop-in with a week off', {
    startsAt: weeklyStart,
    endsAt: at('2027-10-19', '19:30'),
    rrule: repeatRule('weekly', 4, weeklyStart),
    exdates: [at('2027-11-02', '18:00').toISOString()],
  }),
  // 01:30 on 31 October 2027 happens twice: first in BST, then, after the clocks go back, in GMT.
  calendarEvent('66666666-6666-4666-8666-666666666666', 'Night walk at the first 1:30am (BST)', { startsAt: repeated[0]!, endsAt: at('2027-10-31', '03:00') }),
  calendarEvent('77777777-7777-4777-8777-777777777777', 'Night walk at the second 1:30am (GMT)', { startsAt: repeated[1]!, endsAt: at('2027-10-31', '03:00') }),
  calendarEvent('88888888-8888-4888-8888-888888888888', 'Late shift ending at the second 1:30am (GMT)', { startsAt: at('2027-10-31', '00:30'), endsAt: repeated[1]! }),
]

function icalJsTimes(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone))
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component)
    const starts: string[] = []
    const iterator = event.iterator()
    for (let next = iterator.next(); next && starts.length < 60; next = iterator.next()) {
      starts.push(event.startDate.isDate ? next.toString() : next.toJSDate().toISOString())
    }
    return {
      uid: event.uid,
      sequence: event.sequence,
      starts,
      start: event.startDate.isDate ? event.startDate.toString() : event.startDate.toJSDate().toISOString(),
      end: event.endDate.isDate ? event.endDate.toString() : event.endDate.toJSDate().toISOString(),
      status: component.getFirstPropertyValue('status'),
    }
  })
}

function nodeIcalTimes(text: string) {
  const parsed = nodeIcal.sync.parseICS(text)
  return Object.values(parsed)
    .filter((item): item is VEvent => item?.type === 'VEVENT')
    .map((event) => {
      const instances = nodeIcal.expandRecurringEvent(event, { from: new Date('2026-01-01'), to: new Date('2029-01-01') })
      const day = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
      const show = (date: Date) => (instances[0]?.isFullDay ? day(date) : date.toISOString())
      return { uid: event.uid, starts: instances.map((i) => show(i.start)), start: show(event.start), end: show(event.end!), sequence: Number(event.sequence) }
    })
}

/** What a calendar should show for each fixture: the stored instants (or London dates when all day). */
function expected(event: CalendarEvent) {
  if (event.allDay) {
    const days = allDayDates(event)
    return { start: days.first, end: '2027-03-29', starts: [days.first] }
  }
  return { start: event.startsAt.toISOString(), end: event.endsAt.toISOString(), starts: occurrences(event).map((o) => o.startsAt.toISOString()) }
}

describe('the all-events feed reads the same in ical.js and node-ical as it is stored', () => {
  const feed = renderFeed('Guth events', fixtures)

  test('the feed carries a Europe/London VTIMEZONE, refresh hints and stable UIDs', () => {
    expect(feed).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/London')
    expect(feed).toMatch(/REFRESH-INTERVAL;VALUE=DURATION:PT1H/)
    expect(feed).toMatch(/X-PUBLISHED-TTL:PT1H/)
    expect(feed).toContain('UID:11111111-1111-4111-8111-111111111111@')
    expect(feed).toContain('DTSTAMP:20270105T100000Z')
    expect(renderFeed('Guth events', fixtures)).toBe(feed)
  })

  test('the feed is a valid PUBLISH (RFC 5546) whose last line ends with CRLF', () => {
    expect(itipProblems(feed, 'PUBLISH')).toEqual([])
    expect(feed.endsWith('END:VCALENDAR\r\n')).toBe(true)
  })

  for (const parser of [
    { name: 'ical.js', read: icalJsTimes },
    { name: 'node-ical', read: nodeIcalTimes },
  ]) {
    test(`${parser.name}: BST, GMT, across the October change, all day, and weekly with an exception`, () => {
      const parsed = parser.read(feed)
      expect(parsed).toHaveLength(fixtures.length)
      for (const fixture of fixtures) {
        const found = parsed.find((event) => event.uid?.startsWith(fixture.id))
        expect(found, fixture.title).toBeDefined()
        const want = expected(fixture)
        expect({ start: found!.start, end: found!.end }, fixture.title).toEqual({ start: want.start, end: want.end })
        expect(found!.starts, fixture.title).toEqual(want.starts)
        expect(found!.sequence).toBe(2)
      }
    })
  }

  test('the stored instants are the ones people meant: BST is UTC+1, the change night lasts six hours, the exception is gone', () => {
    expect(fixtures[0]!.startsAt.toISOString()).toBe('2027-06-15T17:00:00.000Z')
    expect(fixtures[1]!.startsAt.toISOString()).toBe('2027-01-12T18:00:00.000Z')
    expect(fixtures[2]!.endsAt.getTime() - fixtures[2]!.startsAt.getTime()).toBe(6 * 3600_000)
    expect(occurrences(fixtures[4]!).map((o) => o.startsAt.toISOString())).toEqual([
      '2027-10-19T17:00:00.000Z',
      '2027-10-26T17:00:00.000Z',
      '2027-11-09T18:00:00.000Z',
    ])
    expect(repeated.map((instant) => instant.toISOString())).toEqual(['2027-10-31T00:30:00.000Z', '2027-10-31T01:30:00.000Z'])
  })

  test('an event at either 1:30am of the night the clocks go back is written in UTC, since parsers read that TZID time differently', () => {
    const unfolded = feed.replace(/\r\n /g, '')
    expect(unfolded).toContain('DTSTART:20271031T003000Z\r\nDTEND:20271031T030000Z')
    expect(unfolded).toContain('DTSTART:20271031T013000Z\r\nDTEND:20271031T030000Z')
    expect(unfolded).toContain('DTSTART:20271030T233000Z\r\nDTEND:20271031T013000Z')
    expect(unfolded).not.toMatch(/TZID=Europe\/London:20271031T01/)
  })
})

describe('invitations', () => {
  test('a booking invitation is PUBLISH with the joining link; a cancellation is CANCEL and parses as cancelled', () => {
    const event = fixtures[0]!
    const invitation = renderInvitation(event, 'PUBLISH')
    expect(invitation).toContain('METHOD:PUBLISH')
    expect(invitation.replace(/\r\n /g, '')).toContain('https://meet.example.org/og')
    const cancellation = renderInvitation(event, 'CANCEL', event.sequence + 1)
    expect(cancellation).toContain('METHOD:CANCEL')
    for (const text of [invitation, cancellation]) {
      const [viaIcalJs] = icalJsTimes(text)
      const [viaNodeIcal] = nodeIcalTimes(text)
      expect(viaIcalJs!.start).toBe(event.startsAt.toISOString())
      expect(viaNodeIcal!.end).toBe(event.endsAt.toISOString())
    }
    expect(icalJsTimes(cancellation)[0]).toMatchObject({ status: 'CANCELLED', sequence: 3, uid: icalJsTimes(invitation)[0]!.uid })
    expect(cancellation.replace(/\r\n /g, '')).not.toContain('https://meet.example.org/og')
  })

  test('invitations invite nobody: no ATTENDEE, no RSVP, and the organising organisation named as ORGANIZER', () => {
    const invitation = renderInvitation(fixtures[0]!, 'PUBLISH')
    expect(invitation).not.toMatch(/ATTENDEE|RSVP/)
    expect(invitation).toContain('ORGANIZER;CN="Scottish OGP Civil Society Network":mailto:')
  })

  test('every invitation and cancellation of every kind of event passes the iTIP check and ends with CRLF', () => {
    for (const event of fixtures) {
      expect(itipProblems(renderInvitation(event, 'PUBLISH'), 'PUBLISH'), event.title).toEqual([])
      expect(itipProblems(renderInvitation(event, 'CANCEL', event.sequence + 1), 'CANCEL'), event.title).toEqual([])
    }
  })

  test('a public feed never carries the joining link', () => {
    expect(renderFeed('Guth events', fixtures).replace(/\r\n /g, '')).not.toContain('meet.example.org')
  })
})
