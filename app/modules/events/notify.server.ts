import { createElement } from 'react'
import { and, eq, inArray } from 'drizzle-orm'
import { NoticeEmail } from '#emails/notice'
import { renderEmail } from '#emails/render.server'
import { peopleWithoutEventUpdates, unsubscribeUrl } from '~/modules/accounts/index.server'
import { type Connection, getDb } from '~/platform/db.server'
import { getEnv } from '~/platform/env.server'
import { isLanguage, type Language } from '~/platform/i18n/config'
import { getTranslator } from '~/platform/i18n/i18next.server'
import { defineJob, prepareQueue } from '~/platform/jobs.server'
import { prepareMailQueue, queueMail } from '~/platform/mail.server'
import { eventLocation, type InvitationMethod, renderInvitation } from './calendar.server'
import { asJobSession, type Tx } from '~/platform/jobs-in-transaction.server'
import { eventTitle } from './language'
import { bookingPath, manageKeyFor } from './manage-key.server'
import { eventRegistrations, events } from './schema'
import { bookedOccurrence, formatLondon } from './time'

type Session = Pick<Connection, 'query'>
type EventRow = typeof events.$inferSelect
type Registration = typeof eventRegistrations.$inferSelect
export type BookingMail = 'confirmed' | 'waitlisted' | 'promoted' | 'cancelled' | 'updated' | 'eventCancelled' | 'reminder'

const REMINDER_BEFORE_MS = 24 * 3600_000
const isEventUpdate = (kind: BookingMail) => kind === 'updated' || kind === 'eventCancelled'
const languageOf = (value: string | null | undefined): Language => (value && isLanguage(value) ? value : 'en')

async function organisationName(session: Session, organisationId: string) {
  const [row] = await session.query<{ name: { en: string } }>('SELECT name FROM organisations WHERE id = $1', [organisationId])
  return row?.name.en ?? ''
}

const invitationFor: Partial<Record<BookingMail, InvitationMethod>> = {
  confirmed: 'PUBLISH',
  promoted: 'PUBLISH',
  updated: 'PUBLISH',
  reminder: 'PUBLISH',
  cancelled: 'CANCEL',
  eventCancelled: 'CANCEL',
}

/**
 * The SEQUENCE of this person's copy of the event, which must only go up: the event's revision,
 * one more for their own cancellation, and two more for each earlier booking of theirs that was
 * cancelled, so a new booking never reads as older than the cancellation before it.
 */
async function invitationSequence(session: Session, event: EventRow, registration: Registration, kind: BookingMail) {
  const [row] = await session.query<{ earlier: number }>(
    `SELECT count(*)::int AS earlier FROM event_registrations
     WHERE event_id = $1 AND lower(email) = lower($2) AND id <> $3 AND status = 'cancelled' AND confirmed_at IS NOT NULL`,
    [event.id, registration.email, registration.id],
  )
  return event.sequence + 2 * (row?.earlier ?? 0) + (kind === 'cancelled' ? 1 : 0)
}

/** Queues one email about a booking, with its calendar invitation or cancellation, in the transaction. */
export async function queueBookingMail(session: Session, event: EventRow, registration: Registration, kind: BookingMail, changes: string[] = []) {
  const language = languageOf(registration.language)
  const t = await getTranslator(language, 'events')
  // The event's own Gaelic title for a booking made in Gaelic, where the organiser wrote one.
  const title = eventTitle(event, language)
  const base = getEnv().PUBLIC_URL
  const manageUrl = `${base}${bookingPath(event.slug, registration.id, manageKeyFor(registration.id))}`
  // A booking of one date of a repeating event is about that date; otherwise about the next one.
  const booked = bookedOccurrence(event, registration)
  const next = booked ?? { startsAt: registration.occurrenceStart ?? event.startsAt, endsAt: event.endsAt }
  const when = formatLondon(next.startsAt, language, { time: !event.allDay })
  const place = eventLocation(event)
  // The joining link goes only to people with a confirmed place.
  const joining = event.onlineUrl && ['confirmed', 'promoted', 'updated', 'reminder'].includes(kind) ? [t('emails.joining', { url: event.onlineUrl })] : []
  const paragraphs = [
    t(`emails.${kind}.intro`, { title, when, changes: changes.map((c) => t(`emails.changed.${c}`)).join(', ') }),
    t('emails.when', { when }),
    ...(place ? [t('emails.where', { place })] : []),
    ...joining,
    ...(kind === 'eventCancelled' && event.cancelledReason ? [t('emails.reason', { reason: event.cancelledReason })] : []),
  ]
  const cancelledNow = kind === 'cancelled' || kind === 'eventCancelled'
  const body = await renderEmail(
    createElement(NoticeEmail, {
      t: await getTranslator(language),
      lang: language,
      name: registration.name,
      heading: t(`emails.${kind}.heading`, { title }),
      paragraphs,
      action: cancelledNow ? { label: t('emails.seeEvent'), url: `${base}/events/${event.slug}` } : { label: t('emails.manage'), url: manageUrl },
    }),
  )
  // Only people who have had a place have had the event in their calendar to add to or take out of.
  const method = kind === 'promoted' || registration.confirmedAt ? invitationFor[kind] : undefined
  const calendarEvent = { ...event, organisationName: await organisationName(session, event.organisationId) }
  const sequence = method ? await invitationSequence(session, event, registration, kind) : event.sequence
  await queueMail(
    {
      to: registration.email,
      subject: t(`emails.${kind}.subject`, { title }),
      ...body,
      category: kind === 'reminder' ? 'reminder' : kind === 'updated' || kind === 'eventCancelled' ? 'event-update' : 'booking',
      // Changes to the event are the emails a person with an account can turn off; their booking's own emails are not.
      ...(registration.userId && isEventUpdate(kind) ? { unsubscribeUrl: unsubscribeUrl(registration.userId, 'eventUpdates') } : {}),
      ...(method ? { icalEvent: { method, filename: 'invite.ics', content: renderInvitation(calendarEvent, method, sequence, datedOccurrence(event, registration)) } } : {}),
    },
    { transaction: session },
  )
  if (kind === 'confirmed' || kind === 'promoted' || kind === 'updated') await scheduleReminder(session, event, registration)
}

/** A confirmed booking's calendar file, the same event its confirmation email carried. */
export async function bookingInvitation(session: Session, event: EventRow, registration: Registration) {
  const calendarEvent = { ...event, organisationName: await organisationName(session, event.organisationId) }
  return renderInvitation(calendarEvent, 'PUBLISH', await invitationSequence(session, event, registration, 'confirmed'), datedOccurrence(event, registration))
}

/** The one date a booking is for, when it is a booking of one date of a repeating event. */
function datedOccurrence(event: EventRow, registration: Registration) {
  if (!event.rrule || !registration.occurrenceStart) return null
  const length = event.endsAt.getTime() - event.startsAt.getTime()
  return { startsAt: registration.occurrenceStart, endsAt: new Date(registration.occurrenceStart.getTime() + length) }
}

const reminderJob = defineJob<{ registrationId: string; startsAt: string }>({
  name: 'event-reminder',
  retryLimit: 3,
  run: async ({ registrationId, startsAt }) => void (await sendReminder(registrationId, startsAt)),
})

/** Makes sure the queues exist before a transaction enqueues into them (see prepareQueue). */
export async function prepareEventQueues() {
  await prepareMailQueue()
  await prepareQueue(reminderJob.name)
}

/** Schedules the reminder for 24 hours before the booked date (or the next one), if that is still to come. */
async function scheduleReminder(session: Session, event: EventRow, registration: Registration, now = new Date()) {
  const next = bookedOccurrence(event, registration, now)
  if (!next || next.endsAt <= now) return
  const at = new Date(next.startsAt.getTime() - REMINDER_BEFORE_MS)
  if (at <= now) return
  await reminderJob.enqueue({ registrationId: registration.id, startsAt: next.startsAt.toISOString() }, { transaction: session, startAfter: at })
}

/**
 * Sends the reminder a job was scheduled for: not for a cancelled booking or event, not when the
 * event has moved since (its new time has its own job), and never twice for the same start.
 */
export async function sendReminder(registrationId: string, startsAt: string) {
  await prepareMailQueue()
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .select({ registration: eventRegistrations, event: events })
      .from(eventRegistrations)
      .innerJoin(events, eq(events.id, eventRegistrations.eventId))
      .where(eq(eventRegistrations.id, registrationId))
      .for('update')
    if (!row || row.registration.status !== 'confirmed' || row.event.status !== 'published') return false
    const next = bookedOccurrence(row.event, row.registration)
    if (!next || next.startsAt.toISOString() !== startsAt) return false
    if (row.registration.remindedFor?.toISOString() === startsAt) return false
    await tx.update(eventRegistrations).set({ remindedFor: new Date(startsAt) }).where(eq(eventRegistrations.id, registrationId))
    await queueBookingMail(asJobSession(tx), row.event, row.registration, 'reminder')
    return true
  })
}

/**
 * Emails everyone booked about a changed event (with the new invitation) or a cancelled one,
 * except people whose account says they want no emails about changes to events they booked.
 */
export async function notifyAttendees(session: Session, tx: Tx, event: EventRow, kind: 'updated' | 'cancelled', changes: string[] = []) {
  const statuses = kind === 'updated' ? (['confirmed'] as const) : (['confirmed', 'waitlisted'] as const)
  const people = await tx
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, event.id), inArray(eventRegistrations.status, [...statuses])))
  const optedOut = await peopleWithoutEventUpdates(people.flatMap((person) => (person.userId ? [person.userId] : [])), tx)
  for (const person of people) {
    if (person.userId && optedOut.has(person.userId)) continue
    await queueBookingMail(session, event, person, kind === 'updated' ? 'updated' : 'eventCancelled', changes)
  }
}

/** Tells whoever submitted the event that it was approved, or returned and why. */
export async function notifyOrganiser(session: Session, event: EventRow, kind: 'approved' | 'returned', reason?: string) {
  if (!event.createdBy) return
  const [person] = await session.query<{ email: string; display_name: string | null; locale: string }>(
    'SELECT email, display_name, locale FROM users WHERE id = $1',
    [event.createdBy],
  )
  if (!person) return
  const language = languageOf(person.locale)
  const t = await getTranslator(language, 'events')
  const base = getEnv().PUBLIC_URL
  const url = kind === 'approved' ? `${base}/events/${event.slug}` : `${base}/manage/events/${event.id}`
  const body = await renderEmail(
    createElement(NoticeEmail, {
      t: await getTranslator(language),
      lang: language,
      name: person.display_name ?? undefined,
      heading: t(`emails.${kind}.heading`, { title: event.title }),
      paragraphs: [t(`emails.${kind}.intro`, { title: event.title }), ...(reason ? [t('emails.reason', { reason })] : [])],
      action: { label: t(`emails.${kind}.action`), url },
    }),
  )
  await queueMail({ to: person.email, subject: t(`emails.${kind}.subject`, { title: event.title }), ...body, category: 'moderation' }, { transaction: session })
}
