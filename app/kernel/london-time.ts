import { DateTime } from 'luxon'

// Every time Guth shows or reads is Scottish time, whatever the server's or browser's zone.
export const ZONE = 'Europe/London'

/**
 * A date and time as people in Scotland write it (`2027-03-31`, `23:59`) to the instant it means.
 * Returns null for impossible dates (31 February) and for the hour that does not exist when the
 * clocks go forward.
 */
export function londonInstant(date: string, time: string): Date | null {
  const local = DateTime.fromISO(`${date}T${time}`, { zone: ZONE })
  if (!local.isValid) return null
  // Luxon moves a time in the spring gap forward; a time that does not round-trip did not exist.
  if (local.toFormat('yyyy-MM-dd') !== date || local.toFormat('HH:mm') !== time.slice(0, 5)) return null
  return local.toJSDate()
}

/** The instant as a date and time in Scotland, for forms. */
export function londonParts(instant: Date) {
  const local = DateTime.fromJSDate(instant, { zone: ZONE })
  return { date: local.toFormat('yyyy-MM-dd'), time: local.toFormat('HH:mm') }
}

/** "31 March 2027 at 11:59pm" in English or Gaelic, always in Scottish time. */
export function formatLondon(instant: Date, language: string, options: { time?: boolean } = { time: true }) {
  const local = DateTime.fromJSDate(instant, { zone: ZONE }).setLocale(language === 'gd' ? 'gd-GB' : 'en-GB')
  return options.time === false ? local.toFormat('d MMMM yyyy') : local.toFormat(language === 'gd' ? "d MMMM yyyy 'aig' HH:mm" : "d MMMM yyyy 'at' h:mma").replace('AM', 'am').replace('PM', 'pm')
}
