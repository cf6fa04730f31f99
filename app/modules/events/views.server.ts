import { DateTime } from 'luxon'
import { renderBodyHtml } from '~/kernel/rich-text.server'
import { statusOf } from '~/modules/consultations'
import { getConsultationById } from '~/modules/consultations/index.server'
import { getEnv } from '~/platform/env.server'
import type { Language } from '~/platform/i18n/config'
import { feedUrls, googleCalendarLink, outlookLink } from './calendar-links.server'
import { bookingPath, manageKeyFor } from './manage-key.server'
import { bookingInvitation } from './notify.server'
import { getConnection } from '~/platform/db.server'
import { keptWith } from '~/platform/public-reads.server'
import { type EventFilters, readFilters } from './forms'
import { eventsTouching, getProgramme, getPublicEvent, listEvents, listFilterChoices, type ListedEvent, repeatingEventsNamed } from './queries.server'
import { findBooking, occurrencePlaces, otherDatesBooked } from './bookings.server'
import { englishOnly, eventInLanguage, eventTitle, programmeInLanguage } from './language'
import { bookedOccurrence, nextOccurrence, type Occurrence, occurrenceDay, occurrenceOn, occurrences, ZONE } from './time'
import { eventStructuredData } from './structured-data.server'
import { sessionTime, withOffset } from './when.server'

const DAY_MS = 24 * 3600_000
const badRequest = () => new Response('Bad Request', { status: 400 })
const notFound = () => new Response('Not Found', { status: 404 })

const localTime = (instant: Date, language: Language) =>
  DateTime.fromJSDate(instant, { zone: ZONE }).toFormat(language === 'gd' ? 'HH:mm' : 'h:mma').replace('AM', 'am').replace('PM', 'pm')

function card(event: ListedEvent & { next?: Occurrence }, language: Language) {
  const next = event.next ?? nextOccurrence(event) ?? { startsAt: event.startsAt, endsAt: event.endsAt }
  const text = eventInLanguage(event, language)
  const session = sessionTime(event, next, language)
  return {
    slug: event.slug,
    title: text.title,
    summary: text.summary,
    // 'en' where English stands in for a missing Gaelic version.
    lang: { title: text.lang.title, summary: text.lang.summary },
    when: session.text,
    session,
    repeats: occurrences(event).length > 1,
    mode: event.mode,
    place: event.venue,
    organisation: event.organisationName,
    accessibility: event.accessibility,
    cancelled: event.status === 'cancelled',
  }
}
export type EventCard = ReturnType<typeof card>

/** The query string of the filters that are set, for links and feeds that keep them. */
export function filterQuery(filters: Partial<EventFilters>, keep: (keyof EventFilters)[] = ['tag', 'organisation', 'programme', 'mode', 'access', 'from', 'to']) {
  const params = new URLSearchParams()
  for (const key of keep) {
    const value = filters[key]
    for (const item of [value ?? []].flat()) if (item !== '') params.append(key, String(item))
  }
  return params
}

/** The feed a filtered list can be subscribed to (feeds follow one organisation, tag or programme). */
function subscribeFeed(filters: Partial<EventFilters>) {
  const params = filterQuery(filters, ['organisation', 'tag', 'programme'])
  const first = [...params.entries()][0]
  return feedUrls(first ? `/feeds/events.ics?${new URLSearchParams([first])}` : '/feeds/events.ics')
}

/** The calendar (or one organisation's part of it) as news (RSS, Atom) and as a list other sites can show. */
function newsFeeds(organisation?: string) {
  const base = getEnv().PUBLIC_URL
  const query = organisation ? `?organisation=${encodeURIComponent(organisation)}` : ''
  return { rss: `${base}/feeds/events.rss${query}`, atom: `${base}/feeds/events.atom${query}`, embed: `${base}/embed/events${query}` }
}

/** The public calendar list: its filters, the choices for them and the page of events. Bad filters are a 400. */
export async function calendarListPage(search: URLSearchParams, language: Language) {
  const read = readFilters(search)
  if (!read.ok) throw badRequest()
  const [found, choices] = await Promise.all([listEvents(read.filters), listFilterChoices()])
  const events = keptWith(found, `cards:${language}`, () => found.events.map((event) => card(event, language)))
  return { filters: read.filters, choices, ...found, events, feed: subscribeFeed(read.filters), news: newsFeeds() }
}

type GridEntry = { slug: string; title: string; lang?: 'en'; time: string | null; datetime: string; cancelled: boolean }

/** The month grid: weeks of days (Monday first), each with the events on it. */
export async function calendarMonthPage(search: URLSearchParams, language: Language) {
  const read = readFilters(search)
  const month = search.get('month') ?? DateTime.now().setZone(ZONE).toFormat('yyyy-MM')
  const first = DateTime.fromFormat(month, 'yyyy-MM', { zone: ZONE })
  if (!read.ok || !first.isValid || first.year < 2000 || first.year > 2100) throw badRequest()
  const gridStart = first.startOf('week')
  const gridEnd = first.endOf('month').endOf('week').plus({ milliseconds: 1 })
  const list = await eventsTouching(read.filters, gridStart.toJSDate(), gridEnd.toJSDate())
  // The grid is the same for everyone until an event changes: lay it out once per month and language.
  const grid = keptWith(list, `${month}:${language}`, () => monthGrid(list, first, gridStart, gridEnd, language))
  return { month, ...grid, filters: read.filters, query: filterQuery(read.filters).toString() }
}

function monthGrid(list: Awaited<ReturnType<typeof eventsTouching>>, first: DateTime, gridStart: DateTime, gridEnd: DateTime, language: Language) {
  const locale = language === 'gd' ? 'gd-GB' : 'en-GB'
  // The grid's days once, as London midnights; days[i + 1] is where day i ends (clock changes included).
  const days: DateTime[] = []
  for (let day = gridStart; day < gridEnd; day = day.plus({ days: 1 })) days.push(day)
  const bounds = [...days, gridEnd.startOf('day')].map((day) => day.toMillis())
  const entries = days.map((): GridEntry[] => [])
  // On a day without a clock change, a start's wall-clock time is its distance from midnight:
  // format each such time once (events share a few), not each start through the time zone.
  const clock = new Map<number, string>()
  const startTime = (startsAt: Date, day: number) => {
    const sinceMidnight = startsAt.getTime() - bounds[day]!
    if (sinceMidnight < 0 || bounds[day + 1]! - bounds[day]! !== DAY_MS) return localTime(startsAt, language)
    const minute = Math.floor(sinceMidnight / 60_000)
    if (!clock.has(minute)) clock.set(minute, localTime(startsAt, language))
    return clock.get(minute)!
  }
  const until = gridEnd.toJSDate()
  for (const event of list) {
    for (const occurrence of occurrences(event, until)) {
      // An occurrence is on every day that starts before it ends, from the day it starts.
      const starts = occurrence.startsAt.getTime()
      const ends = occurrence.endsAt.getTime()
      let i = firstDayEndingAfter(bounds, starts)
      if (i >= days.length || bounds[i]! >= ends) continue
      const entry = {
        slug: event.slug,
        title: eventTitle(event, language),
        lang: englishOnly(event.titleGd, language),
        time: event.allDay ? null : startTime(occurrence.startsAt, i),
        datetime: withOffset(occurrence.startsAt),
        cancelled: event.status === 'cancelled',
      }
      for (; i < days.length && bounds[i]! < ends; i++) entries[i]!.push(entry)
    }
  }
  const weeks = []
  for (let i = 0; i < days.length; i += 7) {
    weeks.push(
      days.slice(i, i + 7).map((day, j) => ({ date: day.toFormat('yyyy-MM-dd'), day: day.day, inMonth: day.month === first.month, label: day.setLocale(locale).toFormat('d MMMM yyyy'), events: entries[i + j]! })),
    )
  }
  const name = first.setLocale(locale).toFormat('LLLL yyyy')
  return { name, previous: first.minus({ months: 1 }).toFormat('yyyy-MM'), next: first.plus({ months: 1 }).toFormat('yyyy-MM'), weeks }
}

/** The index of the first day (of those `bounds` delimit) that ends after `instant`; days.length if none. */
function firstDayEndingAfter(bounds: number[], instant: number) {
  let low = 0
  let high = bounds.length - 1
  while (low < high) {
    const middle = (low + high) >> 1
    if (bounds[middle + 1]! > instant) high = middle
    else low = middle + 1
  }
  return low
}

/** The published consultation an event feeds, for "this event feeds the consultation on …". */
async function linkedConsultation(id: string | null) {
  const consultation = id ? await getConsultationById(id) : null
  const status = consultation ? statusOf(consultation) : null
  if (!consultation || status === 'draft' || status === 'retracted') return null
  return { slug: consultation.slug, title: consultation.title }
}

/**
 * Where a dated address of one occurrence lives now: the series' page, that date chosen. Null when
 * no repeating event has that date.
 */
async function occurrenceAddress(slug: string) {
  const dated = /^(.+)-(\d{4}-\d{2}-\d{2})$/.exec(slug)
  if (!dated) return null
  for (const event of await repeatingEventsNamed(dated[1]!)) {
    if (event.slug !== slug && occurrenceOn(event, dated[2]!)) return `/events/${event.slug}?date=${dated[2]}#date-${dated[2]}`
  }
  return null
}

/** The event page's link to its programme, named in the reader's language where it can be. */
function programmeLink(programme: Parameters<typeof programmeInLanguage>[0] & { slug: string }, language: Language) {
  const text = programmeInLanguage(programme, language)
  return { slug: programme.slug, name: text.name, lang: text.lang.name }
}

/** Everything the public event page shows, including the add-to-calendar links. */
export async function eventPage(slug: string, language: Language) {
  const found = await getPublicEvent(slug)
  if (!found) {
    const moved = await occurrenceAddress(slug)
    throw moved ? new Response(null, { status: 301, headers: { Location: moved } }) : notFound()
  }
  const { event, programme } = found
  const now = new Date()
  // Places per upcoming date (one entry for a one-off event): one count query for the page.
  const places = await occurrencePlaces(event, now)
  const placesLeft = event.rrule ? null : (places[0]?.placesLeft ?? null)
  const waiting = event.rrule ? 0 : (places[0]?.waiting ?? 0)
  const upcoming = occurrences(event).filter((o) => o.endsAt > now)
  const text = eventInLanguage(event, language)
  const bookable = event.status === 'published' && event.bookingRequired && upcoming.length > 0
  // Each date of a repeating event has its own places and waiting list.
  const dates = event.rrule
    ? places.slice(0, 12).map((o) => ({ day: occurrenceDay(o.startsAt), start: o.startsAt.toISOString(), session: sessionTime(event, o, language), placesLeft: o.placesLeft, waiting: o.waiting }))
    : []
  return {
    dates,
    event: {
      ...card(event, language),
      lang: text.lang,
      id: event.id,
      descriptionHtml: text.description ? renderBodyHtml(text.description) : '',
      address: event.address,
      accessibilityNotes: event.accessibilityNotes,
      tags: event.tags,
      organisationSlug: event.organisationSlug,
      cancelledReason: event.cancelledReason,
      bookingRequired: event.bookingRequired,
      capacity: event.capacity,
      consultationId: event.consultationId,
      sessions: upcoming.slice(0, 12).map((o) => sessionTime(event, o, language)),
    },
    programme: programme ? programmeLink(programme, language) : null,
    consultation: await linkedConsultation(event.consultationId),
    placesLeft,
    waiting,
    bookable,
    past: upcoming.length === 0,
    structuredData: eventStructuredData(event, upcoming.length ? upcoming.slice(0, 12) : occurrences(event).slice(-12)),
    addToCalendar: {
      ics: `/events/${event.slug}/calendar.ics`,
      google: googleCalendarLink(event),
      outlook: outlookLink(event),
      feed: feedUrls(`/feeds/events.ics?organisation=${event.organisationSlug}`),
      news: newsFeeds(event.organisationSlug),
    },
  }
}

/** A programme's page: its events and progress against its target. */
export async function programmePage(slug: string, language: Language) {
  const found = await getProgramme(slug)
  if (!found) throw notFound()
  return {
    programme: { slug: found.programme.slug, ...programmeInLanguage(found.programme, language) },
    held: found.held,
    target: found.target,
    events: found.events.map((event) => card(event, language)),
    feed: feedUrls(`/feeds/events.ics?programme=${found.programme.slug}`),
  }
}

/** The manage-my-booking page; a wrong key is a 404 (it says nothing about whether the booking exists). */
export async function bookingPage(registrationId: string, key: string, language: Language) {
  const found = await findBooking(registrationId, key)
  if (!found) throw notFound()
  const { registration, event } = found
  const next = bookedOccurrence(event, registration) ?? { startsAt: registration.occurrenceStart ?? event.startsAt, endsAt: event.endsAt }
  return {
    // The same person's bookings of other dates of this event, each with its own link.
    otherDates: (await otherDatesBooked(registration)).map((other) => ({
      url: bookingPath(event.slug, other.id, manageKeyFor(other.id)),
      session: sessionTime(event, bookedOccurrence(event, other) ?? { startsAt: other.occurrenceStart!, endsAt: other.occurrenceStart! }, language),
      status: other.status,
    })),
    booking: { id: registration.id, name: registration.name, email: registration.email, accessNeeds: registration.accessNeeds ?? '', status: registration.status },
    event: {
      slug: event.slug,
      title: eventTitle(event, language),
      titleLang: englishOnly(event.titleGd, language),
      session: sessionTime(event, next, language),
      calendarUrl: registration.status === 'confirmed' ? bookingPath(event.slug, registration.id, manageKeyFor(registration.id)).replace('?', '/calendar.ics?') : null,
      cancelled: event.status === 'cancelled',
      // The joining link only for people with a confirmed place.
      onlineUrl: registration.status === 'confirmed' && event.status === 'published' ? event.onlineUrl : null,
    },
  }
}

/** A confirmed booking's .ics (that date alone for one date of a series); a wrong key or no place is a 404. */
export async function bookingCalendar(registrationId: string, key: string) {
  const found = await findBooking(registrationId, key)
  if (!found || found.registration.status !== 'confirmed' || found.event.status !== 'published') throw notFound()
  return { slug: found.event.slug, ics: await bookingInvitation(getConnection(), found.event, found.registration) }
}

/** The next few upcoming events, for the home page. */
export async function upcomingEvents(language: Language, limit: number) {
  const { events } = await listEvents({ access: [], when: 'upcoming', page: 1 })
  return events.slice(0, limit).map((event) => {
    const session = sessionTime(event, event.next, language)
    return { slug: event.slug, title: eventTitle(event, language), lang: englishOnly(event.titleGd, language), when: session.text, session }
  })
}
