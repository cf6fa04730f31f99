import { z } from 'zod'

// Shared by server and browser: error messages are translation keys.
export const EmailSchema = z
  .string({ required_error: 'auth:errors.emailMissing' })
  .trim()
  .max(254, 'auth:errors.emailTooLong')
  .email('auth:errors.emailInvalid')

export const SignInSchema = z.object({
  email: EmailSchema,
  redirectTo: z.string().optional(),
})

export const CodeSchema = z.object({
  code: z
    .string({ required_error: 'auth:errors.codeMissing' })
    .transform((value) => value.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, 'auth:errors.codeFormat')),
})
