import type { AppLoadContext } from '@remix-run/node'
import { and, asc, eq } from 'drizzle-orm'
import { afterAll, describe, expect, test } from 'vitest'
import nodeIcal from 'node-ical'
import { bookFromForm } from '~/modules/events/booking-form.server'
import { bookPlace, cancelBooking } from '~/modules/events/bookings.server'
import { eventPage as eventView } from '~/modules/events/views.server'
import { cancelEvent, updateEvent } from '~/modules/events/commands.server'
import { manageKeyFor } from '~/modules/events/manage-key.server'
import { sendReminder } from '~/modules/events/notify.server'
import { nextOccurrence, occurrences } from '~/modules/events/time'
import { eventRegistrations, events } from '~/modules/events/schema'
import { getDb } from '~/platform/db.server'
import { stopJobs } from '~/platform/jobs.server'
import * as bookingPage from '~/routes/events.$slug.bookings.$id'
import * as eventPage from '~/routes/events.$slug._index'
import { withTestDatabase } from '../helpers/db'
import { type ItipMethod, itipProblems } from '../helpers/itip'
import { renderRoute } from '../helpers/render-route'
import { browserRequest } from '../helpers/requests'
import { eventForm, givenPublishedEvent } from '../helpers/events'

const database = withTestDatabase()
const eventPageOf = (slug: string) => eventView(slug, 'en')
afterAll(() => stopJobs())

// Each event's bookers have their own addresses, so one test's emails are not another's.
const person = (eventId: string, n: number) => ({ name: `Person ${n}`, email: `person${n}.${eventId.slice(0, 8)}@example.org` })
const book = (eventId: string, n: number) => bookPlace(eventId, person(eventId, n), { language: 'en' })

async function registrations(eventId: string) {
  return getDb().select().from(eventRegistrations).where(eq(eventRegistrations.eventId, eventId)).orderBy(asc(eventRegistrations.ordinal))
}

async function givenEventRow(id: string) {
  const [row] = await getDb().select().from(events).where(eq(events.id, id))
  return row!
}

async function queuedMail(to: string) {
  const rows = await database.current.query<{ data: { to: string; subject: string; icalEvent?: { method: string; content: string } } }>(
    `SELECT data FROM pgboss.job WHERE name = 'send-email' AND data->>'to' = $1 ORDER BY created_on`,
    [to],
  )
  return rows.map((row) => row.data)
}

describe('booking a place', () => {
  test('a full event puts the next booking on the waiting list', async () => {
    const { event } = await givenPublishedEvent({ capacity: 1 })
    const first = await book(event.id, 1)
    const second = await book(event.id, 2)
    expect(first.ok && first.registration.status).toBe('confirmed')
    expect(second.ok && second.registration.status).toBe('waitlisted')
  })

  test('two dates of a weekly event booked at once by many people: each date fills to its own places, never over', async () => {
    const { event } = await givenPublishedEvent({ capacity: 5 })
    await getDb().update(events).set({ rrule: 'FREQ=WEEKLY;COUNT=3' }).where(eq(events.id, event.id))
    const row = await givenEventRow(event.id)
    const [first, second] = occurrences(row)
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, n) => bookPlace(event.id, person(event.id, n), { language: 'en', occurrences: [n % 2 ? second!.startsAt : first!.startsAt] })),
    )
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true)
    const rows = await registrations(event.id)
    for (const date of [first!, second!]) {
      const ofDate = rows.filter((r) => r.occurrenceStart?.getTime() === date.startsAt.getTime())
      expect(ofDate.filter((r) => r.status === 'confirmed')).toHaveLength(5)
      expect(ofDate.filter((r) => r.status === 'waitlisted')).toHaveLength(10)
    }
    // Cancelling a place on the second date promotes the second date's waiting list only.
    const leaving = rows.find((r) => r.occurrenceStart?.getTime() === second!.startsAt.getTime() && r.status === 'confirmed')!
    const cancelled = await cancelBooking(leaving.id, manageKeyFor(leaving.id))
    expect(cancelled.ok && cancelled.promoted?.occurrenceStart?.getTime()).toBe(second!.startsAt.getTime())
    // One submission may book several dates, each its own row.
    const both = await bookPlace(event.id, person(event.id, 99), { language: 'en', occurrences: [first!.startsAt, second!.startsAt] })
    expect(both.ok && both.registrations.map((r) => r.registration.occurrenceStart?.getTime())).toEqual([first!.startsAt.getTime(), second!.startsAt.getTime()])
  })

  test('50 simultaneous bookings for 10 places: exactly 10 confirmed, 40 waiting, and cancellations promote in booking order', async () => {
    const { event } = await givenPublishedEvent({ capacity: 10 })
    const outcomes = await Promise.all(Array.from({ length: 50 }, (_, n) => book(event.id, n)))
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true)
    const rows = await registrations(event.id)
    expect(rows.filter((row) => row.status === 'confirmed')).toHaveLength(10)
    expect(rows.filter((row) => row.status === 'waitlisted')).toHaveLength(40)
    expect(rows.map((row) => row.ordinal)).toEqual(Array.from({ length: 50 }, (_, n) => n + 1))
    const waiting = rows.filter((row) => row.status === 'waitlisted')
    // Three confirmed people cancel: the first three waiting, in the order they booked, get places.
    for (const leaving of rows.filter((row) => row.status === 'confirmed').slice(0, 3)) {
      const cancelled = await cancelBooking(leaving.id, manageKeyFor(leaving.id))
      expect(cancelled.ok).toBe(true)
    }
    const after = await registrations(event.id)
    const promoted = after.filter((row) => waiting.slice(0, 3).some((w) => w.id === row.id))
    expect(promoted.map((row) => row.status)).toEqual(['confirmed', 'confirmed', 'confirmed'])
    expect(after.filter((row) => row.status === 'confirmed')).toHaveLength(10)
    expect(after.find((row) => row.id === waiting[3]!.id)?.status).toBe('waitlisted')
    const mail = await queuedMail(waiting[0]!.email)
    expect(mail.map((m) => m.subject).join('\n')).toMatch(/place/i)
    expect(mail.at(-1)?.icalEvent?.method).toBe('PUBLISH')
  }, 120_000)

  test('the same email cannot book twice, but can book again after cancelling', async () => {
    const { event } = await givenPublishedEvent()
    const first = await book(event.id, 7)
    expect(await bookPlace(event.id, { name: 'Other', email: person(event.id, 7).email.toUpperCase() }, { language: 'en' })).toEqual({ ok: false, reason: 'already_booked' })
    if (!first.ok) throw new Error('first booking failed')
    await cancelBooking(first.registration.id, first.manageKey)
    expect((await book(event.id, 7)).ok).toBe(true)
  })

  test('a past or cancelled event cannot be booked; bad details get field messages', async () => {
    const past = await givenPublishedEvent({}, -3)
    expect(await book(past.event.id, 1)).toEqual({ ok: false, reason: 'event_over' })
    const { event, moderator } = await givenPublishedEvent()
    await cancelEvent(moderator, event.id, 'Venue flooded')
    expect(await book(event.id, 1)).toEqual({ ok: false, reason: 'event_cancelled' })
    const invalid = await bookPlace(event.id, { name: '', email: 'not an email' }, { language: 'en' })
    expect(invalid).toMatchObject({ ok: false, reason: 'invalid', fieldErrors: { name: ['events:errors.nameMissing'], email: ['events:errors.emailInvalid'] } })
  })

  test('a wrong manage key does nothing', async () => {
    const { event } = await givenPublishedEvent()
    const booked = await book(event.id, 1)
    if (!booked.ok) throw new Error('booking failed')
    expect(await cancelBooking(booked.registration.id, 'wrong')).toEqual({ ok: false, reason: 'not_found' })
    const [row] = await getDb().select().from(eventRegistrations).where(and(eq(eventRegistrations.id, booked.registration.id)))
    expect(row?.status).toBe('confirmed')
  })
})

describe('booking through the event page', () => {
  const CSRF = 'c'.repeat(43)
  const context = { cspNonce: '', requestId: 'test', csrfToken: CSRF, clientIp: '127.0.0.1' } as AppLoadContext

  async function bookOnPage(slug: string, n: number, language = 'en') {
    const email = `page${n}.${slug}@example.org`
    const request = browserRequest(`/events/${slug}`, [`guth_csrf=${CSRF}`], {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': language },
      body: new URLSearchParams({ csrf: CSRF, name: `Person ${n}`, email }),
    })
    const response = (await eventPage.action({ request, params: { slug }, context })) as Response
    expect(response.status).toBe(303)
    return response.headers.get('location')!
  }

  const showBooking = (location: string, language = 'en') =>
    renderRoute(bookingPage, '/events/:slug/bookings/:id', browserRequest(location, [], { headers: { 'accept-language': language } }), context)

  test('a full event\'s booking lands on a page that says it is a place on the waiting list, in English and Gaelic', async () => {
    const { event } = await givenPublishedEvent({ capacity: 1 })
    const first = await bookOnPage(event.slug, 1)
    expect(first).toMatch(/done=booked$/)
    expect(await showBooking(first)).toContain('Your place is booked.')

    const second = await bookOnPage(event.slug, 2)
    expect(second).toMatch(new RegExp(`^/events/${event.slug}/bookings/[0-9a-f-]{36}\\?key=.+&done=waitlisted$`))
    const page = await showBooking(second)
    expect(page).toContain('You are on the waiting list. We will email you if a place comes up.')
    expect(page).toContain('You do not have a place yet.')
    expect(page).toContain('On the waiting list')
    expect(page).not.toContain('Your place is booked')

    const gaelic = await showBooking(await bookOnPage(event.slug, 3, 'gd'), 'gd')
    expect(gaelic).toContain('Tha thu air an liosta-feitheimh.')
    expect(gaelic).toContain('Chan eil àite agad fhathast.')
  })

  test('a waiting place that has since become a real one says so when its link is opened again', async () => {
    const { event } = await givenPublishedEvent({ capacity: 1 })
    const first = await bookOnPage(event.slug, 1)
    const waiting = await bookOnPage(event.slug, 2)
    const [registrationId, key] = /bookings\/([0-9a-f-]{36})\?key=([^&]+)/.exec(first)!.slice(1) as [string, string]
    await cancelBooking(registrationId, decodeURIComponent(key))
    const page = await showBooking(waiting)
    expect(page).toContain('Your place is booked.')
    expect(page).not.toContain('You do not have a place yet.')
  })
})

describe('changing and cancelling an event', () => {
  test('moving a published event bumps its SEQUENCE and sends booked people the new invitation', async () => {
    const { event, organisation, organiser } = await givenPublishedEvent()
    const booked = await book(event.id, 1)
    if (!booked.ok) throw new Error('booking failed')
    const moved = await updateEvent(organiser, event.id, eventForm(organisation.slug, { title: event.title, startTime: '17:30' }), null)
    expect(moved).toMatchObject({ ok: true, status: 'published' })
    const mail = await queuedMail(person(event.id, 1).email)
    expect(mail).toHaveLength(2)
    expect(mail[1]!.icalEvent?.content).toContain('SEQUENCE:1')
    expect(mail[1]!.icalEvent?.content).toMatch(/DTSTART;TZID=Europe\/London:\d{8}T173000/)
  })

  test('capacity cannot go below the places already given', async () => {
    const { event, organisation, organiser } = await givenPublishedEvent({ capacity: 3 })
    await book(event.id, 1)
    await book(event.id, 2)
    const smaller = await updateEvent(organiser, event.id, eventForm(organisation.slug, { title: event.title, capacity: 1 }), null)
    expect(smaller).toMatchObject({ ok: false, fieldErrors: { capacity: ['events:errors.capacityBelowBookings'] } })
  })

  test('cancelling sends everyone booked a METHOD:CANCEL with the same UID', async () => {
    const { event, moderator } = await givenPublishedEvent()
    await book(event.id, 1)
    await cancelEvent(moderator, event.id, 'Speaker unwell')
    const mail = await queuedMail(person(event.id, 1).email)
    const cancellation = mail.at(-1)!
    expect(cancellation.icalEvent?.method).toBe('CANCEL')
    expect(cancellation.icalEvent?.content).toContain('METHOD:CANCEL')
    expect(cancellation.icalEvent?.content).toContain('STATUS:CANCELLED')
    expect(cancellation.icalEvent?.content).toContain(`UID:${event.id}@`)
    expect(mail[0]!.icalEvent?.content).toContain(`UID:${event.id}@`)
  })
})

describe('the calendar parts of booking emails', () => {
  /** Each calendar part sent to a person: its METHOD (MIME and body agree), SEQUENCE and UID, after the iTIP check. */
  async function calendarParts(email: string) {
    const parts = (await queuedMail(email)).flatMap((mail) => (mail.icalEvent ? [mail.icalEvent] : []))
    return parts.map(({ method, content }) => {
      expect(itipProblems(content, method as ItipMethod), `${method} to ${email}`).toEqual([])
      expect(content).toContain(`METHOD:${method}\r\n`)
      const vevent = Object.values(nodeIcal.sync.parseICS(content)).find((item) => item?.type === 'VEVENT') as { uid: string; sequence: string } | undefined
      return { method, sequence: Number(vevent?.sequence), uid: vevent?.uid }
    })
  }

  test('a booking\'s whole life passes the iTIP check, keeps one UID, and each person\'s SEQUENCE never goes back', async () => {
    const { event, organisation, organiser, moderator } = await givenPublishedEvent({ capacity: 1 })
    const [ailsa, ruairidh, morag] = [1, 2, 3].map((n) => person(event.id, n))
    const first = await book(event.id, 1)
    await book(event.id, 2)
    const waiting = await book(event.id, 3)
    await updateEvent(organiser, event.id, eventForm(organisation.slug, { title: event.title, startTime: '17:30' }), null)
    if (!first.ok || !waiting.ok) throw new Error('booking failed')
    await cancelBooking(waiting.registration.id, waiting.manageKey)
    await cancelBooking(first.registration.id, first.manageKey)
    const promoted = (await registrations(event.id)).find((row) => row.email === ruairidh!.email)!
    await cancelBooking(promoted.id, manageKeyFor(promoted.id))
    const again = await book(event.id, 1)
    if (!again.ok) throw new Error('booking again failed')
    expect(await sendReminder(again.registration.id, nextOccurrence(await givenEventRow(event.id))!.startsAt.toISOString())).toBe(true)
    await cancelEvent(moderator, event.id, 'Venue flooded')

    const sent = await calendarParts(ailsa!.email)
    expect(sent.map(({ method, sequence }) => `${method} ${sequence}`)).toEqual(['PUBLISH 0', 'PUBLISH 1', 'CANCEL 2', 'PUBLISH 3', 'PUBLISH 3', 'CANCEL 4'])
    expect((await calendarParts(ruairidh!.email)).map(({ method, sequence }) => `${method} ${sequence}`)).toEqual(['PUBLISH 1', 'CANCEL 2'])
    // Someone who only ever waited never had the event in their calendar.
    expect(await calendarParts(morag!.email)).toEqual([])
    expect(new Set([...sent, ...(await calendarParts(ruairidh!.email))].map((part) => part.uid?.split('@')[0]))).toEqual(new Set([event.id]))
  })
})

describe('one date of a repeating event', () => {
  test('its confirmation names that date alone (RECURRENCE-ID, no RRULE), its reminder is for that date, and its dated address leads to the series', async () => {
    const { event } = await givenPublishedEvent({ repeat: 'weekly', repeatCount: 3 })
    const row = await givenEventRow(event.id)
    const [first, second] = occurrences(row)
    const booked = await bookPlace(event.id, person(event.id, 1), { language: 'en', occurrences: [second!.startsAt] })
    if (!booked.ok) throw new Error('booking failed')
    const [mail] = await queuedMail(person(event.id, 1).email)
    const content = mail!.icalEvent!.content
    expect(itipProblems(content, 'PUBLISH')).toEqual([])
    const vevent = Object.values(nodeIcal.sync.parseICS(content)).find((item) => item?.type === 'VEVENT') as { recurrenceid: Date; start: Date; rrule?: unknown }
    expect(vevent.rrule).toBeUndefined()
    expect(vevent.recurrenceid.toISOString()).toBe(second!.startsAt.toISOString())
    expect(vevent.start.toISOString()).toBe(second!.startsAt.toISOString())
    // The reminder goes for the booked date, not for the series' next one.
    expect(await sendReminder(booked.registration.id, first!.startsAt.toISOString())).toBe(false)
    expect(await sendReminder(booked.registration.id, second!.startsAt.toISOString())).toBe(true)

    const day = (at: Date) => at.toISOString().slice(0, 10)
    const base = event.slug.replace(/-\d{4}-\d{2}-\d{2}$/, '')
    const moved = await eventPageOf(`${base}-${day(second!.startsAt)}`).catch((response: Response) => response)
    expect(moved).toBeInstanceOf(Response)
    expect((moved as Response).status).toBe(301)
    expect((moved as Response).headers.get('Location')).toBe(`/events/${event.slug}?date=${day(second!.startsAt)}#date-${day(second!.startsAt)}`)
    const missing = await eventPageOf(`${base}-1999-01-01`).catch((response: Response) => response)
    expect((missing as Response).status).toBe(404)
  })

  test('moving a weekly event moves each date\'s bookings with their date, and places are counted per date', async () => {
    const { event, organisation, organiser } = await givenPublishedEvent({ repeat: 'weekly', repeatCount: 3, capacity: 1 })
    const [first, second] = occurrences(await givenEventRow(event.id))
    await bookPlace(event.id, person(event.id, 1), { language: 'en', occurrences: [first!.startsAt] })
    await bookPlace(event.id, person(event.id, 2), { language: 'en', occurrences: [second!.startsAt] })
    // One place a date, one booking on each of two dates: still within one place.
    const moved = await updateEvent(organiser, event.id, eventForm(organisation.slug, { title: event.title, startTime: '17:00', repeat: 'weekly', repeatCount: 3, capacity: 1 }), null)
    expect(moved).toMatchObject({ ok: true })
    const [newFirst, newSecond] = occurrences(await givenEventRow(event.id))
    expect(newSecond!.startsAt.getTime()).toBe(second!.startsAt.getTime() - 3600_000)
    const rows = await registrations(event.id)
    expect(rows.map((r) => [r.email, r.occurrenceStart?.toISOString()])).toEqual([
      [person(event.id, 1).email, newFirst!.startsAt.toISOString()],
      [person(event.id, 2).email, newSecond!.startsAt.toISOString()],
    ])
  })

  test('the form asks for at least one date and refuses a date the event does not have', async () => {
    const { event } = await givenPublishedEvent({ repeat: 'weekly', repeatCount: 2 })
    const { dates } = await eventPageOf(event.slug)
    const context = { ip: '203.0.113.9', userId: null, language: 'en', isBot: false }
    const none = await bookFromForm({ ...event, dates }, { ...person(event.id, 1), dates: [] }, context)
    expect(none).toMatchObject({ ok: false, reason: 'invalid', fieldErrors: { dates: ['events:errors.datesMissing'] } })
    const wrong = await bookFromForm({ ...event, dates }, { ...person(event.id, 1), dates: ['1999-01-01'] }, context)
    expect(wrong).toMatchObject({ ok: false, reason: 'no_date' })
    const both = await bookFromForm({ ...event, dates }, { ...person(event.id, 1), dates: dates.map((d) => d.day) }, context)
    expect(both).toMatchObject({ ok: true, dates: 2 })
    expect((await registrations(event.id)).map((r) => r.occurrenceStart?.toISOString())).toEqual(dates.map((d) => d.start))
  })
})
