import { and, count, eq, ne, sql } from 'drizzle-orm'
import { recordAudit, findMembership, forbidden } from '~/modules/accounts/index.server'
import type { Actor } from '~/modules/accounts'
import { isUuid } from '~/kernel/ids'
import type { BodyDoc } from '~/kernel/rich-text'
import { getDb } from '~/platform/db.server'
import { readEventDetails, type FieldErrors } from './details.server'
import type { EventInput } from './forms'
import { asJobSession, type Tx } from '~/platform/jobs-in-transaction.server'
import { notifyAttendees, notifyOrganiser, prepareEventQueues } from './notify.server'
import { canModerateEvents, canOrganise, publishesDirectly } from './permissions'
import { eventRegistrations, events } from './schema'
import { occurrences } from './time'

type EventRow = typeof events.$inferSelect

type Invalid = { ok: false; reason: 'invalid'; fieldErrors: FieldErrors }
type Refused = { ok: false; reason: 'not_found' | 'wrong_status' | 'capacity_below_bookings' }
export type EventOutcome = { ok: true; id: string; slug: string; status: string } | Invalid | Refused

const notFound = { ok: false as const, reason: 'not_found' as const }

/** Refuses (403) anyone who may not organise events for this organisation. */
async function assertMayOrganise(actor: Actor, organisationId: string) {
  const membership = await findMembership(actor.id, organisationId)
  if (!canOrganise(actor, membership)) forbidden()
}

/** The event's organisation, looked up before any transaction (on PGlite a query outside an open transaction waits for it). */
async function organisationOf(id: string) {
  if (!isUuid(id)) return null
  const [row] = await getDb().select({ organisationId: events.organisationId }).from(events).where(eq(events.id, id))
  return row?.organisationId ?? null
}

async function lockEvent(tx: Tx, id: string) {
  if (!isUuid(id)) return null
  const [row] = await tx.select().from(events).where(eq(events.id, id)).for('update')
  return row ?? null
}

async function freeSlug(tx: Tx, base: string, exceptId?: string) {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`
    const [taken] = await tx.select({ id: events.id }).from(events).where(and(eq(events.slug, slug), exceptId ? ne(events.id, exceptId) : undefined))
    if (!taken) return slug
  }
}

/**
 * Schedules an event for one of the actor's organisations: sent to the moderators for approval,
 * or published at once when a moderator makes it.
 */
export async function createEvent(actor: Actor, input: EventInput, description: BodyDoc | null, descriptionGd: BodyDoc | null = null): Promise<EventOutcome> {
  const details = await readEventDetails(input, description, descriptionGd)
  if (!details.ok) return { ok: false, reason: 'invalid', fieldErrors: details.errors }
  await assertMayOrganise(actor, details.organisationId)
  const status = publishesDirectly(actor) ? 'published' : 'submitted'
  return getDb().transaction(async (tx) => {
    const slug = await freeSlug(tx, details.slugBase)
    const now = new Date()
    const [created] = await tx
      .insert(events)
      .values({ ...details.values, slug, organisationId: details.organisationId, status, createdBy: actor.id, submittedAt: now, publishedAt: status === 'published' ? now : null })
      .returning({ id: events.id })
    await recordAudit({ actorId: actor.id, action: `event.${status}`, subjectType: 'event', subjectId: created!.id, details: { slug } }, tx)
    return { ok: true as const, id: created!.id, slug, status }
  })
}

// What attendees must hear about: when, where and how to join.
const NOTIFIED_FIELDS = ['startsAt', 'endsAt', 'allDay', 'rrule', 'exdates', 'mode', 'venue', 'address', 'onlineUrl'] as const

/**
 * Changes an event. A returned event goes back to the moderators; a published one stays published,
 * and if its time, place or link changed its SEQUENCE goes up and confirmed attendees are emailed.
 */
export async function updateEvent(actor: Actor, id: string, input: EventInput, description: BodyDoc | null, descriptionGd: BodyDoc | null = null): Promise<EventOutcome> {
  const organisationId = await organisationOf(id)
  if (!organisationId) return notFound
  await assertMayOrganise(actor, organisationId)
  const details = await readEventDetails(input, description, descriptionGd)
  if (!details.ok) return { ok: false as const, reason: 'invalid' as const, fieldErrors: details.errors }
  if (details.organisationId !== organisationId) await assertMayOrganise(actor, details.organisationId)
  await prepareEventQueues()
  return getDb().transaction(async (tx) => {
    const current = await lockEvent(tx, id)
    if (!current) return notFound
    if (current.status === 'cancelled') return { ok: false as const, reason: 'wrong_status' as const }
    // Each date of a repeating event has its own places: the fullest date sets the floor.
    const perDate = await tx
      .select({ confirmed: count() })
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.eventId, id), eq(eventRegistrations.status, 'confirmed')))
      .groupBy(eventRegistrations.occurrenceStart)
    const confirmed = Math.max(0, ...perDate.map((row) => row.confirmed))
    if (details.values.capacity !== null && details.values.capacity < confirmed) {
      return { ok: false as const, reason: 'invalid' as const, fieldErrors: { capacity: ['events:errors.capacityBelowBookings'] } }
    }
    const changed = NOTIFIED_FIELDS.filter((field) => JSON.stringify(current[field]) !== JSON.stringify(details.values[field]))
    const published = current.status === 'published'
    const resubmit = current.status === 'returned' || current.status === 'draft'
    const status = resubmit ? (publishesDirectly(actor) ? 'published' : 'submitted') : current.status
    const [updated] = await tx
      .update(events)
      .set({
        ...details.values,
        organisationId: details.organisationId,
        status,
        sequence: published && changed.length ? current.sequence + 1 : current.sequence,
        returnedReason: resubmit ? null : current.returnedReason,
        submittedAt: resubmit ? new Date() : current.submittedAt,
        publishedAt: status === 'published' ? (current.publishedAt ?? new Date()) : null,
      })
      .where(eq(events.id, id))
      .returning()
    await recordAudit({ actorId: actor.id, action: 'event.updated', subjectType: 'event', subjectId: id, details: { changed } }, tx)
    if (changed.includes('startsAt') || changed.includes('rrule')) await moveDatedBookings(tx, current, updated!)
    if (published && changed.length) await notifyAttendees(asJobSession(tx), tx, updated!, 'updated', [...changed])
    return { ok: true as const, id, slug: updated!.slug, status }
  })
}

/**
 * Keeps each booking of one date on "its" date when a repeating event moves: the nth date's
 * bookings go to the nth date of the new schedule (a series that stops repeating keeps them as
 * bookings of the event). A date that no longer exists keeps its bookings, which get no reminder.
 */
async function moveDatedBookings(tx: Tx, before: EventRow, after: EventRow) {
  if (!after.rrule) {
    await tx.update(eventRegistrations).set({ occurrenceStart: null }).where(eq(eventRegistrations.eventId, after.id))
    return
  }
  const old = occurrences(before)
  const now = occurrences(after)
  const moves = old.flatMap((o, i) => (now[i] && now[i]!.startsAt.getTime() !== o.startsAt.getTime() ? [[o.startsAt.toISOString(), now[i]!.startsAt.toISOString()]] : []))
  if (!moves.length) return
  // One statement, so a date moving onto another's old start is not moved twice.
  await tx.execute(sql`
    UPDATE event_registrations r SET occurrence_start = m.after::timestamptz
    FROM (VALUES ${sql.join(moves.map(([from, to]) => sql`(${from}, ${to})`), sql`, `)}) AS m(before, after)
    WHERE r.event_id = ${after.id} AND r.occurrence_start = m.before::timestamptz`)
}

/** A moderator publishes a submitted event and tells its organiser. */
export async function approveEvent(actor: Actor, id: string): Promise<EventOutcome> {
  if (!canModerateEvents(actor)) forbidden()
  await prepareEventQueues()
  return getDb().transaction(async (tx) => {
    const current = await lockEvent(tx, id)
    if (!current) return notFound
    if (current.status !== 'submitted') return { ok: false as const, reason: 'wrong_status' as const }
    const [updated] = await tx.update(events).set({ status: 'published', publishedAt: new Date(), returnedReason: null }).where(eq(events.id, id)).returning()
    await recordAudit({ actorId: actor.id, action: 'event.approved', subjectType: 'event', subjectId: id }, tx)
    await notifyOrganiser(asJobSession(tx), updated!, 'approved')
    return { ok: true as const, id, slug: current.slug, status: 'published' }
  })
}

/** A moderator sends a submitted event back to its organiser with the reason, by email too. */
export async function returnEvent(actor: Actor, id: string, reason: string): Promise<EventOutcome> {
  if (!canModerateEvents(actor)) forbidden()
  if (!reason.trim()) return { ok: false, reason: 'invalid', fieldErrors: {} }
  await prepareEventQueues()
  return getDb().transaction(async (tx) => {
    const current = await lockEvent(tx, id)
    if (!current) return notFound
    if (current.status !== 'submitted') return { ok: false as const, reason: 'wrong_status' as const }
    const [updated] = await tx.update(events).set({ status: 'returned', returnedReason: reason.trim() }).where(eq(events.id, id)).returning()
    await recordAudit({ actorId: actor.id, action: 'event.returned', subjectType: 'event', subjectId: id, details: { reason } }, tx)
    await notifyOrganiser(asJobSession(tx), updated!, 'returned', reason.trim())
    return { ok: true as const, id, slug: current.slug, status: 'returned' }
  })
}

/**
 * Cancels an event for good: everyone booked or waiting gets a cancellation that takes it out of
 * their calendar, feeds show it as cancelled, and no reminder goes out.
 */
export async function cancelEvent(actor: Actor, id: string, reason: string): Promise<EventOutcome> {
  const organisationId = await organisationOf(id)
  if (!organisationId) return notFound
  await assertMayOrganise(actor, organisationId)
  await prepareEventQueues()
  return getDb().transaction(async (tx) => {
    const current = await lockEvent(tx, id)
    if (!current) return notFound
    if (current.status === 'cancelled') return { ok: false as const, reason: 'wrong_status' as const }
    const [updated] = await tx
      .update(events)
      .set({ status: 'cancelled', cancelledAt: new Date(), cancelledReason: reason.trim() || null, sequence: current.sequence + 1 })
      .where(eq(events.id, id))
      .returning()
    await recordAudit({ actorId: actor.id, action: 'event.cancelled', subjectType: 'event', subjectId: id, details: { reason } }, tx)
    if (current.status === 'published') await notifyAttendees(asJobSession(tx), tx, updated!, 'cancelled')
    return { ok: true as const, id, slug: current.slug, status: 'cancelled' }
  })
}
