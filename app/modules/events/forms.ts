import { z } from 'zod'
import { isCalendarDate, SLUG_PATTERN } from '~/modules/consultations'
import { ACCESSIBILITY_FEATURES, CLOCKS, MODES, REPEATS } from './choices'

// Shared by server and browser: error messages are translation keys in events.json.

export { ACCESSIBILITY_FEATURES, type AccessibilityFeature, CLOCKS, type EventMode, MODES, REPEATS } from './choices'

const text = (max: number) => z.string().trim().max(max, 'events:errors.tooLong').optional()
const requiredText = (missing: string, max: number) => z.string({ required_error: missing }).trim().min(1, missing).max(max, 'events:errors.tooLong')
const checkbox = z.preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean())
const many = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(item))

export const EventSchema = z.object({
  title: requiredText('events:errors.titleMissing', 200),
  summary: requiredText('events:errors.summaryMissing', 500),
  // Gaelic versions, all optional: English stands in (marked) where one is missing.
  titleGd: text(200),
  summaryGd: text(500),
  organisation: requiredText('events:errors.organisationMissing', 100),
  programme: text(100),
  consultation: text(200),
  allDay: checkbox,
  startDate: requiredText('events:errors.dateMissing', 20),
  startTime: text(10),
  startClock: z.enum(CLOCKS, { message: 'events:errors.clockInvalid' }).optional(),
  endDate: requiredText('events:errors.dateMissing', 20),
  endTime: text(10),
  endClock: z.enum(CLOCKS, { message: 'events:errors.clockInvalid' }).optional(),
  repeat: z.enum(REPEATS, { message: 'events:errors.repeatInvalid' }).default('none'),
  repeatCount: z.coerce.number({ message: 'events:errors.repeatCountInvalid' }).int('events:errors.repeatCountInvalid').min(2, 'events:errors.repeatCountInvalid').max(52, 'events:errors.repeatCountInvalid').optional(),
  exceptions: text(2000),
  mode: z.enum(MODES, { message: 'events:errors.modeMissing' }),
  venue: text(200),
  address: text(500),
  onlineUrl: z.string().trim().url('events:errors.onlineUrlInvalid').max(500).refine((url) => url.startsWith('https://'), 'events:errors.onlineUrlInvalid').optional(),
  accessibility: many(z.enum(ACCESSIBILITY_FEATURES)),
  accessibilityNotes: text(1000),
  bookingRequired: checkbox,
  capacity: z.coerce.number({ message: 'events:errors.capacityInvalid' }).int('events:errors.capacityInvalid').min(1, 'events:errors.capacityInvalid').max(100_000, 'events:errors.capacityInvalid').optional(),
  tags: text(300),
})
export type EventInput = z.input<typeof EventSchema>
export type EventField = keyof EventInput

export const BookingSchema = z.object({
  name: requiredText('events:errors.nameMissing', 200),
  email: z.string({ required_error: 'events:errors.emailMissing' }).trim().min(1, 'events:errors.emailMissing').email('events:errors.emailInvalid').max(320, 'events:errors.tooLong'),
  accessNeeds: text(1000),
})
export type BookingInput = z.input<typeof BookingSchema>

// A programme's form. With conform an empty field arrives as undefined and the target as a number.
export const ProgrammeSchema = z.object({
  name: requiredText('events:errors.titleMissing', 200),
  slug: z.string().trim().toLowerCase().max(80, 'events:errors.slugTooLong').regex(SLUG_PATTERN, 'events:errors.slugFormat').optional(),
  description: text(2000),
  nameGd: text(200),
  descriptionGd: text(2000),
  target: z
    .number({ required_error: 'events:errors.targetInvalid', invalid_type_error: 'events:errors.targetInvalid' })
    .int('events:errors.targetInvalid')
    .min(1, 'events:errors.targetInvalid')
    .max(1000, 'events:errors.targetInvalid'),
})
export type ProgrammeInput = z.input<typeof ProgrammeSchema>
export type ProgrammeField = keyof ProgrammeInput

export const ReasonSchema = z.object({ reason: requiredText('events:errors.reasonMissing', 1000) })

/** "Digital, Open data , digital" → ["digital", "open data"]. */
export function parseTags(value: string | undefined) {
  const tags = (value ?? '').split(',').map((tag) => tag.trim().toLowerCase()).filter(Boolean)
  return [...new Set(tags)].slice(0, 10).map((tag) => tag.slice(0, 40))
}

// Public calendar filters: anything not understood is a 400, not a silently different list.
export const FilterSchema = z.object({
  tag: z.string().trim().max(40).regex(/^[\p{L}\p{N} '-]+$/u).optional(),
  organisation: z.string().trim().regex(/^[a-z0-9-]{1,100}$/).optional(),
  programme: z.string().trim().regex(/^[a-z0-9-]{1,100}$/).optional(),
  mode: z.enum(['in_person', 'online']).optional(),
  access: many(z.enum(ACCESSIBILITY_FEATURES)),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  when: z.enum(['upcoming', 'past']).default('upcoming'),
  page: z.coerce.number().int().min(1).max(1000).default(1),
})
export type EventFilters = z.infer<typeof FilterSchema>

/** Reads the filters from a URL's query; empty fields count as not given. */
export function readFilters(params: URLSearchParams): { ok: true; filters: EventFilters } | { ok: false } {
  const raw: Record<string, unknown> = {}
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key).filter((value) => value.trim() !== '')
    if (values.length) raw[key] = key === 'access' ? values : values[0]
  }
  const parsed = FilterSchema.safeParse(raw)
  if (!parsed.success) return { ok: false }
  const { from, to } = parsed.data
  if ((from && !isCalendarDate(from)) || (to && !isCalendarDate(to)) || (from && to && to < from)) return { ok: false }
  return { ok: true, filters: parsed.data }
}
