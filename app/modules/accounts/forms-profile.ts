import { z } from 'zod'

// Shared by server and browser: error messages are translation keys.

// Control characters, and the bidirectional overrides that can make a name shown beside a
// comment read as something else.
const UNPRINTABLE = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u

// The emails a person can turn off: replies to their comments, changes to events they booked,
// and (officials and admins only) consultations opening and closing.
export const notificationChoices = ['replies', 'eventUpdates', 'milestones'] as const
export type EmailChoice = (typeof notificationChoices)[number]

export const ProfileSchema = z.object({
  displayName: z
    .string()
    .trim()
    .max(80, 'account:errors.nameTooLong')
    .refine((name) => !UNPRINTABLE.test(name), 'account:errors.nameInvalid')
    // nullish, so that what this schema returns passes it again (the module re-checks).
    .nullish()
    .transform((name) => name || null),
  locale: z.enum(['en', 'gd'], { errorMap: () => ({ message: 'account:errors.localeMissing' }) }),
  notify: z.array(z.enum(notificationChoices, { errorMap: () => ({ message: 'account:errors.notifyInvalid' }) })).default([]),
})

export type ProfileInput = z.input<typeof ProfileSchema>

export const DeleteAccountSchema = z.object({
  confirm: z.literal('yes', { errorMap: () => ({ message: 'account:errors.confirmMissing' }) }),
})
