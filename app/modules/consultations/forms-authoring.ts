import { z } from 'zod'
import { hasOwnOptions, isClosedKind, isTextKind, QUESTION_KINDS, TEXT_LIMIT } from './question-kinds'
import type { QuestionOption } from './schema'
import { isCalendarDate, normaliseDate } from '~/platform/dates'
import { isConsultationTopic } from './topics'
import { slugify } from '~/kernel/slugs'

const QuestionKindSchema = z.enum(QUESTION_KINDS)

export { isCalendarDate, normaliseDate, ukDate } from '~/platform/dates'

// Shared by server and browser: error messages are translation keys in manage.json.

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
/** `9:00`, `09.00` or `23:59` as `HH:MM` on the 24-hour clock; null otherwise. */
export function normaliseTime(value: string) {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(value.trim())
  if (!match) return null
  const [hour, minute] = [Number(match[1]), Number(match[2])]
  if (hour > 23 || minute > 59) return null
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`
}

const required = (missing: string, max: number, tooLong: string) =>
  z.string({ required_error: missing }).trim().min(1, missing).max(max, tooLong)
const optional = (max: number, tooLong: string) => z.string().trim().max(max, tooLong).optional()

const dateField = (missing: string) =>
  z
    .string({ required_error: missing })
    .trim()
    .refine((value) => normaliseDate(value) !== null, 'manage:errors.dateFormat')
    .refine((value) => isCalendarDate(normaliseDate(value) ?? '2000-01-01'), 'manage:errors.dateImpossible')
    .transform((value) => normaliseDate(value)!)

const timeField = (missing: string) =>
  z
    .string({ required_error: missing })
    .trim()
    .refine((value) => normaliseTime(value) !== null, 'manage:errors.timeFormat')
    .transform((value) => normaliseTime(value)!)

export const ConsultationDetailsSchema = z.object({
  titleEn: required('manage:errors.titleMissing', 200, 'manage:errors.titleTooLong'),
  titleGd: optional(200, 'manage:errors.titleTooLong'),
  summaryEn: required('manage:errors.summaryMissing', 1000, 'manage:errors.summaryTooLong'),
  summaryGd: optional(1000, 'manage:errors.summaryTooLong'),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(80, 'manage:errors.slugTooLong')
    .regex(SLUG_PATTERN, 'manage:errors.slugFormat')
    .optional(),
  team: required('manage:errors.teamMissing', 200, 'manage:errors.teamTooLong'),
  contactEmail: z
    .string({ required_error: 'manage:errors.contactEmailMissing' })
    .trim()
    .max(254, 'manage:errors.contactEmailFormat')
    .email('manage:errors.contactEmailFormat'),
  postalAddress: optional(500, 'manage:errors.postalAddressTooLong'),
  opensDate: dateField('manage:errors.opensDateMissing'),
  opensTime: timeField('manage:errors.opensTimeMissing'),
  closesDate: dateField('manage:errors.closesDateMissing'),
  closesTime: timeField('manage:errors.closesTimeMissing'),
  // The consultation paper: read by readBodyFromForm, listed here so its errors have a field.
  body: z.string().optional(),
  // Checkboxes: a value that is not one of ours is not something the form offered, so it is dropped.
  topics: z
    .array(z.string())
    .optional()
    .transform((topics) => [...new Set((topics ?? []).filter(isConsultationTopic))]),
})

export type ConsultationDetailsInput = z.input<typeof ConsultationDetailsSchema>
export type ConsultationDetailsField = keyof ConsultationDetailsInput

export const MAX_OPTIONS = 30
export const OPTION_LABEL_LIMIT = 200

/**
 * Choices written one a line as `English label | Gaelic label`. Each gets a value made from its
 * English label (kept from `existing` when that label was already there), so answers stay tied
 * to the choice while it is reworded in Gaelic or reordered.
 */
export function parseOptionLines(
  text: string,
  existing: QuestionOption[] = [],
): { ok: true; options: QuestionOption[] } | { ok: false; error: string } {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
  const options: QuestionOption[] = []
  const used = new Set<string>()
  const seenLabels = new Set<string>()
  const kept = new Map(existing.map((option) => [option.label.en.trim().toLowerCase(), option.value]))
  for (const line of lines) {
    const [en = '', ...rest] = line.split('|').map((part) => part.trim())
    const gd = rest.join(' | ').trim()
    if (!en) return { ok: false, error: 'manage:errors.optionEnglishMissing' }
    if (en.length > OPTION_LABEL_LIMIT || gd.length > OPTION_LABEL_LIMIT) return { ok: false, error: 'manage:errors.optionTooLong' }
    const label = en.toLowerCase()
    if (seenLabels.has(label)) return { ok: false, error: 'manage:errors.optionDuplicate' }
    seenLabels.add(label)
    const preferred = kept.get(label)
    const base = preferred && !used.has(preferred) ? preferred : slugify(en, 40) || 'option'
    let value = base
    for (let n = 2; used.has(value); n += 1) value = `${base}-${n}`
    used.add(value)
    options.push({ value, label: gd ? { en, gd } : { en } })
  }
  if (options.length < 2) return { ok: false, error: 'manage:errors.optionsTooFew' }
  if (options.length > MAX_OPTIONS) return { ok: false, error: 'manage:errors.optionsTooMany' }
  return { ok: true, options }
}

/** Options as the officials' textarea shows them. */
export const optionLines = (options: QuestionOption[]) =>
  options.map((option) => (option.label.gd ? `${option.label.en} | ${option.label.gd}` : option.label.en)).join('\n')

export { hasOwnOptions, isTextKind } from './question-kinds'

// Fields that do not apply to the chosen kind are ignored, so the form without JavaScript can
// show them all.
export const QuestionSchema = z
  .object({
    kind: QuestionKindSchema.optional(),
    promptEn: required('manage:errors.promptMissing', 1000, 'manage:errors.promptTooLong'),
    promptGd: optional(1000, 'manage:errors.promptTooLong'),
    helpEn: optional(2000, 'manage:errors.helpTooLong'),
    helpGd: optional(2000, 'manage:errors.helpTooLong'),
    sectionEn: optional(200, 'manage:errors.sectionTooLong'),
    sectionGd: optional(200, 'manage:errors.sectionTooLong'),
    required: z.boolean().optional(),
    charLimit: z.string().trim().optional(),
    options: z.string().max(20_000, 'manage:errors.optionsTooMany').optional(),
    followUpOf: z.string().uuid().optional(),
  })
  .superRefine((value, ctx) => {
    // A follow-up is always a long text question.
    const kind = value.followUpOf ? 'long_text' : value.kind
    if (!kind) {
      ctx.addIssue({ code: 'custom', path: ['kind'], message: 'manage:errors.kindMissing' })
      return
    }
    if (isTextKind(kind) && value.charLimit) {
      const limit = Number(value.charLimit)
      if (!Number.isInteger(limit) || limit < 1 || limit > TEXT_LIMIT) {
        ctx.addIssue({ code: 'custom', path: ['charLimit'], message: 'manage:errors.charLimitRange' })
      }
    }
    if (hasOwnOptions(kind)) {
      const parsed = parseOptionLines(value.options ?? '')
      if (!parsed.ok) ctx.addIssue({ code: 'custom', path: ['options'], message: parsed.error })
    }
  })

export type QuestionInput = z.input<typeof QuestionSchema>
export type QuestionField = keyof QuestionInput

/** The prompt a new follow-up question starts with. */
export const FOLLOW_UP_PROMPT = { en: 'Please explain your answer', gd: 'Mìnich do fhreagairt, mas e do thoil e' }

export const isFollowUpParentKind = isClosedKind

export const documentKinds = ['consultation_paper', 'easy_read', 'large_print', 'impact_assessment', 'other'] as const
export type DocumentKind = (typeof documentKinds)[number]

export const DocumentSchema = z.object({
  kind: z.enum(documentKinds, { required_error: 'manage:errors.documentKindMissing', invalid_type_error: 'manage:errors.documentKindMissing' }),
  titleEn: required('manage:errors.documentTitleMissing', 200, 'manage:errors.documentTitleTooLong'),
  titleGd: optional(200, 'manage:errors.documentTitleTooLong'),
})

export type DocumentInput = z.input<typeof DocumentSchema>

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

/** The buttons on a consultation's overview page. */
export const OverviewActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('publish') }),
  z.object({ intent: z.literal('retract') }),
  z.object({ intent: z.literal('reinstate') }),
  z.object({ intent: z.literal('copy') }),
  z.object({ intent: z.literal('move'), questionId: z.string().uuid(), direction: z.enum(['up', 'down']) }),
])
