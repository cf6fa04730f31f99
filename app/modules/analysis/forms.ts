import { firstFieldErrors } from '~/kernel/form-errors'
import { z } from 'zod'
import { isUuid } from '~/kernel/ids'

// What the analysis forms may post. Error messages are translation keys.

const id = z.string().refine(isUuid, { message: 'analysis:errors.invalid' })
const label = z
  .string({ required_error: 'analysis:errors.labelMissing' })
  .trim()
  .min(1, 'analysis:errors.labelMissing')
  .max(120, 'analysis:errors.labelTooLong')

export const CodeFrameSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('createCode'),
    label,
    parentId: z.union([z.literal(''), id]).optional(),
    description: z.string().trim().max(500, 'analysis:errors.descriptionTooLong').optional(),
  }),
  z.object({ intent: z.literal('deleteCode'), codeId: id, confirm: z.literal('yes').optional() }),
])

export const RedactionSchema = z.object({
  passage: z.string().trim().min(1, 'analysis:errors.passageMissing').max(2000, 'analysis:errors.passageTooLong'),
  reason: z.string().trim().min(1, 'analysis:errors.reasonMissing').max(500, 'analysis:errors.reasonTooLong'),
})

export const SuggestionActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('compute') }),
  z.object({ intent: z.literal('accept'), suggestionId: id, label, apply: z.literal('yes').optional() }),
  z.object({ intent: z.literal('rename'), suggestionId: id, label }),
  z.object({ intent: z.literal('reject'), suggestionId: id }),
  z.object({ intent: z.literal('merge'), suggestionId: id, intoId: id }),
])

/** The form's fields as an object, with repeated fields (checkboxes) as arrays. */
export function formObject(form: FormData, arrays: string[] = []) {
  const result: Record<string, unknown> = {}
  for (const key of new Set(form.keys())) result[key] = arrays.includes(key) ? form.getAll(key).map(String) : String(form.get(key))
  return result
}

/** The first error per field, as translation keys. */
export const fieldErrors = (error: z.ZodError) => firstFieldErrors(error.issues, 'form') as Record<string, string>
