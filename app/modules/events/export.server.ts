import { asc, eq, or, sql } from 'drizzle-orm'
import { getDb } from '~/platform/db.server'
import { eventRegistrations, events } from './schema'

/** The person's bookings, made signed in or with their address while signed out, for "download my data". */
export function exportMyBookings(person: { id: string; email: string }) {
  return getDb()
    .select({
      event: { slug: events.slug, title: events.title, startsAt: events.startsAt, endsAt: events.endsAt },
      name: eventRegistrations.name,
      email: eventRegistrations.email,
      accessNeeds: eventRegistrations.accessNeeds,
      status: eventRegistrations.status,
      language: eventRegistrations.language,
      bookedAt: eventRegistrations.createdAt,
      confirmedAt: eventRegistrations.confirmedAt,
      cancelledAt: eventRegistrations.cancelledAt,
    })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .where(or(eq(eventRegistrations.userId, person.id), sql`lower(${eventRegistrations.email}) = lower(${person.email})`))
    .orderBy(asc(eventRegistrations.createdAt))
}
