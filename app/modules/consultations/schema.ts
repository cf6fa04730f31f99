import { sql } from 'drizzle-orm'
import { at, createdAt, id, updatedAt } from '~/platform/columns'
import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { users } from '~/modules/accounts/schema'
import { QUESTION_KINDS } from './question-kinds'
import type { Translated } from '~/kernel/translated'

/** Text in both languages; Gaelic is optional and English is the fallback. */
export type { Translated } from '~/kernel/translated'

// A new kind in the registry needs a migration adding it here (ALTER TYPE … ADD VALUE).
export const questionKind = pgEnum('question_kind', QUESTION_KINDS)
export const responseStatus = pgEnum('response_status', ['draft', 'submitted', 'withdrawn'])
export const responseChannel = pgEnum('response_channel', ['web', 'bsl', 'email', 'post', 'event'])
export const respondentType = pgEnum('respondent_type', ['individual', 'organisation'])
export const publishConsent = pgEnum('publish_consent', ['with_name', 'anonymous', 'not_published'])
export const alertKind = pgEnum('consultation_alert_kind', ['opening', 'new'])
export const documentKind = pgEnum('document_kind', ['consultation_paper', 'easy_read', 'large_print', 'impact_assessment', 'other'])

// Status is derived from these dates (see lifecycle.ts): draft until published, then
// forthcoming → open → closed → analysis published; retracted hides it from the public.
export const consultations = pgTable(
  'consultations',
  {
    id: id(),
    slug: text('slug').notNull(),
    title: jsonb('title').$type<Translated>().notNull(),
    summary: jsonb('summary').$type<Translated>().notNull(),
    body: jsonb('body').$type<Record<string, unknown>>(),
    team: text('team').notNull(),
    contactEmail: text('contact_email').notNull(),
    postalAddress: text('postal_address'),
    organisationId: uuid('organisation_id'),
    opensAt: at('opens_at').notNull(),
    closesAt: at('closes_at').notNull(),
    publishedAt: at('published_at'),
    retractedAt: at('retracted_at'),
    analysisPublishedAt: at('analysis_published_at'),
    // Set by the first submitted response: questions cannot change after that.
    questionsLockedAt: at('questions_locked_at'),
    // Subjects from the shared topic list (events/topics.ts), for "new consultations on ..." alerts.
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    openedNotifiedAt: at('opened_notified_at'),
    // When people who asked about new consultations on its topics were told of it.
    announcedAt: at('announced_at'),
    closedNotifiedAt: at('closed_notified_at'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('consultations_slug_key').on(t.slug), index('consultations_closes_at_idx').on(t.closesAt)],
).enableRLS()

export const consultationDocuments = pgTable(
  'consultation_documents',
  {
    id: id(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    kind: documentKind('kind').notNull(),
    title: jsonb('title').$type<Translated>().notNull(),
    storageKey: text('storage_key').notNull(),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    bytes: integer('bytes').notNull(),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index('consultation_documents_consultation_idx').on(t.consultationId)],
).enableRLS()

export interface QuestionOption {
  value: string
  label: Translated
}

export const questions = pgTable(
  'questions',
  {
    id: id(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    section: jsonb('section').$type<Translated>(),
    kind: questionKind('kind').notNull(),
    prompt: jsonb('prompt').$type<Translated>().notNull(),
    help: jsonb('help').$type<Translated>(),
    options: jsonb('options').$type<QuestionOption[]>().notNull().default([]),
    required: boolean('required').notNull().default(false),
    // "Please explain your answer": shown with, and answered after, the closed question it follows.
    followUpOf: uuid('follow_up_of').references((): AnyPgColumn => questions.id, { onDelete: 'cascade' }),
    charLimit: integer('char_limit'),
    bslMediaId: uuid('bsl_media_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('questions_consultation_idx').on(t.consultationId, t.position)],
).enableRLS()

export const responses = pgTable(
  'responses',
  {
    id: id(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    reference: text('reference').notNull(),
    status: responseStatus('status').notNull().default('draft'),
    channel: responseChannel('channel').notNull().default('web'),
    respondentType: respondentType('respondent_type'),
    name: text('name'),
    organisationName: text('organisation_name'),
    email: text('email'),
    publishConsent: publishConsent('publish_consent'),
    contactConsent: boolean('contact_consent'),
    isBslUser: boolean('is_bsl_user'),
    language: text('language').notNull().default('en'),
    // The browser's draft: a secret held in a cookie, stored hashed.
    draftTokenHash: text('draft_token_hash'),
    // "Save and come back later": a single-use emailed link, stored hashed, valid until closing.
    resumeTokenHash: text('resume_token_hash'),
    idempotencyKey: text('idempotency_key'),
    enteredBy: uuid('entered_by').references(() => users.id, { onDelete: 'set null' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    submittedAt: at('submitted_at'),
    withdrawnAt: at('withdrawn_at'),
    withdrawnReason: text('withdrawn_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('responses_reference_key').on(t.reference),
    uniqueIndex('responses_idempotency_key').on(t.idempotencyKey),
    uniqueIndex('responses_draft_token_key').on(t.draftTokenHash),
    uniqueIndex('responses_resume_token_key').on(t.resumeTokenHash),
    index('responses_consultation_status_idx').on(t.consultationId, t.status, t.submittedAt),
  ],
).enableRLS()

export const answers = pgTable(
  'answers',
  {
    id: id(),
    responseId: uuid('response_id')
      .notNull()
      .references(() => responses.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'restrict' }),
    text: text('text'),
    choices: jsonb('choices').$type<string[]>().notNull().default([]),
    mediaId: uuid('media_id'),
    interpretation: text('interpretation'),
    interpretedBy: uuid('interpreted_by').references(() => users.id, { onDelete: 'set null' }),
    interpretedAt: at('interpreted_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('answers_response_question_key').on(t.responseId, t.questionId), index('answers_question_idx').on(t.questionId)],
).enableRLS()

// "Email me when this opens" (kind opening, one consultation) and "email me about new
// consultations" (kind new, on chosen topics; none chosen means every topic). No account is
// needed: the address is confirmed by a link first (double opt-in), and the same token, kept
// hashed, is the one-click unsubscribe.
export const consultationAlerts = pgTable(
  'consultation_alerts',
  {
    id: id(),
    kind: alertKind('kind').notNull(),
    email: text('email').notNull(),
    language: text('language').notNull().default('en'),
    consultationId: uuid('consultation_id').references(() => consultations.id, { onDelete: 'cascade' }),
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    tokenHash: text('token_hash').notNull(),
    confirmedAt: at('confirmed_at'),
    unsubscribedAt: at('unsubscribed_at'),
    // The opening alert is sent once.
    notifiedAt: at('notified_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('consultation_alerts_token_key').on(t.tokenHash),
    // One live alert per address per consultation (opening) or per address (new).
    uniqueIndex('consultation_alerts_live_key')
      .on(t.kind, sql`coalesce(${t.consultationId}, '00000000-0000-0000-0000-000000000000'::uuid)`, sql`lower(${t.email})`)
      .where(sql`${t.unsubscribedAt} is null`),
    index('consultation_alerts_consultation_idx').on(t.consultationId),
  ],
).enableRLS()
