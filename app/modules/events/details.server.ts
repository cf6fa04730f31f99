import { fieldErrors } from '~/kernel/form-errors'
import { eq } from 'drizzle-orm'
import { organisationIdBySlug } from '~/modules/accounts/index.server'
import { getPublicConsultation } from '~/modules/consultations/index.server'
import { normaliseDate, normaliseTime, isCalendarDate } from '~/modules/consultations'
import { slugify } from '~/kernel/slugs'
import { getDb } from '~/platform/db.server'
import { type BodyDoc, isBodyEmpty, readBodyFromForm } from '~/kernel/rich-text'
import { type EventField, type EventInput, EventSchema, parseTags } from './forms'
import { programmes } from './schema'
import { allDaySpan, clockOf, londonParts, londonReadings, occurrences, repeatRule } from './time'

export type FieldErrors = Partial<Record<EventField, string[]>>

/** The columns an event form's values mean, or the fields that are wrong (translation keys). */
export async function readEventDetails(input: EventInput, description: BodyDoc | null, descriptionGd: BodyDoc | null = null) {
  const given = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, typeof v === 'string' && !v.trim() ? undefined : v]))
  const parsed = EventSchema.safeParse(given)
  if (!parsed.success) return { ok: false as const, errors: fieldErrors<EventField>(parsed.error.issues) }
  const errors: FieldErrors = {}
  const value = parsed.data
  const when = readTimes(value, errors)
  if (value.mode !== 'in_person' && !value.onlineUrl) errors.onlineUrl = ['events:errors.onlineUrlMissing']
  if (value.mode !== 'online' && !value.venue) errors.venue = ['events:errors.venueMissing']
  if (value.bookingRequired && !value.capacity) errors.capacity = ['events:errors.capacityMissing']
  const db = getDb()
  const organisationId = await organisationIdBySlug(value.organisation)
  if (!organisationId) errors.organisation = ['events:errors.organisationMissing']
  let programmeId: string | null = null
  if (value.programme) {
    const [programme] = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, value.programme))
    if (!programme) errors.programme = ['events:errors.programmeUnknown']
    programmeId = programme?.id ?? null
  }
  let consultationId: string | null = null
  if (value.consultation) {
    const consultation = await getPublicConsultation(value.consultation.replace(/^.*\/consultations\//, '').replace(/\/.*$/, ''))
    if (!consultation) errors.consultation = ['events:errors.consultationUnknown']
    consultationId = consultation?.consultation.id ?? null
  }
  if (!when || Object.keys(errors).length || !organisationId) return { ok: false as const, errors }
  return {
    ok: true as const,
    slugBase: slugify(`${value.title} ${londonParts(when.startsAt).date}`),
    organisationId,
    values: {
      title: value.title,
      summary: value.summary,
      description: description as Record<string, unknown> | null,
      titleGd: value.titleGd ?? null,
      summaryGd: value.summaryGd ?? null,
      descriptionGd: descriptionGd as Record<string, unknown> | null,
      programmeId,
      consultationId,
      ...when,
      mode: value.mode,
      venue: value.mode === 'online' ? null : (value.venue ?? null),
      address: value.mode === 'online' ? null : (value.address ?? null),
      onlineUrl: value.mode === 'in_person' ? null : (value.onlineUrl ?? null),
      accessibility: value.accessibility,
      accessibilityNotes: value.accessibilityNotes ?? null,
      bookingRequired: value.bookingRequired,
      capacity: value.bookingRequired ? (value.capacity ?? null) : null,
      tags: parseTags(value.tags),
    },
  }
}

type Parsed = ReturnType<typeof EventSchema.parse>

function readDate(raw: string, field: 'startDate' | 'endDate', errors: FieldErrors) {
  const date = normaliseDate(raw)
  if (!date) errors[field] = ['events:errors.dateFormat']
  else if (!isCalendarDate(date)) errors[field] = ['events:errors.dateImpossible']
  return date && isCalendarDate(date) ? date : null
}

function readTimes(value: Parsed, errors: FieldErrors) {
  const startDate = readDate(value.startDate, 'startDate', errors)
  const endDate = readDate(value.endDate, 'endDate', errors)
  if (!startDate || !endDate) return null
  let span: { startsAt: Date; endsAt: Date } | null = null
  if (value.allDay) {
    if (endDate < startDate) errors.endDate = ['events:errors.endBeforeStart']
    else span = allDaySpan(startDate, endDate)
  } else {
    const at = (date: string, raw: string | undefined, field: 'startTime' | 'endTime') => {
      const time = raw ? normaliseTime(raw) : null
      if (!time) return void (errors[field] = ['events:errors.timeFormat'])
      const readings = londonReadings(date, time)
      // A real date and time that is still no instant: the hour the clocks skip in spring.
      if (!readings.length) return void (errors[field] = ['events:errors.timeSkipped'])
      if (readings.length === 1) return readings[0]
      if (value.repeat !== 'none') return void (errors.repeat = ['events:errors.repeatInRepeatedHour'])
      // The hour the clocks go back happens twice: the organiser says which they mean.
      const clock = field === 'startTime' ? value.startClock : value.endClock
      if (!clock) return void (errors[field === 'startTime' ? 'startClock' : 'endClock'] = ['events:errors.timeRepeated'])
      return clock === 'BST' ? readings[0] : readings[1]
    }
    const startsAt = at(startDate, value.startTime, 'startTime')
    const endsAt = at(endDate, value.endTime, 'endTime')
    if (startsAt && endsAt && endsAt <= startsAt) errors.endDate = ['events:errors.endBeforeStart']
    else if (startsAt && endsAt) span = { startsAt, endsAt }
  }
  if (!span) return null
  const rrule = repeatRule(value.repeat, value.repeatCount ?? 2, span.startsAt)
  const exdates: string[] = []
  if (rrule) {
    const all = occurrences({ ...span, allDay: value.allDay, rrule, exdates: [] })
    // Calendar apps disagree about which of the two hours a repeat (or a date left out) there is.
    if (!value.allDay && all.some((o) => clockOf(o.startsAt) || clockOf(o.endsAt))) {
      errors.repeat = ['events:errors.repeatInRepeatedHour']
      return null
    }
    for (const line of (value.exceptions ?? '').split(/[\n,]+/).map((l) => l.trim()).filter(Boolean)) {
      const date = normaliseDate(line)
      const match = date && all.find((o) => londonParts(o.startsAt).date === date)
      if (!match) {
        errors.exceptions = ['events:errors.exceptionNotOccurrence']
        return null
      }
      exdates.push(match.startsAt.toISOString())
    }
  } else if (value.exceptions?.trim()) {
    errors.exceptions = ['events:errors.exceptionWithoutRepeat']
    return null
  }
  return { ...span, allDay: value.allDay, rrule, exdates }
}

/** The BST-or-GMT answer for a start or end, kept only while that time is in the repeated autumn hour. */
function clockIfRepeated(form: FormData, which: 'start' | 'end') {
  const [date, time, clock] = [`${which}Date`, `${which}Time`, `${which}Clock`].map((name) => form.get(name))
  if (form.get('allDay') === 'on' || typeof date !== 'string' || typeof time !== 'string' || typeof clock !== 'string') return undefined
  const [day, at] = [normaliseDate(date), normaliseTime(time)]
  return day && at && isCalendarDate(day) && londonReadings(day, at).length === 2 ? (clock as EventInput['startClock']) : undefined
}

/** A description as posted (tiptap JSON or the no-JavaScript text): null when empty, or the error's key. */
function readDescription(form: FormData, name: 'description' | 'descriptionGd', previous: BodyDoc | null) {
  const posted = [form.get(`${name}Json`), form.get(`${name}Text`)].some((value) => typeof value === 'string' && value.trim())
  if (!posted) return { doc: null, error: null }
  const read = readBodyFromForm(form, name, previous ?? undefined)
  if (!read.ok) return { doc: previous, error: read.reason === 'too_large' ? 'events:errors.descriptionTooLarge' : 'events:errors.descriptionInvalid' }
  return { doc: isBodyEmpty(read.doc) ? null : read.doc, error: null }
}

/** The event form's fields as posted, and its descriptions in English and Gaelic. */
export function readEventForm(form: FormData, previous: BodyDoc | null, previousGd: BodyDoc | null = null) {
  const field = (name: string) => {
    const value = form.get(name)
    return typeof value === 'string' ? value : undefined
  }
  const input: EventInput = {
    title: field('title') ?? '',
    summary: field('summary') ?? '',
    titleGd: field('titleGd'),
    summaryGd: field('summaryGd'),
    organisation: field('organisation') ?? '',
    programme: field('programme'),
    consultation: field('consultation'),
    allDay: field('allDay') === 'on',
    startDate: field('startDate') ?? '',
    startTime: field('startTime'),
    startClock: clockIfRepeated(form, 'start'),
    endDate: field('endDate') ?? '',
    endTime: field('endTime'),
    endClock: clockIfRepeated(form, 'end'),
    repeat: (field('repeat') ?? 'none') as EventInput['repeat'],
    repeatCount: field('repeatCount') as unknown as number | undefined,
    exceptions: field('exceptions'),
    mode: field('mode') as EventInput['mode'],
    venue: field('venue'),
    address: field('address'),
    onlineUrl: field('onlineUrl'),
    accessibility: form.getAll('accessibility').map(String) as EventInput['accessibility'],
    accessibilityNotes: field('accessibilityNotes'),
    bookingRequired: field('bookingRequired') === 'on',
    capacity: field('capacity') as unknown as number | undefined,
    tags: field('tags'),
  }
  const english = readDescription(form, 'description', previous)
  const gaelic = readDescription(form, 'descriptionGd', previousGd)
  return { input, description: english.doc, descriptionError: english.error, descriptionGd: gaelic.doc, descriptionGdError: gaelic.error }
}
