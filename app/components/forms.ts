import { type SubmissionResult, useForm } from '@conform-to/react'
import { useId } from 'react'
import { parseWithZod } from '@conform-to/zod'
import type { z } from 'zod'

/**
 * conform with Guth's defaults: the same zod schema checks on the server and, with JavaScript,
 * in the browser; errors are translation keys shown in the error summary and beside the field.
 */
export function useGuthForm<S extends z.ZodTypeAny>(schema: S, lastResult: SubmissionResult<string[]> | null | undefined) {
  // React's ids contain colons, which are not valid in the CSS selectors the design system's
  // scripts build from them (label[for=…]).
  const id = `form-${useId().replace(/[^a-zA-Z0-9]/g, '')}`
  return useForm<z.input<S>>({
    id,
    lastResult,
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
}

type FieldErrors = { id: string; errors?: string[] }

/**
 * The fields with errors, in the order given (the form's order), for the error summary.
 * Pass the fields themselves (conform's fieldset is a proxy whose keys cannot be listed).
 */
export function summaryErrors(fields: FieldErrors[]) {
  return fields
    .filter((field) => field.errors?.length)
    .map((field) => ({ fieldId: field.id, message: field.errors![0]! }))
}
