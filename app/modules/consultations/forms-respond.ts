import { z } from 'zod'

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'respond:errors.nameTooLong')
    .optional()
    .transform((value) => value || null)

// The Respondent Information Form, checked the same way in the browser and on the server.
export const AboutYouSchema = z
  .object({
    respondentType: z.enum(['individual', 'organisation'], { required_error: 'respond:errors.typeMissing', invalid_type_error: 'respond:errors.typeMissing' }),
    name: optionalText(200),
    organisationName: optionalText(200),
    email: z
      .string()
      .trim()
      .max(254, 'respond:errors.emailInvalid')
      .email('respond:errors.emailInvalid')
      .optional()
      .transform((value) => value?.toLowerCase() || null),
    publishConsent: z.enum(['with_name', 'anonymous', 'not_published'], {
      required_error: 'respond:errors.consentMissing',
      invalid_type_error: 'respond:errors.consentMissing',
    }),
    contactConsent: z.enum(['yes', 'no'], { required_error: 'respond:errors.contactMissing', invalid_type_error: 'respond:errors.contactMissing' }),
    isBslUser: z.enum(['yes', 'no', 'prefer_not']).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.respondentType === 'organisation' && !value.organisationName) {
      ctx.addIssue({ code: 'custom', path: ['organisationName'], message: 'respond:errors.nameMissing' })
    }
  })

export const SaveLaterSchema = z.object({
  email: z
    .string({ required_error: 'respond:errors.emailMissing' })
    .trim()
    .max(254, 'respond:errors.emailInvalid')
    .email('respond:errors.emailInvalid'),
})

/** The form's answers as Guth stores them (yes/no as booleans; "prefer not to say" as unknown). */
export function respondentInfoFrom(value: z.output<typeof AboutYouSchema>) {
  return {
    respondentType: value.respondentType,
    name: value.name,
    organisationName: value.organisationName,
    email: value.email,
    publishConsent: value.publishConsent,
    contactConsent: value.contactConsent === 'yes',
    isBslUser: value.isBslUser === 'yes' ? true : value.isBslUser === 'no' ? false : null,
  }
}
