// Zod's issues as the field errors a form shows (translation keys). A field is the issue's first
// path segment; an issue about the whole input goes under `whole`.
type Issue = { path: readonly PropertyKey[]; message: string }

/** Every message per field, in order. */
export function fieldErrors<F extends string>(issues: readonly Issue[], whole = ''): Partial<Record<F, string[]>> {
  const errors: Partial<Record<F, string[]>> = {}
  for (const issue of issues) {
    const field = String(issue.path[0] ?? whole) as F
    errors[field] = [...(errors[field] ?? []), issue.message]
  }
  return errors
}

/** The first message per field. */
export function firstFieldErrors<F extends string>(issues: readonly Issue[], whole = ''): Partial<Record<F, string>> {
  const errors: Partial<Record<F, string>> = {}
  for (const issue of issues) errors[String(issue.path[0] ?? whole) as F] ??= issue.message
  return errors
}
