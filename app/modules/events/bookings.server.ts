import { fieldErrors } from '~/kernel/form-errors'
import { and, asc, eq, isNull, max, ne, type SQL, sql } from 'drizzle-orm'
import { isUuid } from '~/kernel/ids'
import { getDb } from '~/platform/db.server'
import { publicRead } from '~/platform/public-reads.server'
import { type BookingInput, BookingSchema } from './forms'
import { asJobSession, type Tx } from '~/platform/jobs-in-transaction.server'
import { keyMatches, manageKeyFor } from './manage-key.server'
import { prepareEventQueues, queueBookingMail } from './notify.server'
import { eventRegistrations, events } from './schema'
import { lastEnd, nextOccurrence, occurrences } from './time'

export type Registration = typeof eventRegistrations.$inferSelect
export type BookingRefusal = 'not_found' | 'not_bookable' | 'event_over' | 'event_cancelled' | 'already_booked' | 'no_date'
export type BookingOutcome =
  | { ok: true; registration: Registration; manageKey: string; registrations: { registration: Registration; manageKey: string }[] }
  | { ok: false; reason: BookingRefusal }
  | { ok: false; reason: 'invalid'; fieldErrors: Partial<Record<keyof BookingInput, string[]>> }

/** The booking form read, or its field errors; touches no table. */
export function readBooking(input: BookingInput) {
  const parsed = BookingSchema.safeParse(input)
  if (parsed.success) return { ok: true as const, value: parsed.data }
  return { ok: false as const, reason: 'invalid' as const, fieldErrors: fieldErrors<keyof BookingInput & string>(parsed.error.issues) }
}

/** The rows of one occurrence (or of a one-off event, whose occurrence is null). */
const sameOccurrence = (eventId: string, occurrenceStart: Date | null): SQL =>
  and(
    eq(eventRegistrations.eventId, eventId),
    occurrenceStart ? eq(eventRegistrations.occurrenceStart, occurrenceStart) : isNull(eventRegistrations.occurrenceStart),
  )!

/**
 * Books a place on each date asked for (a one-off event has just the one), or a place on that
 * date's waiting list when it is full. Bookings for one event queue on the event's row lock, so
 * places are never given twice and each list keeps its order. Without dates, a repeating event's
 * next occurrence is booked.
 */
export async function bookPlace(
  eventId: string,
  input: BookingInput,
  booker: { userId?: string | null; language: string; occurrences?: Date[] },
  now = new Date(),
): Promise<BookingOutcome> {
  const parsed = readBooking(input)
  if (!parsed.ok) return parsed
  if (!isUuid(eventId)) return { ok: false, reason: 'not_found' }
  await prepareEventQueues()
  return getDb().transaction(async (tx) => {
    const [event] = await tx.select().from(events).where(eq(events.id, eventId)).for('update')
    if (!event || (event.status !== 'published' && event.status !== 'cancelled')) return { ok: false as const, reason: 'not_found' as const }
    if (event.status === 'cancelled') return { ok: false as const, reason: 'event_cancelled' as const }
    if (!event.bookingRequired) return { ok: false as const, reason: 'not_bookable' as const }
    if (lastEnd(event) <= now) return { ok: false as const, reason: 'event_over' as const }
    let starts: (Date | null)[]
    if (!event.rrule) starts = [null]
    else if (!booker.occurrences?.length) {
      const next = nextOccurrence(event, now)
      if (!next) return { ok: false as const, reason: 'event_over' as const }
      starts = [next.startsAt]
    } else {
      const scheduled = new Map(occurrences(event).map((o) => [o.startsAt.getTime(), o]))
      const asked = [...new Set(booker.occurrences.map((d) => d.getTime()))].sort((a, b) => a - b)
      if (asked.some((t) => !scheduled.has(t))) return { ok: false as const, reason: 'no_date' as const }
      if (asked.some((t) => scheduled.get(t)!.endsAt <= now)) return { ok: false as const, reason: 'event_over' as const }
      starts = asked.map((t) => new Date(t))
    }
    const email = parsed.value.email.toLowerCase()
    for (const start of starts) {
      const [existing] = await tx
        .select({ id: eventRegistrations.id })
        .from(eventRegistrations)
        .where(and(sameOccurrence(eventId, start), sql`lower(${eventRegistrations.email}) = ${email}`, ne(eventRegistrations.status, 'cancelled')))
      if (existing) return { ok: false as const, reason: 'already_booked' as const }
    }
    const [last] = await tx.select({ last: max(eventRegistrations.ordinal) }).from(eventRegistrations).where(eq(eventRegistrations.eventId, eventId))
    let ordinal = last?.last ?? 0
    const made: { registration: Registration; manageKey: string }[] = []
    for (const start of starts) {
      const [counts] = await tx
        .select({ confirmed: sql<number>`count(*) filter (where ${eventRegistrations.status} = 'confirmed')::int` })
        .from(eventRegistrations)
        .where(sameOccurrence(eventId, start))
      const full = event.capacity !== null && (counts?.confirmed ?? 0) >= event.capacity
      ordinal += 1
      const [registration] = await tx
        .insert(eventRegistrations)
        .values({
          eventId,
          occurrenceStart: start,
          userId: booker.userId ?? null,
          name: parsed.value.name,
          email,
          accessNeeds: parsed.value.accessNeeds || null,
          status: full ? 'waitlisted' : 'confirmed',
          ordinal,
          language: booker.language,
          confirmedAt: full ? null : now,
        })
        .returning()
      await queueBookingMail(asJobSession(tx), event, registration!, full ? 'waitlisted' : 'confirmed')
      made.push({ registration: registration!, manageKey: manageKeyFor(registration!.id) })
    }
    return { ok: true as const, ...made[0]!, registrations: made }
  })
}

/** Places left and people waiting on each upcoming date of an event (one entry for a one-off event). */
export async function occurrencePlaces(event: typeof events.$inferSelect, now = new Date()) {
  // Read on every view of the event; kept until a booking changes (booking itself counts afresh).
  const rows = await publicRead(['event_registrations'], `places:${event.id}`, () =>
    getDb()
      .select({
        start: eventRegistrations.occurrenceStart,
        confirmed: sql<number>`count(*) filter (where ${eventRegistrations.status} = 'confirmed')::int`,
        waiting: sql<number>`count(*) filter (where ${eventRegistrations.status} = 'waitlisted')::int`,
      })
      .from(eventRegistrations)
      .where(eq(eventRegistrations.eventId, event.id))
      .groupBy(eventRegistrations.occurrenceStart),
  )
  const byStart = new Map(rows.map((r) => [r.start?.getTime() ?? null, r]))
  return occurrences(event)
    .filter((o) => o.endsAt > now)
    .map((o) => {
      const row = byStart.get(event.rrule ? o.startsAt.getTime() : null)
      const confirmed = row?.confirmed ?? 0
      return { ...o, placesLeft: event.capacity === null ? null : Math.max(0, event.capacity - confirmed), waiting: row?.waiting ?? 0 }
    })
}

/** The live bookings of the same person (by email) for the other dates of a booking's event, by date. */
export async function otherDatesBooked(registration: Registration) {
  if (!registration.occurrenceStart) return []
  return getDb()
    .select()
    .from(eventRegistrations)
    .where(
      and(
        eq(eventRegistrations.eventId, registration.eventId),
        ne(eventRegistrations.id, registration.id),
        sql`lower(${eventRegistrations.email}) = lower(${registration.email})`,
        ne(eventRegistrations.status, 'cancelled'),
      ),
    )
    .orderBy(asc(eventRegistrations.occurrenceStart))
}

/** A booking seen through its manage link; null when the link is wrong. */
export async function findBooking(registrationId: string, key: string) {
  if (!isUuid(registrationId) || !keyMatches(registrationId, key)) return null
  const [row] = await getDb()
    .select({ registration: eventRegistrations, event: events })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .where(eq(eventRegistrations.id, registrationId))
  return row ?? null
}

/** Gives the first person waiting for the same date the place that has come free (in booking order). */
async function promoteFromWaitlist(tx: Tx, event: typeof events.$inferSelect, occurrenceStart: Date | null, now: Date) {
  const [next] = await tx
    .select()
    .from(eventRegistrations)
    .where(and(sameOccurrence(event.id, occurrenceStart), eq(eventRegistrations.status, 'waitlisted')))
    .orderBy(asc(eventRegistrations.ordinal))
    .limit(1)
    .for('update')
  if (!next) return null
  const [promoted] = await tx
    .update(eventRegistrations)
    .set({ status: 'confirmed', confirmedAt: now })
    .where(eq(eventRegistrations.id, next.id))
    .returning()
  await queueBookingMail(asJobSession(tx), event, promoted!, 'promoted')
  return promoted!
}

/**
 * Cancels a booking through its manage link. A freed place goes to the next person waiting, who
 * is emailed their confirmation; the canceller gets a cancellation for their calendar.
 */
export async function cancelBooking(registrationId: string, key: string, now = new Date()) {
  const found = await findBooking(registrationId, key)
  if (!found) return { ok: false as const, reason: 'not_found' as const }
  await prepareEventQueues()
  return getDb().transaction(async (tx) => {
    const [event] = await tx.select().from(events).where(eq(events.id, found.event.id)).for('update')
    const [registration] = await tx.select().from(eventRegistrations).where(eq(eventRegistrations.id, registrationId)).for('update')
    if (!event || !registration) return { ok: false as const, reason: 'not_found' as const }
    if (registration.status === 'cancelled') return { ok: true as const, promoted: null }
    const [cancelled] = await tx
      .update(eventRegistrations)
      .set({ status: 'cancelled', cancelledAt: now })
      .where(eq(eventRegistrations.id, registrationId))
      .returning()
    await queueBookingMail(asJobSession(tx), event, cancelled!, 'cancelled')
    const promoted = registration.status === 'confirmed' && event.status === 'published' ? await promoteFromWaitlist(tx, event, registration.occurrenceStart, now) : null
    return { ok: true as const, promoted }
  })
}

/** Changes the name or access needs on a live booking (the email is who booked; book again to change it). */
export async function changeBooking(registrationId: string, key: string, input: Omit<BookingInput, 'email'>) {
  const found = await findBooking(registrationId, key)
  if (!found || found.registration.status === 'cancelled') return { ok: false as const, reason: 'not_found' as const }
  const parsed = BookingSchema.safeParse({ ...input, email: found.registration.email })
  if (!parsed.success) return { ok: false as const, reason: 'invalid' as const, fieldErrors: { name: parsed.error.issues.map((issue) => issue.message) } }
  await getDb()
    .update(eventRegistrations)
    .set({ name: parsed.data.name, accessNeeds: parsed.data.accessNeeds || null })
    .where(eq(eventRegistrations.id, registrationId))
  return { ok: true as const }
}
