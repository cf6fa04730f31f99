import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import { forbidden } from '~/modules/accounts/index.server'
import type { Actor } from '~/modules/accounts'
import { memberships, organisations } from '~/modules/accounts/schema'
import { neutralise, toCsv } from '~/modules/consultations/index.server'
import { isUuid } from '~/kernel/ids'
import { getDb } from '~/platform/db.server'
import type { Language } from '~/platform/i18n/config'
import type { EventInput } from './forms'
import { canModerateEvents, canOrganise } from './permissions'
import { eventRegistrations, events, programmes } from './schema'
import { allDayDates, clockOf, formatLondon, londonParts, occurrenceDay, occurrences, repeatOf } from './time'

/** The organisations the actor may schedule events for: their approved memberships (moderators: all). */
export async function organisationsFor(actor: Actor) {
  const db = getDb()
  const columns = { id: organisations.id, slug: organisations.slug, name: organisations.name }
  const rows = canModerateEvents(actor)
    ? await db.select(columns).from(organisations).orderBy(asc(organisations.slug))
    : await db
        .select(columns)
        .from(organisations)
        .innerJoin(memberships, eq(memberships.organisationId, organisations.id))
        .where(and(eq(memberships.userId, actor.id), eq(memberships.status, 'approved')))
        .orderBy(asc(organisations.slug))
  return rows.map((row) => ({ id: row.id, slug: row.slug, name: row.name.en }))
}

/** Refuses (403) people who neither organise for any organisation nor moderate. */
export async function assertMayScheduleEvents(actor: Actor) {
  const organisationList = await organisationsFor(actor)
  if (!organisationList.length && !canModerateEvents(actor)) forbidden()
  return organisationList
}

/** The organiser's and moderator's overview: their organisations' events and, for moderators, the queue. */
export async function manageOverview(actor: Actor, language: Language) {
  const organisationList = await assertMayScheduleEvents(actor)
  const db = getDb()
  const ids = organisationList.map((o) => o.id)
  const row = (event: typeof events.$inferSelect) => ({ id: event.id, slug: event.slug, title: event.title, status: event.status, when: formatLondon(event.startsAt, language) })
  const own = ids.length && !canModerateEvents(actor) ? await db.select().from(events).where(inArray(events.organisationId, ids)).orderBy(desc(events.startsAt)).limit(200) : []
  const all = canModerateEvents(actor) ? await db.select().from(events).orderBy(desc(events.startsAt)).limit(200) : []
  return {
    isModerator: canModerateEvents(actor),
    queue: all.filter((event) => event.status === 'submitted').map(row),
    events: (canModerateEvents(actor) ? all : own).map(row),
  }
}

/** An event for its edit page, with the form's values; 403 for anyone who may not change it. */
export async function eventForEditing(actor: Actor, id: string) {
  if (!isUuid(id)) throw new Response('Not Found', { status: 404 })
  const [row] = await getDb()
    .select({ event: events, organisationSlug: organisations.slug, programmeSlug: programmes.slug })
    .from(events)
    .innerJoin(organisations, eq(organisations.id, events.organisationId))
    .leftJoin(programmes, eq(programmes.id, events.programmeId))
    .where(eq(events.id, id))
  if (!row) throw new Response('Not Found', { status: 404 })
  const [membership] = await getDb()
    .select({ role: memberships.role, status: memberships.status })
    .from(memberships)
    .where(and(eq(memberships.userId, actor.id), eq(memberships.organisationId, row.event.organisationId)))
  if (!canOrganise(actor, membership ?? null)) forbidden()
  const { event } = row
  const start = londonParts(event.startsAt)
  const end = event.allDay ? { date: allDayDates(event).last, time: '' } : londonParts(event.endsAt)
  const repeat = repeatOf(event.rrule)
  const values: EventInput = {
    title: event.title,
    summary: event.summary,
    titleGd: event.titleGd ?? '',
    summaryGd: event.summaryGd ?? '',
    organisation: row.organisationSlug,
    programme: row.programmeSlug ?? '',
    allDay: event.allDay,
    startDate: start.date,
    startTime: event.allDay ? '' : start.time,
    // A time in the repeated autumn hour keeps the reading it was saved with.
    startClock: event.allDay ? undefined : (clockOf(event.startsAt) ?? undefined),
    endDate: end.date,
    endTime: end.time,
    endClock: event.allDay ? undefined : (clockOf(event.endsAt) ?? undefined),
    repeat: repeat.repeat,
    repeatCount: repeat.repeat === 'none' ? undefined : repeat.count,
    exceptions: event.exdates.map((at) => londonParts(new Date(at)).date).join('\n'),
    mode: event.mode,
    venue: event.venue ?? '',
    address: event.address ?? '',
    onlineUrl: event.onlineUrl ?? '',
    accessibility: event.accessibility as EventInput['accessibility'],
    accessibilityNotes: event.accessibilityNotes ?? '',
    bookingRequired: event.bookingRequired,
    capacity: event.capacity ?? undefined,
    tags: event.tags.join(', '),
  }
  return { event, values, canModerate: canModerateEvents(actor) }
}

/** A calendar day as the design system writes dates (noon UTC is the same day in London). */
export const dayText = (day: string, language: string) => formatLondon(new Date(`${day}T12:00:00Z`), language, { time: false })

/**
 * Who has booked (organisers only): names, emails, access needs, status and, for a repeating event,
 * the date, in booking order; `day` (2026-12-22) keeps one date's list. The dates are those the
 * event has (for the filter), each with its own count.
 */
export async function listAttendees(actor: Actor, id: string, day: string | null = null) {
  const { event } = await eventForEditing(actor, id)
  const all = await getDb().select().from(eventRegistrations).where(eq(eventRegistrations.eventId, event.id)).orderBy(asc(eventRegistrations.ordinal))
  const dayOf = (person: (typeof all)[number]) => (person.occurrenceStart ? occurrenceDay(person.occurrenceStart) : null)
  const dates = event.rrule ? occurrences(event).map((o) => occurrenceDay(o.startsAt)) : []
  const chosen = day && dates.includes(day) ? day : null
  const people = all.filter((person) => !chosen || dayOf(person) === chosen).map((person) => ({ ...person, day: dayOf(person) }))
  return { event, people, dates, day: chosen }
}

/** The attendee list as CSV for the organiser's spreadsheet (formula-safe, like response exports). */
export async function attendeesCsv(actor: Actor, id: string, day: string | null = null) {
  const { event, people, day: chosen } = await listAttendees(actor, id, day)
  const rows = people.map((person) => [person.name, person.email, person.day ?? '', person.status, person.accessNeeds ?? '', person.createdAt.toISOString()].map(neutralise))
  const filename = `${event.slug}${chosen ? `-${chosen}` : ''}-attendees.csv`
  return { filename, csv: toCsv({ headers: ['Name', 'Email', 'Date', 'Status', 'Access needs', 'Booked at'], rows }) }
}
