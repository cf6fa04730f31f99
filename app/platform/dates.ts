import { z } from 'zod'

// One way to write a date in every form: the design system's day/month/year, 31/3/2027.
// Year-month-day is read too, so links and pasted values still work.

/** `31/3/2027` or `2027-03-31` as `2027-03-31`; null when it is not written as a date. */
export function normaliseDate(value: string) {
  const text = value.trim()
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text)
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text)
  const [year, month, day] = uk ? [uk[3], uk[2], uk[1]] : iso ? [iso[1], iso[2], iso[3]] : []
  if (!year || !month || !day) return null
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
}

/** A real calendar date written YYYY-MM-DD (2027-02-30 is not one). */
export function isCalendarDate(iso: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** The real date a person wrote, as YYYY-MM-DD; null when it is not one. */
export function readDate(value: string) {
  const iso = normaliseDate(value)
  return iso && isCalendarDate(iso) ? iso : null
}

/** UK style for forms: `2027-03-31` → `31/03/2027`. */
export const ukDate = (iso: string) => iso.split('-').reverse().join('/')

/** A form's date field: what was written, checked and given on as YYYY-MM-DD. */
export const dateText = (message: string) =>
  z
    .string()
    .trim()
    .refine((value) => readDate(value) !== null, message)
    .transform((value) => readDate(value)!)
