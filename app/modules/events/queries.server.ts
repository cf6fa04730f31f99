import { and, asc, count, desc, eq, gte, inArray, isNotNull, lt, or, type SQL, sql } from 'drizzle-orm'
import { organisations } from '~/modules/accounts/schema'
import { getDb } from '~/platform/db.server'
import type { CalendarEvent } from './calendar.server'
import type { EventFilters } from './forms'
import { eventRegistrations, events, programmes } from './schema'
import { allDaySpan, lastEnd, nextOccurrence } from './time'

const PAGE_SIZE = 20
// Feeds carry what is coming and the last few months, so calendars keep recent history.
const FEED_HISTORY_DAYS = 90

const visible = inArray(events.status, ['published', 'cancelled'])
const withOrganisation = { event: events, organisationName: sql<string>`${organisations.name}->>'en'`, organisationSlug: organisations.slug }

function flatten(rows: { event: typeof events.$inferSelect; organisationName: string; organisationSlug: string }[]) {
  return rows.map((row) => ({ ...row.event, organisationName: row.organisationName, organisationSlug: row.organisationSlug }))
}
export type ListedEvent = ReturnType<typeof flatten>[number]

async function filterConditions(filters: Partial<EventFilters>) {
  const conditions: SQL[] = [visible]
  if (filters.tag) conditions.push(sql`${events.tags} @> array[${filters.tag.toLowerCase()}]::text[]`)
  if (filters.organisation) conditions.push(eq(organisations.slug, filters.organisation))
  if (filters.programme) {
    const [programme] = await getDb().select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, filters.programme))
    conditions.push(eq(events.programmeId, programme?.id ?? '00000000-0000-0000-0000-000000000000'))
  }
  if (filters.mode === 'online') conditions.push(inArray(events.mode, ['online', 'hybrid']))
  if (filters.mode === 'in_person') conditions.push(inArray(events.mode, ['in_person', 'hybrid']))
  if (filters.access?.length) conditions.push(sql`${events.accessibility} @> array[${sql.join(filters.access.map((a) => sql`${a}`), sql`, `)}]::text[]`)
  const from = filters.from ? allDaySpan(filters.from, filters.from)?.startsAt : undefined
  const to = filters.to ? allDaySpan(filters.to, filters.to)?.endsAt : undefined
  // A repeating event may have occurrences after its first one ends: keep it, check it below.
  if (from) conditions.push(or(gte(events.endsAt, from), isNotNull(events.rrule))!)
  if (to) conditions.push(lt(events.startsAt, to))
  return conditions
}

/** The public calendar list: upcoming (soonest first) or past (latest first), filtered, a page at a time. */
export async function listEvents(filters: EventFilters, now = new Date()) {
  const conditions = await filterConditions(filters)
  const upcoming = filters.when === 'upcoming'
  conditions.push(upcoming ? or(gte(events.endsAt, now), isNotNull(events.rrule))! : lt(events.endsAt, now))
  const rows = flatten(
    await getDb()
      .select(withOrganisation)
      .from(events)
      .innerJoin(organisations, eq(organisations.id, events.organisationId))
      .where(and(...conditions))
      .orderBy(upcoming ? asc(events.startsAt) : desc(events.startsAt), asc(events.id)),
  )
  // Repeating events are listed at their next occurrence, and only while one is still to come.
  const placed = rows
    .map((event) => ({ ...event, next: nextOccurrence(event, now) ?? { startsAt: event.startsAt, endsAt: event.endsAt } }))
    .filter((event) => (upcoming ? lastEnd(event) >= now : lastEnd(event) < now))
  if (upcoming) placed.sort((a, b) => a.next.startsAt.getTime() - b.next.startsAt.getTime())
  const pageCount = Math.max(1, Math.ceil(placed.length / PAGE_SIZE))
  return { events: placed.slice((filters.page - 1) * PAGE_SIZE, filters.page * PAGE_SIZE), total: placed.length, pageCount }
}

/** Published events touching a month (for the grid), with the same filters. */
export async function eventsInRange(filters: Partial<EventFilters>, from: Date, to: Date) {
  const conditions = await filterConditions(filters)
  conditions.push(lt(events.startsAt, to), or(gte(events.endsAt, from), isNotNull(events.rrule))!)
  return flatten(
    await getDb()
      .select(withOrganisation)
      .from(events)
      .innerJoin(organisations, eq(organisations.id, events.organisationId))
      .where(and(...conditions))
      .orderBy(asc(events.startsAt)),
  )
}

/** One public event with its organisation, programme and how many places are left. */
export async function getPublicEvent(slug: string) {
  const [row] = await getDb()
    .select({ ...withOrganisation, programme: programmes })
    .from(events)
    .innerJoin(organisations, eq(organisations.id, events.organisationId))
    .leftJoin(programmes, eq(programmes.id, events.programmeId))
    .where(and(eq(events.slug, slug), visible))
  if (!row) return null
  const [counts] = await getDb()
    .select({
      confirmed: sql<number>`count(*) filter (where ${eventRegistrations.status} = 'confirmed')::int`,
      waiting: sql<number>`count(*) filter (where ${eventRegistrations.status} = 'waitlisted')::int`,
    })
    .from(eventRegistrations)
    .where(eq(eventRegistrations.eventId, row.event.id))
  const event = { ...row.event, organisationName: row.organisationName, organisationSlug: row.organisationSlug }
  const placesLeft = event.capacity === null ? null : Math.max(0, event.capacity - (counts?.confirmed ?? 0))
  return { event, programme: row.programme, placesLeft, waiting: counts?.waiting ?? 0 }
}

export type FeedScope = { kind: 'all' } | { kind: 'organisation' | 'tag' | 'programme' | 'event'; value: string }

/** The events of a feed and when any of them last changed (for ETag and Last-Modified); null for an unknown scope. */
export async function feedEvents(scope: FeedScope, now = new Date()): Promise<{ name: string; events: CalendarEvent[]; lastModified: Date } | null> {
  const db = getDb()
  const since = new Date(now.getTime() - FEED_HISTORY_DAYS * 24 * 3600_000)
  const conditions: SQL[] = [visible]
  let name = 'Guth events'
  if (scope.kind === 'event') conditions.push(eq(events.slug, scope.value))
  else conditions.push(or(gte(events.endsAt, since), isNotNull(events.rrule))!)
  if (scope.kind === 'tag') {
    conditions.push(sql`${events.tags} @> array[${scope.value.toLowerCase()}]::text[]`)
    name = `Guth events: ${scope.value}`
  }
  if (scope.kind === 'organisation') {
    const [organisation] = await db.select().from(organisations).where(eq(organisations.slug, scope.value))
    if (!organisation) return null
    conditions.push(eq(events.organisationId, organisation.id))
    name = `${organisation.name.en}: events`
  }
  if (scope.kind === 'programme') {
    const [programme] = await db.select().from(programmes).where(eq(programmes.slug, scope.value))
    if (!programme) return null
    conditions.push(eq(events.programmeId, programme.id))
    name = programme.name
  }
  const list = flatten(
    await db.select(withOrganisation).from(events).innerJoin(organisations, eq(organisations.id, events.organisationId)).where(and(...conditions)).orderBy(asc(events.startsAt), asc(events.id)),
  )
  if (scope.kind === 'event') {
    if (!list[0]) return null
    name = list[0].title
  }
  const lastModified = new Date(Math.max(0, ...list.map((event) => event.updatedAt.getTime())))
  return { name, events: list, lastModified }
}

/** A programme, its events and how far it is towards its target. */
export async function getProgramme(slug: string) {
  const [programme] = await getDb().select().from(programmes).where(eq(programmes.slug, slug))
  if (!programme) return null
  const list = await eventsInRange({ programme: slug }, new Date('2000-01-01T00:00:00Z'), new Date('9999-12-31T00:00:00Z'))
  const held = list.filter((event) => event.status === 'published').length
  return { programme, events: list, held, target: programme.targetEvents }
}

/** Programmes and organisations to pick from in filters and forms. */
export async function listFilterChoices() {
  const db = getDb()
  const [programmeRows, organisationRows, tagRows] = await Promise.all([
    db.select({ slug: programmes.slug, name: programmes.name }).from(programmes).orderBy(asc(programmes.name)),
    db
      .selectDistinct({ slug: organisations.slug, name: sql<string>`${organisations.name}->>'en'` })
      .from(organisations)
      .innerJoin(events, and(eq(events.organisationId, organisations.id), visible)),
    db.selectDistinct({ tag: sql<string>`unnest(${events.tags})` }).from(events).where(eq(events.status, 'published')),
  ])
  const tags = tagRows.map((row) => row.tag).sort().slice(0, 100)
  return { programmes: programmeRows, organisations: organisationRows.sort((a, b) => a.name.localeCompare(b.name)), tags }
}

export async function countUpcoming(now = new Date()) {
  const [row] = await getDb().select({ n: count() }).from(events).where(and(eq(events.status, 'published'), gte(events.endsAt, now)))
  return row?.n ?? 0
}
