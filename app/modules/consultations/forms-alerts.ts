import { z } from 'zod'
import { EmailSchema } from '~/modules/accounts'
import { CONSULTATION_TOPICS } from './topics'

// Shared by server and browser: error messages are translation keys.

/** "Email me when this consultation opens". */
export const OpeningAlertSchema = z.object({ email: EmailSchema })

/** "Email me about new consultations" on the topics ticked: at least one. */
export const NewAlertSchema = z.object({
  email: EmailSchema,
  topics: z
    .array(z.enum(CONSULTATION_TOPICS, { errorMap: () => ({ message: 'consultations:alerts.errors.topicsMissing' }) }), {
      required_error: 'consultations:alerts.errors.topicsMissing',
    })
    .min(1, 'consultations:alerts.errors.topicsMissing')
    .transform((topics) => [...new Set(topics)]),
})
