import { sql } from 'drizzle-orm'
import { createdAt, id, updatedAt } from '~/platform/columns'
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'


export const locale = pgEnum('locale', ['en', 'gd'])
export const platformRole = pgEnum('platform_role', ['moderator', 'official', 'admin'])
export const membershipRole = pgEnum('membership_role', ['member', 'admin'])
export const membershipStatus = pgEnum('membership_status', ['pending', 'approved'])

// With Supabase, id is auth.users.id; embedded, the app generates it.
export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull(),
    displayName: text('display_name'),
    locale: locale('locale').notNull().default('en'),
    notifyReplies: boolean('notify_replies').notNull().default(true),
    notifyEventUpdates: boolean('notify_event_updates').notNull().default(true),
    // Officials' and admins' emails when a consultation opens or closes.
    notifyMilestones: boolean('notify_milestones').notNull().default(true),
    lastSignedInAt: timestamp('last_signed_in_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)],
).enableRLS()

export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    userAgent: text('user_agent'),
    // With Supabase Auth, when the identity was last confirmed with Supabase (getUser()).
    verifiedAt: timestamp('verified_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId)],
).enableRLS()

// One request to sign in: the code and link sent by email (hashed, embedded only) and where to
// go afterwards. Made for every request, whether or not the address has an account.
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: id(),
    email: text('email').notNull(),
    codeHash: text('code_hash'),
    linkHash: text('link_hash'),
    redirectTo: text('redirect_to').notNull().default('/'),
    tries: integer('tries').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('sign_in_attempts_link_hash_key').on(t.linkHash), index('sign_in_attempts_expires_idx').on(t.expiresAt)],
).enableRLS()

export const organisations = pgTable('organisations', {
  id: id(),
  slug: text('slug').notNull().unique(),
  name: jsonb('name').$type<{ en: string; gd?: string }>().notNull(),
  description: jsonb('description').$type<{ en: string; gd?: string }>(),
  website: text('website'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}).enableRLS()

export const memberships = pgTable(
  'memberships',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: membershipRole('role').notNull().default('member'),
    status: membershipStatus('status').notNull().default('pending'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('memberships_organisation_user_key').on(t.organisationId, t.userId),
    index('memberships_user_id_idx').on(t.userId),
  ],
).enableRLS()

export const userRoles = pgTable(
  'user_roles',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: platformRole('role').notNull(),
    grantedBy: uuid('granted_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('user_roles_user_role_key').on(t.userId, t.role)],
).enableRLS()

export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    index('audit_log_created_at_idx').on(t.createdAt),
    index('audit_log_subject_idx').on(t.subjectType, t.subjectId),
    index('audit_log_actor_idx').on(t.actorId),
  ],
).enableRLS()
