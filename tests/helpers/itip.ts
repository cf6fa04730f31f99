import ICAL from 'ical.js'

// An iTIP check of our own, after RFC 5546 §3.2's restriction tables for VEVENT (PUBLISH 3.2.1,
// REQUEST 3.2.2, CANCEL 3.2.5), with the RFC 5545 rules they lean on. Properties a table does not
// name are IANA or X- properties, which every method allows.

export type ItipMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL'
type Presence = '1' | '1+' | '0-1' | '0+' | '0'

const shared: Record<string, Presence> = {
  dtstamp: '1',
  uid: '1',
  'recurrence-id': '0-1',
  attach: '0+',
  categories: '0+',
  class: '0-1',
  comment: '0+',
  created: '0-1',
  description: '0-1',
  dtend: '0-1',
  duration: '0-1',
  exdate: '0+',
  geo: '0-1',
  'last-modified': '0-1',
  location: '0-1',
  priority: '0-1',
  rdate: '0+',
  'related-to': '0+',
  rrule: '0-1',
  status: '0-1',
  transp: '0-1',
  url: '0-1',
}

const VEVENT: Record<ItipMethod, Record<string, Presence>> = {
  PUBLISH: { ...shared, dtstart: '1', organizer: '1', summary: '1', sequence: '0-1', contact: '0-1', resources: '0-1', attendee: '0', 'request-status': '0' },
  REQUEST: { ...shared, attendee: '1+', dtstart: '1', organizer: '1', summary: '1', sequence: '0-1', contact: '0+', resources: '0+', 'request-status': '0+' },
  CANCEL: { ...shared, attendee: '0+', organizer: '1', sequence: '1', dtstart: '0-1', summary: '0-1', contact: '0+', resources: '0+', 'request-status': '0' },
}

const STATUSES: Record<ItipMethod, string[]> = {
  PUBLISH: ['TENTATIVE', 'CONFIRMED', 'CANCELLED'],
  REQUEST: ['TENTATIVE', 'CONFIRMED'],
  // "MUST be set to CANCELLED to cancel the entire event"; left out only when uninviting some attendees.
  CANCEL: ['CANCELLED'],
}

function fits(count: number, presence: Presence) {
  if (presence === '1') return count === 1
  if (presence === '1+') return count >= 1
  if (presence === '0-1') return count <= 1
  if (presence === '0') return count === 0
  return true
}

/** Each way a calendar object breaks RFC 5546 for the method (and its line endings break RFC 5545); empty when it holds. */
export function itipProblems(text: string, method: ItipMethod): string[] {
  const problems = lineEndingProblems(text)
  let calendar: ICAL.Component
  try {
    calendar = new ICAL.Component(ICAL.parse(text))
  } catch (error) {
    return [...problems, `does not parse: ${(error as Error).message}`]
  }
  const count = (component: ICAL.Component, name: string) => component.getAllProperties(name).length
  if (calendar.name !== 'vcalendar') problems.push(`the object is ${calendar.name}, not VCALENDAR`)
  if (count(calendar, 'method') !== 1 || calendar.getFirstPropertyValue('method') !== method) problems.push(`METHOD must be ${method} once, is ${calendar.getAllProperties('method').map((p) => p.getFirstValue()).join(', ') || 'missing'}`)
  if (count(calendar, 'prodid') !== 1) problems.push('PRODID must appear once')
  if (count(calendar, 'version') !== 1 || calendar.getFirstPropertyValue('version') !== '2.0') problems.push('VERSION must be 2.0, once')
  if (count(calendar, 'calscale') > 1) problems.push('CALSCALE at most once')
  for (const forbidden of ['vtodo', 'vjournal', 'vfreebusy']) if (calendar.getAllSubcomponents(forbidden).length) problems.push(`${forbidden.toUpperCase()} is not allowed in a VEVENT ${method}`)

  const events = calendar.getAllSubcomponents('vevent')
  if (!events.length) problems.push('no VEVENT')
  const uids = new Set(events.map((event) => event.getFirstPropertyValue('uid')))
  if (method !== 'PUBLISH' && uids.size > 1) problems.push(`every VEVENT of a ${method} must have the same UID`)
  const zones = new Set(calendar.getAllSubcomponents('vtimezone').map((zone) => zone.getFirstPropertyValue('tzid')))

  for (const [index, event] of events.entries()) {
    const where = `VEVENT ${index + 1} (${String(event.getFirstPropertyValue('uid') ?? 'no UID')})`
    for (const [name, presence] of Object.entries(VEVENT[method])) {
      const n = count(event, name)
      if (!fits(n, presence)) problems.push(`${where}: ${name.toUpperCase()} must appear ${presence === '0' ? 'never' : presence} in ${method}, appears ${n}`)
    }
    if (count(event, 'dtend') && count(event, 'duration')) problems.push(`${where}: DTEND and DURATION together`)
    const sequence = Number(event.getFirstPropertyValue('sequence') ?? 0)
    if (!Number.isInteger(sequence) || sequence < 0) problems.push(`${where}: SEQUENCE must be a whole number`)
    const status = event.getFirstPropertyValue('status')
    if (status !== null && !STATUSES[method].includes(String(status))) problems.push(`${where}: STATUS ${String(status)} is not allowed in ${method}`)
    if (method === 'CANCEL' && event.getAllSubcomponents('valarm').length) problems.push(`${where}: no VALARM in a CANCEL`)
    const stamp = event.getFirstProperty('dtstamp')?.getFirstValue() as ICAL.Time | undefined
    if (stamp && stamp.zone !== ICAL.Timezone.utcTimezone) problems.push(`${where}: DTSTAMP must be in UTC`)
    const organizer = event.getFirstPropertyValue('organizer')
    if (organizer !== null && !/^mailto:[^@\s]+@[^@\s]+$/i.test(String(organizer))) problems.push(`${where}: ORGANIZER must be a mailto: address, is ${String(organizer)}`)
    for (const property of event.getAllProperties()) {
      const tzid = property.getParameter('tzid')
      if (typeof tzid === 'string' && !zones.has(tzid)) problems.push(`${where}: ${property.name.toUpperCase()} refers to TZID ${tzid} with no VTIMEZONE`)
    }
    const start = event.getFirstProperty('dtstart')
    const end = event.getFirstProperty('dtend')
    if (start && end && start.type !== end.type) problems.push(`${where}: DTEND must have DTSTART's value type`)
    if (start && end && (end.getFirstValue() as ICAL.Time).compare(start.getFirstValue() as ICAL.Time) <= 0) problems.push(`${where}: DTEND must be after DTSTART`)
  }
  return problems
}

/** RFC 5545 §3.1: every line, the last included, ends with CRLF, and there is no bare CR or LF. */
export function lineEndingProblems(text: string): string[] {
  const problems: string[] = []
  if (!text.endsWith('END:VCALENDAR\r\n')) problems.push('does not end with CRLF after END:VCALENDAR')
  if (/\r(?!\n)|(?<!\r)\n/.test(text)) problems.push('has a bare CR or LF')
  return problems
}
