import { hitRateLimits, type RateLimit } from '~/platform/rate-limit.server'
import { bookPlace, readBooking } from './bookings.server'
import { bookingPath } from './manage-key.server'
import type { BookingInput } from './forms'

// Generous per address (a library or an office books for many); tight per email (nobody books 20 events an hour).
const limits = {
  perIp: { name: 'event-booking:ip', limit: 60, windowSeconds: 15 * 60 } satisfies RateLimit,
  perEmail: { name: 'event-booking:email', limit: 20, windowSeconds: 3600 } satisfies RateLimit,
}

/**
 * The public booking form: refuses bots (honeypot) and floods (rate limits) before booking.
 * On success, where to go (the booking's own manage page) and whether the place is confirmed or on
 * the waiting list.
 */
export async function bookFromForm(
  event: { id: string; slug: string },
  input: BookingInput,
  context: { ip: string; userId: string | null; language: string; isBot: boolean },
) {
  if (context.isBot) return { ok: false as const, reason: 'not_bookable' as const }
  // Checked before the rate limits, so nothing is written for a form that cannot be booked.
  const read = readBooking(input)
  if (!read.ok) return read
  const limited = await hitRateLimits([
    [limits.perIp, context.ip],
    [limits.perEmail, String(input.email ?? '').trim() || 'none'],
  ])
  if (!limited.ok) return { ok: false as const, reason: 'rate_limited' as const, retryAt: limited.retryAt }
  const booked = await bookPlace(event.id, input, { userId: context.userId, language: context.language })
  if (!booked.ok) return booked
  return { ok: true as const, url: bookingPath(event.slug, booked.registration.id, booked.manageKey), status: booked.registration.status }
}
