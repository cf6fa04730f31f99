import { sql } from 'drizzle-orm'
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { organisations, users } from '~/modules/accounts/schema'
import { consultations } from '~/modules/consultations/schema'
import { at, createdAt, id, updatedAt } from '~/platform/columns'

export const eventStatus = pgEnum('event_status', ['draft', 'submitted', 'returned', 'published', 'cancelled'])
export const eventMode = pgEnum('event_mode', ['in_person', 'online', 'hybrid'])
export const registrationStatus = pgEnum('registration_status', ['confirmed', 'waitlisted', 'cancelled'])

// A named series with a target, e.g. "Open Government Pioneer year: 6 events".
export const programmes = pgTable(
  'programmes',
  {
    id: id(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    // Gaelic versions; English is shown where they are missing.
    nameGd: text('name_gd'),
    descriptionGd: text('description_gd'),
    targetEvents: integer('target_events').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('programmes_slug_key').on(t.slug)],
).enableRLS()

export const events = pgTable(
  'events',
  {
    id: id(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    description: jsonb('description').$type<Record<string, unknown>>(),
    // Gaelic versions; English is shown where they are missing.
    titleGd: text('title_gd'),
    summaryGd: text('summary_gd'),
    descriptionGd: jsonb('description_gd').$type<Record<string, unknown>>(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'set null' }),
    consultationId: uuid('consultation_id').references(() => consultations.id, { onDelete: 'set null' }),
    // Instants, plus the zone the organiser meant them in (Europe/London); all-day events run
    // from local midnight of their first day to local midnight after their last.
    startsAt: at('starts_at').notNull(),
    endsAt: at('ends_at').notNull(),
    timeZone: text('time_zone').notNull().default('Europe/London'),
    allDay: boolean('all_day').notNull().default(false),
    // RRULE value without DTSTART (e.g. FREQ=WEEKLY;COUNT=6); exceptions are occurrence starts.
    rrule: text('rrule'),
    exdates: jsonb('exdates').$type<string[]>().notNull().default([]),
    mode: eventMode('mode').notNull().default('in_person'),
    venue: text('venue'),
    address: text('address'),
    onlineUrl: text('online_url'),
    accessibility: text('accessibility').array().notNull().default(sql`'{}'::text[]`),
    accessibilityNotes: text('accessibility_notes'),
    capacity: integer('capacity'),
    bookingRequired: boolean('booking_required').notNull().default(true),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    status: eventStatus('status').notNull().default('draft'),
    // iCalendar SEQUENCE: bumped whenever a published event changes in a way attendees must hear of.
    sequence: integer('sequence').notNull().default(0),
    returnedReason: text('returned_reason'),
    cancelledReason: text('cancelled_reason'),
    submittedAt: at('submitted_at'),
    publishedAt: at('published_at'),
    cancelledAt: at('cancelled_at'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('events_slug_key').on(t.slug),
    index('events_status_starts_idx').on(t.status, t.startsAt),
    index('events_organisation_idx').on(t.organisationId),
    index('events_programme_idx').on(t.programmeId),
    index('events_tags_idx').using('gin', t.tags),
    // The month grid: one-off events overlapping a span, and the few repeating ones begun before its end.
    // greatest() keeps a row with its end before its start (which the forms refuse) from failing the index.
    index('events_span_idx').using('gist', sql`tstzrange(${t.startsAt}, greatest(${t.startsAt}, ${t.endsAt}), '[]')`),
    index('events_repeating_starts_idx').on(t.startsAt).where(sql`${t.rrule} is not null`),
  ],
).enableRLS()

export const eventRegistrations = pgTable(
  'event_registrations',
  {
    id: id(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    // The occurrence booked, by its start as the series schedules it (iCalendar RECURRENCE-ID);
    // null for a one-off event, whose booking follows the event if it moves.
    occurrenceStart: at('occurrence_start'),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    // Seen only by the event's organisers.
    accessNeeds: text('access_needs'),
    status: registrationStatus('status').notNull(),
    // Order of booking within the event, given under the event's row lock: the waiting list's order.
    ordinal: integer('ordinal').notNull(),
    language: text('language').notNull().default('en'),
    // The event start a reminder went out for; a moved event gets a new reminder.
    remindedFor: at('reminded_for'),
    confirmedAt: at('confirmed_at'),
    cancelledAt: at('cancelled_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One live booking per email address per occurrence; a cancelled one does not block booking again.
    uniqueIndex('event_registrations_live_email_key')
      .on(t.eventId, sql`coalesce(${t.occurrenceStart}, '-infinity'::timestamptz)`, sql`lower(${t.email})`)
      .where(sql`${t.status} <> 'cancelled'`),
    // Ordinals run across the whole event; each occurrence's waiting list is in ordinal order.
    uniqueIndex('event_registrations_ordinal_key').on(t.eventId, t.ordinal),
    index('event_registrations_event_status_idx').on(t.eventId, t.occurrenceStart, t.status, t.ordinal),
  ],
).enableRLS()
