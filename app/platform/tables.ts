import { sql } from 'drizzle-orm'
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'

// Counters for rate limits, in Postgres so every app instance sees the same numbers.
export const rateLimits = pgTable(
  'rate_limits',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    hits: integer('hits').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('rate_limits_key_window_key').on(t.key, t.windowStart)],
).enableRLS()

/**
 * One row per email queued: what kind it is, what it is about (a response, for a receipt) and how
 * its delivery went. Never the address or the body. The worker claims the row before sending and
 * marks it sent straight after, so a job run twice (a worker killed mid-batch) sends once.
 */
export const mailDeliveries = pgTable(
  'mail_deliveries',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** interactive (sign-in codes, resume links: never wait) or bulk (everything else). */
    queue: text('queue').notNull(),
    category: text('category').notNull(),
    subjectType: text('subject_type'),
    subjectId: uuid('subject_id'),
    /** queued → sending → sent; retrying after a temporary refusal; failed after a permanent one; uncertain if its worker died mid-send (never sent twice). */
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    /** The mail server's last reply, e.g. `250 2.0.0 Ok: queued` or `550 5.1.1 No such user`. */
    reply: text('reply'),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mail_deliveries_subject_idx').on(t.subjectType, t.subjectId)],
).enableRLS()
