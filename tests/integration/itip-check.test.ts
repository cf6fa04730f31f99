import { describe, expect, test } from 'vitest'
import { itipProblems } from '../helpers/itip'

// The checker is only worth running over our calendars if it catches what RFC 5546 forbids.

const zone = ['BEGIN:VTIMEZONE', 'TZID:Europe/London', 'BEGIN:STANDARD', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0000', 'DTSTART:19701025T020000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'END:STANDARD', 'END:VTIMEZONE']

function calendar(method: string, event: string[], extra: string[] = zone) {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Guth//test//EN',
    `METHOD:${method}`,
    ...extra,
    'BEGIN:VEVENT',
    ...event,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n')
}

const published = ['UID:1@guth.test', 'SEQUENCE:1', 'DTSTAMP:20270105T100000Z', 'DTSTART;TZID=Europe/London:20271110T180000', 'DTEND;TZID=Europe/London:20271110T200000', 'SUMMARY:Drop-in', 'ORGANIZER;CN=Network:mailto:events@guth.test', 'STATUS:CONFIRMED']
const without = (lines: string[], name: string) => lines.filter((line) => !line.startsWith(name))

describe('the iTIP check', () => {
  test('passes a PUBLISH without attendees and a CANCEL of it', () => {
    expect(itipProblems(calendar('PUBLISH', published), 'PUBLISH')).toEqual([])
    expect(itipProblems(calendar('CANCEL', [...without(published, 'STATUS'), 'STATUS:CANCELLED']), 'CANCEL')).toEqual([])
  })

  test('fails what Guth used to send: a PUBLISH with an ATTENDEE', () => {
    const old = calendar('PUBLISH', [...published, 'ATTENDEE;ROLE=REQ-PARTICIPANT;CN="Ailsa":MAILTO:ailsa@example.org'])
    expect(itipProblems(old, 'PUBLISH')).toEqual(['VEVENT 1 (1@guth.test): ATTENDEE must appear never in PUBLISH, appears 1'])
  })

  test('fails a REQUEST nobody is invited to, and one that says it is cancelled', () => {
    expect(itipProblems(calendar('REQUEST', published), 'REQUEST')).toContain('VEVENT 1 (1@guth.test): ATTENDEE must appear 1+ in REQUEST, appears 0')
    const cancelled = calendar('REQUEST', [...without(published, 'STATUS'), 'STATUS:CANCELLED', 'ATTENDEE:mailto:a@example.org'])
    expect(itipProblems(cancelled, 'REQUEST')).toEqual(['VEVENT 1 (1@guth.test): STATUS CANCELLED is not allowed in REQUEST'])
  })

  test('fails a CANCEL without SEQUENCE or ORGANIZER, with an alarm, or with a live STATUS', () => {
    const bare = calendar('CANCEL', without(without(published, 'SEQUENCE'), 'ORGANIZER'))
    expect(itipProblems(bare, 'CANCEL')).toEqual([
      'VEVENT 1 (1@guth.test): ORGANIZER must appear 1 in CANCEL, appears 0',
      'VEVENT 1 (1@guth.test): SEQUENCE must appear 1 in CANCEL, appears 0',
      'VEVENT 1 (1@guth.test): STATUS CONFIRMED is not allowed in CANCEL',
    ])
    const alarmed = calendar('CANCEL', [...without(published, 'STATUS'), 'BEGIN:VALARM', 'ACTION:DISPLAY', 'DESCRIPTION:Soon', 'TRIGGER:-PT1H', 'END:VALARM'])
    expect(itipProblems(alarmed, 'CANCEL')).toEqual(['VEVENT 1 (1@guth.test): no VALARM in a CANCEL'])
  })

  test('fails the wrong METHOD, a missing DTSTART or VTIMEZONE, a local DTSTAMP, and a file without its final CRLF', () => {
    expect(itipProblems(calendar('PUBLISH', published), 'CANCEL')[0]).toBe('METHOD must be CANCEL once, is PUBLISH')
    expect(itipProblems(calendar('PUBLISH', without(published, 'DTSTART')), 'PUBLISH')).toContain('VEVENT 1 (1@guth.test): DTSTART must appear 1 in PUBLISH, appears 0')
    expect(itipProblems(calendar('PUBLISH', published, []), 'PUBLISH')).toContain('VEVENT 1 (1@guth.test): DTSTART refers to TZID Europe/London with no VTIMEZONE')
    expect(itipProblems(calendar('PUBLISH', [...without(published, 'DTSTAMP'), 'DTSTAMP:20270105T100000']), 'PUBLISH')).toEqual(['VEVENT 1 (1@guth.test): DTSTAMP must be in UTC'])
    expect(itipProblems(calendar('PUBLISH', published).trimEnd(), 'PUBLISH')).toEqual(['does not end with CRLF after END:VCALENDAR'])
    expect(itipProblems(calendar('PUBLISH', published).replace(/\r\n/g, '\n'), 'PUBLISH')).toContain('has a bare CR or LF')
  })
})
