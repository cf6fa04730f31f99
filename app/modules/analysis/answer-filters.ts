import { firstFieldErrors } from '~/kernel/form-errors'
import { z } from 'zod'
import { isUuid } from '~/kernel/ids'

// The filters of the reading page, kept in the query string so every view has an address and the
// next/previous links keep the reader inside the same selection.

const invalid = { message: 'analysis:errors.invalidChoice' }

export const AnswerFilterSchema = z.object({
  type: z.enum(['individual', 'organisation'], invalid).optional(),
  channel: z.enum(['web', 'bsl', 'email', 'post', 'event'], invalid).optional(),
  consent: z.enum(['with_name', 'anonymous', 'not_published'], invalid).optional(),
  code: z.union([z.literal('none'), z.string().refine(isUuid)], invalid).optional(),
  reviewed: z.enum(['yes', 'no'], invalid).optional(),
  bsl: z.literal('uninterpreted', invalid).optional(),
  q: z.string().max(200, { message: 'analysis:errors.searchTooLong' }).optional(),
})

export type AnswerFilters = z.infer<typeof AnswerFilterSchema>
export const answerFilterNames = ['type', 'channel', 'consent', 'code', 'reviewed', 'bsl', 'q'] as const
export type AnswerFilterName = (typeof answerFilterNames)[number]

/** The filters as given (for the form) and, when valid, parsed; a bad value is a field error key. */
export function parseAnswerFilters(search: URLSearchParams) {
  const query = Object.fromEntries(answerFilterNames.map((name) => [name, (search.get(name) ?? '').trim().slice(0, 250)])) as Record<AnswerFilterName, string>
  const parsed = AnswerFilterSchema.safeParse(Object.fromEntries(Object.entries(query).filter(([, value]) => value)))
  if (parsed.success) return { ok: true as const, query, filters: parsed.data }
  return { ok: false as const, query, errors: firstFieldErrors<AnswerFilterName>(parsed.error.issues) }
}

/** The query string of a set of filters, without the empty ones. */
export const filterQuery = (query: Partial<Record<AnswerFilterName, string>>) =>
  new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString()
