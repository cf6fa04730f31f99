import { type AnyPgColumn, boolean, customType, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, real, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { sql } from 'drizzle-orm'
import { users } from '~/modules/accounts/schema'
import { answers, consultations, questions } from '~/modules/consultations/schema'
import { at, createdAt, id, updatedAt } from '~/platform/columns'

// Tables of the analysis module: the coding frame, reviews, suggested themes, campaign groups,
// reports and redactions. Answers and responses belong to consultations; these only point at them.

// The dashboard's numbers, kept up to date by triggers on responses and answers as they change
// (supabase/migrations/*_analysis_tallies.sql), so that reading them costs the same at 500 responses
// as at 500,000. `respondent_type` is 'not_given' where the respondent gave none.

/** Submitted responses counted by the day they arrived (Scottish date), type, channel and BSL use. */
export const responseTallies = pgTable(
  'analysis_response_tallies',
  {
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    respondentType: text('respondent_type').notNull(),
    channel: text('channel').notNull(),
    bsl: boolean('bsl').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ name: 'analysis_response_tallies_pkey', columns: [t.consultationId, t.day, t.respondentType, t.channel, t.bsl] })],
).enableRLS()

/**
 * Submitted answers counted per question and by who answered (respondent type, channel, consent to
 * publish: 'not_given' where none), so the reading page's totals under those filters are tallied
 * too. `measure` is 'base' (a closed question answered), 'choice' (one choice, named in `choice`),
 * 'answered' (an answer in words) or 'uninterpreted' (a BSL answer still waiting for its English).
 */
export const answerTallies = pgTable(
  'analysis_answer_tallies',
  {
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    measure: text('measure').notNull(),
    choice: text('choice').notNull(),
    respondentType: text('respondent_type').notNull(),
    channel: text('channel').notNull(),
    consent: text('consent').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ name: 'analysis_answer_tallies_pkey', columns: [t.consultationId, t.questionId, t.measure, t.choice, t.respondentType, t.channel, t.consent] })],
).enableRLS()

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' })

/**
 * The words of each answer (text and BSL interpretation) stemmed for full-text search, kept by a
 * trigger on answers. Stored, not computed at search time: checking 40,000 matches against a
 * stored vector is cheap, stemming 40,000 answers again is not.
 */
export const answerDocuments = pgTable(
  'analysis_answer_documents',
  {
    answerId: uuid('answer_id')
      .primaryKey()
      .references(() => answers.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id').notNull(),
    document: tsvector('document').notNull(),
  },
  // One GIN index over both (btree_gin): a search finds only the question's matching answers,
  // where two indexes ANDed gave a bitmap of every matching answer in the consultation (lossy past
  // a few hundred thousand, so each row on those pages was checked again: 3.4 s against 0.2 s).
  (t) => [index('analysis_answer_documents_search_idx').using('gin', t.questionId, t.document)],
).enableRLS()

export const codeSource = pgEnum('analysis_code_source', ['human', 'suggested'])
export const suggestionStatus = pgEnum('analysis_suggestion_status', ['pending', 'accepted', 'rejected', 'merged'])
export const reportStatus = pgEnum('analysis_report_status', ['draft', 'published'])

/** The coding frame of one question; a code with a parent is a sub-code. */
export const analysisCodes = pgTable(
  'analysis_codes',
  {
    id: id(),
    questionId: uuid('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id').references((): AnyPgColumn => analysisCodes.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    description: text('description'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('analysis_codes_question_idx').on(t.questionId), uniqueIndex('analysis_codes_label_key').on(t.questionId, t.parentId, t.label)],
).enableRLS()

/** A code applied to an answer, by whom, and whether by hand or by accepting a suggested theme. */
export const answerCodes = pgTable(
  'analysis_answer_codes',
  {
    answerId: uuid('answer_id')
      .notNull()
      .references(() => answers.id, { onDelete: 'cascade' }),
    codeId: uuid('code_id')
      .notNull()
      .references(() => analysisCodes.id, { onDelete: 'cascade' }),
    source: codeSource('source').notNull().default('human'),
    appliedBy: uuid('applied_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.answerId, t.codeId] }), index('analysis_answer_codes_code_idx').on(t.codeId)],
).enableRLS()

/** An answer an official has read. */
export const answerReviews = pgTable(
  'analysis_answer_reviews',
  {
    answerId: uuid('answer_id')
      .primaryKey()
      .references(() => answers.id, { onDelete: 'cascade' }),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  () => [],
).enableRLS()

export interface SuggestionExplanation {
  /** the stemmed phrases behind the theme, with their weight */
  phrases: { phrase: string; weight: number }[]
  /** a few of the answers it groups, closest to its centre first */
  exampleAnswerIds: string[]
}

/** A theme Guth suggests for a question (key phrases and a cluster of similar answers). */
export const themeSuggestions = pgTable(
  'analysis_theme_suggestions',
  {
    id: id(),
    questionId: uuid('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    explanation: jsonb('explanation').$type<SuggestionExplanation>().notNull(),
    answerIds: jsonb('answer_ids').$type<string[]>().notNull(),
    size: integer('size').notNull(),
    status: suggestionStatus('status').notNull().default('pending'),
    codeId: uuid('code_id').references(() => analysisCodes.id, { onDelete: 'set null' }),
    mergedInto: uuid('merged_into').references((): AnyPgColumn => themeSuggestions.id, { onDelete: 'set null' }),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: at('decided_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('analysis_theme_suggestions_question_idx').on(t.questionId, t.status)],
).enableRLS()

export const runKind = pgEnum('analysis_run_kind', ['themes', 'campaigns'])
export const runStatus = pgEnum('analysis_run_status', ['queued', 'running', 'done', 'failed'])

/**
 * Working out a question's suggested themes or campaign groups: a background job, because on a
 * question with hundreds of thousands of answers it takes longer than a page should. One run of
 * each kind per question at a time.
 */
export const analysisRuns = pgTable(
  'analysis_runs',
  {
    id: id(),
    questionId: uuid('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    kind: runKind('kind').notNull(),
    status: runStatus('status').notNull().default('queued'),
    /** how many suggestions or groups it found */
    found: integer('found'),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    requestedAt: createdAt(),
    finishedAt: at('finished_at'),
  },
  (t) => [
    uniqueIndex('analysis_runs_active_key').on(t.questionId, t.kind).where(sql`status in ('queued', 'running')`),
    index('analysis_runs_question_idx').on(t.questionId, t.kind, t.requestedAt),
  ],
).enableRLS()

/** Identical or near-identical answers to one question: a standard campaign text. */
export const campaignGroups = pgTable(
  'analysis_campaign_groups',
  {
    id: id(),
    questionId: uuid('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    representativeAnswerId: uuid('representative_answer_id').references(() => answers.id, { onDelete: 'set null' }),
    text: text('text').notNull(),
    size: integer('size').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('analysis_campaign_groups_question_idx').on(t.questionId)],
).enableRLS()

export const campaignMembers = pgTable(
  'analysis_campaign_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => campaignGroups.id, { onDelete: 'cascade' }),
    answerId: uuid('answer_id')
      .notNull()
      .references(() => answers.id, { onDelete: 'cascade' }),
    /** estimated Jaccard similarity to the representative text (1 = identical) */
    similarity: real('similarity').notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.answerId] }), index('analysis_campaign_members_answer_idx').on(t.answerId)],
).enableRLS()

/** The analysis report of a consultation: a tiptap-style document with live data blocks. */
export const analysisReports = pgTable(
  'analysis_reports',
  {
    id: id(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    doc: jsonb('doc').$type<Record<string, unknown>>().notNull(),
    status: reportStatus('status').notNull().default('draft'),
    /** every number the published page shows, frozen at publication */
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>(),
    publishedAt: at('published_at'),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('analysis_reports_consultation_key').on(t.consultationId)],
).enableRLS()

/** A passage of an answer withheld from the published responses, and why. */
export const redactions = pgTable(
  'analysis_redactions',
  {
    id: id(),
    answerId: uuid('answer_id')
      .notNull()
      .references(() => answers.id, { onDelete: 'cascade' }),
    passage: text('passage').notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('analysis_redactions_answer_idx').on(t.answerId)],
).enableRLS()
