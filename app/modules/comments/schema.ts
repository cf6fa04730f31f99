// Tables of the comments module: threaded comments on any subject (a consultation, one block of
// its paper, an event, a published analysis report), with votes, reports and moderation.
import { sql } from 'drizzle-orm'
import { type AnyPgColumn, boolean, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { users } from '~/modules/accounts/schema'
import { at, createdAt, id, updatedAt } from '~/platform/columns'

export const commentSubjectType = pgEnum('comment_subject_type', ['consultation', 'event', 'analysis_report'])
export const commentStatus = pgEnum('comment_status', ['visible', 'hidden', 'deleted', 'pending'])
export const commentFlagReason = pgEnum('comment_flag_reason', ['abusive', 'spam', 'off_topic', 'personal_information', 'other'])

// `path` is the materialised path: one 6-character base-36 segment per level, each the comment's
// position among its siblings, so `ORDER BY path` is a thread in reading order and a subtree is a
// prefix. `reply_count`, `support_count` and `open_flag_count` are kept by the commands so a page
// never counts rows.
export const comments = pgTable(
  'comments',
  {
    id: id(),
    subjectType: commentSubjectType('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    // The block of the consultation paper the thread is about; null for the general discussion.
    anchor: text('anchor'),
    parentId: uuid('parent_id').references((): AnyPgColumn => comments.id, { onDelete: 'cascade' }),
    rootId: uuid('root_id').notNull(),
    depth: integer('depth').notNull().default(0),
    path: text('path').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    status: commentStatus('status').notNull().default('visible'),
    // Why a moderator hid it; shown to the author.
    moderationReason: text('moderation_reason'),
    editedAt: at('edited_at'),
    replyCount: integer('reply_count').notNull().default(0),
    supportCount: integer('support_count').notNull().default(0),
    openFlagCount: integer('open_flag_count').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('comments_top_level_idx').on(t.subjectType, t.subjectId, t.anchor, t.createdAt).where(sql`${t.depth} = 0`),
    index('comments_top_level_support_idx').on(t.subjectType, t.subjectId, t.anchor, t.supportCount).where(sql`${t.depth} = 0`),
    uniqueIndex('comments_root_path_key').on(t.rootId, t.path),
    index('comments_parent_path_idx').on(t.parentId, t.path),
    index('comments_author_idx').on(t.authorId),
    // Per-paragraph counts on the consultation page; general discussions (anchor null) stay out of it.
    index('comments_anchor_idx').on(t.subjectType, t.subjectId, t.anchor).where(sql`${t.anchor} is not null`),
    index('comments_queue_idx').on(t.createdAt).where(sql`${t.status} = 'pending' or ${t.openFlagCount} > 0`),
    // Replies others cannot see yet, counted out of "show N more replies" on every thread page.
    index('comments_pending_reply_idx').on(t.parentId).where(sql`${t.status} = 'pending'`),
  ],
).enableRLS()

// Earlier wordings of edited comments, kept for moderators.
export const commentRevisions = pgTable(
  'comment_revisions',
  {
    id: id(),
    commentId: uuid('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('comment_revisions_comment_idx').on(t.commentId, t.createdAt)],
).enableRLS()

export const commentVotes = pgTable(
  'comment_votes',
  {
    id: id(),
    commentId: uuid('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('comment_votes_comment_user_key').on(t.commentId, t.userId), index('comment_votes_user_idx').on(t.userId)],
).enableRLS()

export const commentFlags = pgTable(
  'comment_flags',
  {
    id: id(),
    commentId: uuid('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    reporterId: uuid('reporter_id').references(() => users.id, { onDelete: 'set null' }),
    reason: commentFlagReason('reason').notNull(),
    details: text('details'),
    resolvedAt: at('resolved_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('comment_flags_comment_reporter_key').on(t.commentId, t.reporterId), index('comment_flags_reporter_idx').on(t.reporterId)],
).enableRLS()

// Every moderator decision, with its reason (the audit log has them too, for admins).
export const commentModerationActions = pgTable(
  'comment_moderation_actions',
  {
    id: id(),
    action: text('action').notNull(),
    commentId: uuid('comment_id').references(() => comments.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    moderatorId: uuid('moderator_id').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [index('comment_moderation_actions_comment_idx').on(t.commentId)],
).enableRLS()

// Per-subject settings and the counter that numbers top-level comments for their paths.
export const commentSubjects = pgTable(
  'comment_subjects',
  {
    id: id(),
    subjectType: commentSubjectType('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    premoderated: boolean('premoderated').notNull().default(false),
    topLevelCount: integer('top_level_count').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('comment_subjects_subject_key').on(t.subjectType, t.subjectId)],
).enableRLS()

// People a moderator has stopped from commenting.
export const commentBlocks = pgTable(
  'comment_blocks',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    blockedBy: uuid('blocked_by').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('comment_blocks_user_key').on(t.userId)],
).enableRLS()

// Replies waiting to go out in the recipient's next digest email.
export const commentReplyNotices = pgTable(
  'comment_reply_notices',
  {
    id: id(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    commentId: uuid('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    sentAt: at('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [index('comment_reply_notices_pending_idx').on(t.recipientId).where(sql`${t.sentAt} is null`)],
).enableRLS()
