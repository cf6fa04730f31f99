import { createHmac, timingSafeEqual } from 'node:crypto'
import { getEnv } from '~/platform/env.server'

/**
 * The secret in a booking's manage link: derived from the booking, so any email can carry it and
 * nothing secret is stored.
 */
export function manageKeyFor(registrationId: string) {
  return createHmac('sha256', getEnv().SESSION_SECRET).update(`event-booking:${registrationId}`).digest('base64url')
}

export function keyMatches(registrationId: string, key: string) {
  const expected = Buffer.from(manageKeyFor(registrationId))
  const given = Buffer.from(key)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

/** The manage-my-booking page; the key in it is the only way in. */
export const bookingPath = (slug: string, registrationId: string, key: string) => `/events/${slug}/bookings/${registrationId}?key=${encodeURIComponent(key)}`
