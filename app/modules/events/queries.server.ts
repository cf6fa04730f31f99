import { and, asc, count, desc, eq, getTableColumns, gte, inArray, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm'
import { organisations } from '~/modules/accounts/schema'
import { getDb } from '~/platform/db.server'
import { publicRead, thisMinute } from '~/platform/public-reads.server'
import type { CalendarEvent } from './calendar.server'
import type { EventFilters } from './forms'
import { events, programmes } from './schema'
import { allDaySpan, lastEnd, nextOccurrence } from './time'

const PAGE_SIZE = 20
// Feeds carry what is coming and the last few months, so calendars keep recent history.
const FEED_HISTORY_DAYS = 90

const visible = inArray(events.status, ['published', 'cancelled'])
const organisationColumns = { organisationName: sql<string>`${organisations.name}->>'en'`, organisationSlug: organisations.slug }
// Lists and feeds never show the description: leave the largest column behind.
const { description: _description, ...listColumns } = getTableColumns(events)
const withOrganisation = { event: listColumns, ...organisationColumns }

type ListRow = Omit<typeof events.$inferSelect, 'description'>

function flatten(rows: { event: ListRow; organisationName: string; organisationSlug: string }[]) {
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

// Public reads of the calendar are kept until an event, organisation or programme changes
// (docs/decisions/018); those that depend on the time are kept for the minute at most.
const CALENDAR = ['events', 'organisations', 'programmes'] as const
const keyOf = (...parts: unknown[]) => JSON.stringify(parts)

const listed = () => getDb().select(withOrganisation).from(events).innerJoin(organisations, eq(organisations.id, events.organisationId))

/**
 * The public calendar list: upcoming (soonest first) or past (latest first), filtered, a page at a
 * time. One-off events are ordered and cut in SQL; the (few) repeating ones are placed at their
 * next occurrence in code and merged in.
 */
export function listEvents(filters: EventFilters, now?: Date) {
  if (now) return readEvents(filters, now)
  const minute = thisMinute()
  return publicRead(CALENDAR, keyOf('events', filters, minute), () => readEvents(filters, minute))
}

async function readEvents(filters: EventFilters, now: Date) {
  const conditions = await filterConditions(filters)
  const upcoming = filters.when === 'upcoming'
  const oneOff = and(...conditions, isNull(events.rrule), upcoming ? gte(events.endsAt, now) : lt(events.endsAt, now))
  const [singles, [counted], repeating] = await Promise.all([
    listed()
      .where(oneOff)
      .orderBy(upcoming ? asc(events.startsAt) : desc(events.startsAt), asc(events.id))
      .limit(filters.page * PAGE_SIZE),
    getDb().select({ n: count() }).from(events).innerJoin(organisations, eq(organisations.id, events.organisationId)).where(oneOff),
    listed().where(and(...conditions, isNotNull(events.rrule))),
  ])
  const placed = [
    ...flatten(singles).map((event) => ({ ...event, next: { startsAt: event.startsAt, endsAt: event.endsAt } })),
    ...flatten(repeating)
      .filter((event) => (upcoming ? lastEnd(event) >= now : lastEnd(event) < now))
      .map((event) => ({ ...event, next: nextOccurrence(event, now) ?? { startsAt: event.startsAt, endsAt: event.endsAt } })),
  ].sort((a, b) => (upcoming ? 1 : -1) * (a.next.startsAt.getTime() - b.next.startsAt.getTime()))
  const total = (counted?.n ?? 0) + placed.length - singles.length
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE))
  return { events: placed.slice((filters.page - 1) * PAGE_SIZE, filters.page * PAGE_SIZE), total, pageCount }
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

/**
 * Published events that can fall on a day in [from, to), for the month grid, with only what it shows:
 * one-off events overlapping the span, and repeating events begun before its end (the caller
 * expands them). Both through an index (events_span_idx, events_repeating_starts_idx).
 */
export function eventsTouching(filters: Partial<EventFilters>, from: Date, to: Date) {
  return publicRead(CALENDAR, keyOf('touching', filters, from, to), () => readEventsTouching(filters, from, to))
}

async function readEventsTouching(filters: Partial<EventFilters>, from: Date, to: Date) {
  const conditions = await filterConditions(filters)
  const span = sql`tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz)`
  conditions.push(
    or(sql`tstzrange(${events.startsAt}, greatest(${events.startsAt}, ${events.endsAt}), '[]') && ${span}`, and(isNotNull(events.rrule), lt(events.startsAt, to)))!,
  )
  return getDb()
    .select({ slug: events.slug, title: events.title, titleGd: events.titleGd, startsAt: events.startsAt, endsAt: events.endsAt, allDay: events.allDay, rrule: events.rrule, exdates: events.exdates, status: events.status })
    .from(events)
    .innerJoin(organisations, eq(organisations.id, events.organisationId))
    .where(and(...conditions))
    .orderBy(asc(events.startsAt))
}

/** One public event with its organisation, programme and how many places are left. */
export function getPublicEvent(slug: string) {
  return publicRead(CALENDAR, keyOf('event', slug), () => readPublicEvent(slug))
}

async function readPublicEvent(slug: string) {
  const [row] = await getDb()
    .select({ event: events, ...organisationColumns, programme: programmes })
    .from(events)
    .innerJoin(organisations, eq(organisations.id, events.organisationId))
    .leftJoin(programmes, eq(programmes.id, events.programmeId))
    .where(and(eq(events.slug, slug), visible))
  if (!row) return null
  return { event: { ...row.event, organisationName: row.organisationName, organisationSlug: row.organisationSlug }, programme: row.programme }
}

/**
 * The repeating events a dated address could mean: `ferries-workshop-2026-12-22` names the 22nd of
 * the series whose slug is `ferries-workshop-` and its first date.
 */
export async function repeatingEventsNamed(base: string) {
  const pattern = `${base.replace(/[\\%_]/g, (c) => `\\${c}`)}-____-__-__`
  return getDb()
    .select({ slug: events.slug, startsAt: events.startsAt, endsAt: events.endsAt, allDay: events.allDay, rrule: events.rrule, exdates: events.exdates })
    .from(events)
    .where(and(visible, isNotNull(events.rrule), sql`${events.slug} like ${pattern}`))
}

export type FeedScope = { kind: 'all' } | { kind: 'organisation' | 'tag' | 'programme' | 'event'; value: string }

/** What a feed selects and its name; null for an unknown organisation, programme or event. */
async function resolveFeed(scope: FeedScope, now: Date) {
  const db = getDb()
  const since = new Date(now.getTime() - FEED_HISTORY_DAYS * 24 * 3600_000)
  const conditions: SQL[] = [visible]
  let name = 'Guth events'
  if (scope.kind === 'event') {
    const [event] = await db.select({ title: events.title }).from(events).where(and(visible, eq(events.slug, scope.value)))
    if (!event) return null
    conditions.push(eq(events.slug, scope.value))
    name = event.title
  } else conditions.push(or(gte(events.endsAt, since), isNotNull(events.rrule))!)
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
  return { name, where: and(...conditions)! }
}

/**
 * A feed's version without loading it: how many events, their latest change and their revisions.
 * Any edit moves updated_at; an event leaving the window changes the count. Null for an unknown scope.
 */
export function feedVersion(scope: FeedScope, now?: Date) {
  if (now) return readFeedVersion(scope, now)
  // The feed's window moves with the hour: an event leaving it changes the version within the hour.
  const hour = new Date(Math.floor(Date.now() / 3600_000) * 3600_000)
  return publicRead(CALENDAR, keyOf('feed', scope, hour), () => readFeedVersion(scope, hour))
}

async function readFeedVersion(scope: FeedScope, now: Date) {
  const feed = await resolveFeed(scope, now)
  if (!feed) return null
  const [row] = await getDb()
    .select({ n: count(), latest: sql<string | null>`max(${events.updatedAt})`, revisions: sql<number>`coalesce(sum(${events.sequence}), 0)::int` })
    .from(events)
    .where(feed.where)
  const lastModified = row?.latest ? new Date(row.latest) : new Date(0)
  return { version: `${row?.n ?? 0}:${lastModified.getTime()}:${row?.revisions ?? 0}`, lastModified, load: () => feedEvents(feed) }
}

async function feedEvents(feed: { name: string; where: SQL }): Promise<{ name: string; events: CalendarEvent[] }> {
  const list = flatten(await listed().where(feed.where).orderBy(asc(events.startsAt), asc(events.id)))
  return { name: feed.name, events: list }
}

/** A programme, its events and how far it is towards its target. */
export async function getProgramme(slug: string) {
  const [programme] = await getDb().select().from(programmes).where(eq(programmes.slug, slug))
  if (!programme) return null
  const list = await eventsInRange({ programme: slug }, new Date('2000-01-01T00:00:00Z'), new Date('9999-12-31T00:00:00Z'))
  const held = list.filter((event) => event.status === 'published').length
  return { programme, events: list, held, target: programme.targetEvents }
}

/** Programmes, organisations and topics to pick from in filters and forms. */
export function listFilterChoices() {
  return publicRead(CALENDAR, 'filter-choices', loadFilterChoices)
}

async function loadFilterChoices() {
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
