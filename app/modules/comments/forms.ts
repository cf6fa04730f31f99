import { z } from 'zod'
import { commentTextProblem, MAX_COMMENT_LENGTH, normaliseCommentText } from './text'

// Shared by server and browser: error messages are translation keys.

export const subjectTypes = ['consultation', 'event', 'analysis_report'] as const
export type SubjectType = (typeof subjectTypes)[number]
export const flagReasons = ['abusive', 'spam', 'off_topic', 'personal_information', 'other'] as const
export { type SortOrder, sortOrders } from './sort-orders'

const problemMessage = { empty: 'comments:errors.empty', too_long: 'comments:errors.tooLong', unprintable: 'comments:errors.unprintable' }

export const commentBody = z
  .string({ required_error: problemMessage.empty })
  // A generous cap before the work of normalising; the real limit is checked after it.
  .max(MAX_COMMENT_LENGTH * 2, problemMessage.too_long)
  .transform(normaliseCommentText)
  .superRefine((text, ctx) => {
    const problem = commentTextProblem(text)
    if (problem) ctx.addIssue({ code: 'custom', message: problemMessage[problem] })
  })

const uuid = z.string().uuid('comments:errors.notFound')

export const PostCommentSchema = z.object({
  subjectType: z.enum(subjectTypes, { errorMap: () => ({ message: 'comments:errors.notFound' }) }),
  subjectId: uuid,
  anchor: z.string().max(40).optional(),
  parentId: uuid.optional(),
  body: commentBody,
})

export const EditCommentSchema = z.object({ body: commentBody })

export const ReportSchema = z.object({
  reason: z.enum(flagReasons, { errorMap: () => ({ message: 'comments:errors.reasonMissing' }) }),
  details: z.string().trim().max(1000, 'comments:errors.detailsTooLong').optional(),
})

export const moderationDecisions = ['hide', 'restore', 'approve', 'dismiss'] as const
export const ModerateSchema = z
  .object({
    decision: z.enum(moderationDecisions, { errorMap: () => ({ message: 'comments:errors.decisionMissing' }) }),
    reason: z.string().trim().max(500, 'comments:errors.reasonTooLong').optional(),
  })
  .refine((value) => value.decision !== 'hide' || Boolean(value.reason), { path: ['reason'], message: 'comments:errors.hideReasonMissing' })

export const BlockSchema = z.object({
  reason: z.string({ required_error: 'comments:errors.blockReasonMissing' }).trim().min(1, 'comments:errors.blockReasonMissing').max(500, 'comments:errors.reasonTooLong'),
})
