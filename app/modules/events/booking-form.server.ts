import { hitRateLimits, type RateLimit } from '~/platform/rate-limit.server'
import { bookPlace, readBooking } from './bookings.server'
import { bookingPath } from './manage-key.server'
import type { BookingInput } from './forms'

// Generous per address (a library or an office books for many); tight per email (nobody books 20 events an hour).
const limits = {
  perIp: { name: 'event-booking:ip', limit: 60, windowSeconds: 15 * 60 } satisfies RateLimit,
  perEmail: { name: 'event-booking:email', limit: 20, windowSeconds: 3600 } satisfies RateLimit,
}

export type BookingFieldErrors = Partial<Record<keyof BookingInput | 'dates', string[]>>

/**
 * Which dates of a repeating event the form chose, as the occurrences' starts: null when a date is
 * not one of the event's upcoming ones. A one-off event has no dates to choose.
 */
function chosenStarts(dates: { day: string; start: string }[], days: string[]) {
  const starts = days.map((day) => dates.find((d) => d.day === day)?.start)
  return starts.every((s) => s !== undefined) ? starts.map((s) => new Date(s!)) : null
}

/**
 * The public booking form: refuses bots (honeypot) and floods (rate limits) before booking. A
 * repeating event books each date ticked (at least one).
 * On success, where to go (the booking's own manage page) and whether the place is confirmed or on
 * the waiting list.
 */
export async function bookFromForm(
  event: { id: string; slug: string; dates: { day: string; start: string }[] },
  input: BookingInput & { dates?: string[] },
  context: { ip: string; userId: string | null; language: string; isBot: boolean },
) {
  if (context.isBot) return { ok: false as const, reason: 'not_bookable' as const }
  // Checked before the rate limits, so nothing is written for a form that cannot be booked.
  const read = readBooking(input)
  const days = [...new Set(input.dates ?? [])]
  const noDates = event.dates.length > 0 && days.length === 0
  if (!read.ok || noDates) {
    const fieldErrors: BookingFieldErrors = { ...(read.ok ? {} : read.fieldErrors), ...(noDates ? { dates: ['events:errors.datesMissing'] } : {}) }
    return { ok: false as const, reason: 'invalid' as const, fieldErrors }
  }
  const starts = event.dates.length ? chosenStarts(event.dates, days) : []
  if (!starts) return { ok: false as const, reason: 'no_date' as const }
  const limited = await hitRateLimits([
    [limits.perIp, context.ip],
    [limits.perEmail, String(input.email ?? '').trim() || 'none'],
  ])
  if (!limited.ok) return { ok: false as const, reason: 'rate_limited' as const, retryAt: limited.retryAt }
  const booked = await bookPlace(event.id, input, { userId: context.userId, language: context.language, occurrences: starts })
  if (!booked.ok) return booked
  return { ok: true as const, url: bookingPath(event.slug, booked.registration.id, booked.manageKey), status: booked.registration.status, dates: booked.registrations.length }
}
