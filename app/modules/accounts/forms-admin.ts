import { z } from 'zod'
import { dateText } from '~/platform/dates'

// Shared by server and browser: error messages are translation keys in admin.json.

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
export { isCalendarDate } from '~/platform/dates'

export const roleNames = ['moderator', 'official', 'admin'] as const

export const RoleChangeSchema = z.object({
  intent: z.enum(['grant', 'revoke']),
  role: z.enum(roleNames),
})

export const CreateOrganisationSchema = z.object({
  nameEn: z
    .string({ required_error: 'admin:errors.nameEnMissing' })
    .trim()
    .min(1, 'admin:errors.nameEnMissing')
    .max(200, 'admin:errors.nameTooLong'),
  nameGd: z.string().trim().max(200, 'admin:errors.nameTooLong').optional(),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(60, 'admin:errors.slugTooLong')
    .regex(SLUG_PATTERN, 'admin:errors.slugFormat')
    .optional(),
  website: z
    .string()
    .trim()
    .max(300, 'admin:errors.websiteTooLong')
    .regex(/^https?:\/\/\S+$/i, 'admin:errors.websiteFormat')
    .url('admin:errors.websiteFormat')
    .optional(),
  descriptionEn: z.string().trim().max(2000, 'admin:errors.descriptionTooLong').optional(),
  descriptionGd: z.string().trim().max(2000, 'admin:errors.descriptionTooLong').optional(),
})

export type CreateOrganisationInput = z.infer<typeof CreateOrganisationSchema>

const memberTarget = { userId: z.string().uuid() }

/** The buttons on an organisation's page: a join request, and managing members. */
export const MembershipActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('join') }),
  z.object({ intent: z.literal('approve'), ...memberTarget }),
  z.object({ intent: z.literal('reject'), ...memberTarget }),
  z.object({ intent: z.literal('makeAdmin'), ...memberTarget }),
  z.object({ intent: z.literal('makeMember'), ...memberTarget }),
  z.object({ intent: z.literal('remove'), ...memberTarget }),
])

export type MembershipAction = z.infer<typeof MembershipActionSchema>

const dateField = dateText('admin:errors.dateFormat').optional()

export const AuditFilterSchema = z
  .object({
    action: z.string().trim().max(100).optional(),
    actor: z.string().trim().max(200, 'admin:errors.searchTooLong').optional(),
    subjectType: z.string().trim().max(100).optional(),
    from: dateField,
    to: dateField,
  })
  .refine((filters) => !filters.from || !filters.to || filters.from <= filters.to, {
    path: ['to'],
    message: 'admin:errors.dateOrder',
  })

export type AuditFilters = z.infer<typeof AuditFilterSchema>

/** `?page=` as a whole number from 1; anything else is the first page. */
export function pageFrom(searchParams: URLSearchParams) {
  const page = Number(searchParams.get('page') ?? '1')
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1
}
