// Tables of the media module (uploads, BSL videos, captions).
import { bigint, doublePrecision, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { users } from '~/modules/accounts/schema'
import { consultations, questions, responses } from '~/modules/consultations/schema'
import { at, createdAt, id, updatedAt } from '~/platform/columns'

export const mediaStatus = pgEnum('media_status', ['uploading', 'processing', 'ready', 'rejected'])
// answer: one question's BSL answer; response: one BSL video for the whole response;
// consultation / question: an official's BSL version of the paper or of one question.
export const mediaPurpose = pgEnum('media_purpose', ['answer', 'response', 'consultation', 'question'])

export const media = pgTable(
  'media',
  {
    id: id(),
    purpose: mediaPurpose('purpose').notNull(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    // A respondent's video belongs to their (draft) response and goes with it.
    responseId: uuid('response_id').references(() => responses.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id').references(() => questions.id, { onDelete: 'cascade' }),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    // The tus upload this row was made for (the id in the upload URL).
    uploadId: text('upload_id'),
    fileName: text('file_name'),
    storageKey: text('storage_key'),
    webKey: text('web_key'),
    posterKey: text('poster_key'),
    captionsKey: text('captions_key'),
    transcript: text('transcript'),
    mime: text('mime'),
    bytes: bigint('bytes', { mode: 'number' }),
    durationSeconds: doublePrecision('duration_seconds'),
    width: integer('width'),
    height: integer('height'),
    status: mediaStatus('status').notNull().default('uploading'),
    // A translation key (bsl:reasons.*) saying why a video was not accepted.
    reason: text('reason'),
    // An unfinished upload may be resumed until then.
    expiresAt: at('expires_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('media_upload_id_key').on(t.uploadId),
    index('media_response_idx').on(t.responseId),
    index('media_consultation_purpose_idx').on(t.consultationId, t.purpose),
  ],
).enableRLS()

export type Media = typeof media.$inferSelect
