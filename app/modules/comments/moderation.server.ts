import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm'
import { recordAudit, forbidden, personExists } from '~/modules/accounts/index.server'
import type { Actor } from '~/modules/accounts'
import { users } from '~/modules/accounts/schema'
import { getDb } from '~/platform/db.server'
import { fieldErrors } from '~/kernel/form-errors'
import { type Tx, noteReply } from './commands.server'
import { z } from 'zod'
import { safeRedirectPath } from '~/platform/redirect'
import { BlockSchema, ModerateSchema, type SubjectType, subjectTypes } from './forms'
import { scheduleReplyDigest, tellAuthorCommentHidden } from './notify.server'
import { canModerateComments } from './permissions'
import { commentBlocks, commentFlags, commentModerationActions, commentRevisions, comments, commentSubjects } from './schema'

type FieldErrors = Record<string, string[] | undefined>

const PremoderationSchema = z.object({ subjectType: z.enum(subjectTypes), subjectId: z.string().uuid(), on: z.enum(['true', 'false']), returnTo: z.string().optional() })

/** Refuses (403) anyone who may not moderate comments: moderators and admins may. */
export function assertCanModerate(actor: Actor | null | undefined): asserts actor is Actor {
  if (!canModerateComments(actor)) forbidden()
}

async function logAction(tx: Tx, moderator: Actor, entry: { action: string; commentId?: string; userId?: string; reason?: string | null }) {
  await tx.insert(commentModerationActions).values({
    action: entry.action,
    commentId: entry.commentId ?? null,
    userId: entry.userId ?? null,
    moderatorId: moderator.id,
    reason: entry.reason ?? null,
  })
  await recordAudit(
    {
      actorId: moderator.id,
      action: `comment.${entry.action}`,
      subjectType: entry.commentId ? 'comment' : 'user',
      subjectId: entry.commentId ?? entry.userId,
      details: entry.reason ? { reason: entry.reason } : {},
    },
    tx,
  )
}

const nextStatus = { hide: 'hidden', restore: 'visible', approve: 'visible', dismiss: null } as const
const allowedFrom = { hide: ['visible', 'pending'], restore: ['hidden'], approve: ['pending'], dismiss: ['visible', 'hidden'] } as const

/**
 * A moderator's decision on one comment: hide (with a reason the author sees), restore, approve a
 * pre-moderated comment, or dismiss its reports. Every decision closes the comment's open reports.
 */
export async function moderateComment(moderator: Actor, commentId: string, input: unknown) {
  assertCanModerate(moderator)
  const parsed = ModerateSchema.safeParse(input)
  if (!parsed.success) return { ok: false as const, reason: 'invalid' as const, fieldErrors: fieldErrors(parsed.error.issues) as FieldErrors }
  const { decision, reason } = parsed.data
  const outcome = await getDb().transaction(async (tx) => {
    const [comment] = await tx.select().from(comments).where(eq(comments.id, commentId)).for('update')
    if (!comment) return { ok: false as const, reason: 'not_found' as const }
    if (!(allowedFrom[decision] as readonly string[]).includes(comment.status)) return { ok: false as const, reason: 'not_allowed' as const }
    const status = nextStatus[decision] ?? comment.status
    await tx
      .update(comments)
      .set({ status, openFlagCount: 0, moderationReason: decision === 'hide' ? reason! : decision === 'dismiss' ? comment.moderationReason : null })
      .where(eq(comments.id, commentId))
    await tx.update(commentFlags).set({ resolvedAt: new Date() }).where(and(eq(commentFlags.commentId, commentId), isNull(commentFlags.resolvedAt)))
    await logAction(tx, moderator, { action: decision === 'hide' ? 'hidden' : decision === 'restore' ? 'restored' : decision === 'approve' ? 'approved' : 'reports_dismissed', commentId, reason })
    // An approved reply reaches its parent's author only now.
    let notify: string | null = null
    if (decision === 'approve' && comment.parentId) {
      const [parent] = await tx.select({ authorId: comments.authorId }).from(comments).where(eq(comments.id, comment.parentId))
      notify = await noteReply(tx, comment, parent?.authorId ?? null)
    }
    return { ok: true as const, notify, tellAuthor: decision === 'hide' && comment.authorId !== null && comment.authorId !== moderator.id }
  })
  if (outcome.ok && outcome.notify) await scheduleReplyDigest(outcome.notify)
  // After the commit: a hide that rolled back must not be announced.
  if (outcome.ok && outcome.tellAuthor) await tellAuthorCommentHidden(commentId)
  return outcome.ok ? { ok: true as const } : outcome
}

/** Stops a person commenting anywhere (their existing comments stay as they are). */
export async function blockCommenter(moderator: Actor, userId: string, input: unknown) {
  assertCanModerate(moderator)
  const parsed = BlockSchema.safeParse(input)
  if (!parsed.success) return { ok: false as const, reason: 'invalid' as const, fieldErrors: fieldErrors(parsed.error.issues) as FieldErrors }
  if (userId === moderator.id) return { ok: false as const, reason: 'not_allowed' as const }
  if (!(await personExists(userId))) return { ok: false as const, reason: 'not_found' as const }
  await getDb().transaction(async (tx) => {
    const [added] = await tx.insert(commentBlocks).values({ userId, blockedBy: moderator.id, reason: parsed.data.reason }).onConflictDoNothing().returning({ id: commentBlocks.id })
    if (added) await logAction(tx, moderator, { action: 'author_blocked', userId, reason: parsed.data.reason })
  })
  return { ok: true as const }
}

export async function unblockCommenter(moderator: Actor, userId: string) {
  assertCanModerate(moderator)
  await getDb().transaction(async (tx) => {
    const removed = await tx.delete(commentBlocks).where(eq(commentBlocks.userId, userId)).returning({ id: commentBlocks.id })
    if (removed.length) await logAction(tx, moderator, { action: 'author_unblocked', userId })
  })
  return { ok: true as const }
}

/** Turns pre-moderation on or off for one subject: while on, new comments wait for a moderator. */
export async function setPremoderation(moderator: Actor, subject: { type: SubjectType; id: string }, on: boolean) {
  assertCanModerate(moderator)
  await getDb().transaction(async (tx) => {
    await tx
      .insert(commentSubjects)
      .values({ subjectType: subject.type, subjectId: subject.id, premoderated: on })
      .onConflictDoUpdate({ target: [commentSubjects.subjectType, commentSubjects.subjectId], set: { premoderated: on } })
    await recordAudit({ actorId: moderator.id, action: on ? 'comment.premoderation_on' : 'comment.premoderation_off', subjectType: subject.type, subjectId: subject.id }, tx)
  })
}

/** What waits for a moderator: pre-moderated comments and comments with open reports, oldest first. */
export async function listModerationQueue(moderator: Actor, options: { limit?: number } = {}) {
  assertCanModerate(moderator)
  const db = getDb()
  const rows = await db
    .select({
      id: comments.id,
      body: comments.body,
      status: comments.status,
      subjectType: comments.subjectType,
      subjectId: comments.subjectId,
      anchor: comments.anchor,
      openFlagCount: comments.openFlagCount,
      createdAt: comments.createdAt,
      authorId: comments.authorId,
      authorName: users.displayName,
      blocked: sql<boolean>`exists (select 1 from ${commentBlocks} where ${commentBlocks.userId} = ${comments.authorId})`,
      reasons: sql<string[]>`coalesce((select array_agg(distinct ${commentFlags.reason}::text) from ${commentFlags} where ${commentFlags.commentId} = ${comments.id} and ${commentFlags.resolvedAt} is null), '{}')`,
    })
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(or(eq(comments.status, 'pending'), sql`${comments.openFlagCount} > 0`))
    .orderBy(comments.createdAt)
    .limit(options.limit ?? 50)
  return rows
}

/** A comment with everything a moderator needs to decide: earlier wordings, reports and past decisions. */
export async function getModerationView(moderator: Actor, commentId: string) {
  assertCanModerate(moderator)
  const db = getDb()
  const [comment] = await db
    .select({ comment: comments, authorName: users.displayName, authorEmail: users.email })
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.id, commentId))
  if (!comment) return null
  const [revisions, flags, actions, blocked] = await Promise.all([
    db.select().from(commentRevisions).where(eq(commentRevisions.commentId, commentId)).orderBy(desc(commentRevisions.createdAt)),
    db.select().from(commentFlags).where(eq(commentFlags.commentId, commentId)).orderBy(desc(commentFlags.createdAt)),
    db.select().from(commentModerationActions).where(eq(commentModerationActions.commentId, commentId)).orderBy(desc(commentModerationActions.createdAt)),
    comment.comment.authorId ? db.select().from(commentBlocks).where(inArray(commentBlocks.userId, [comment.comment.authorId])) : Promise.resolve([]),
  ])
  return { ...comment, revisions, flags, actions, blocked: blocked.length > 0 }
}

/** The pre-moderation switch as posted from a comments section; returns where to go back to. */
export async function premoderationFromForm(moderator: Actor, form: FormData) {
  assertCanModerate(moderator)
  const parsed = PremoderationSchema.safeParse(Object.fromEntries(form))
  if (!parsed.success) throw new Response('Bad request', { status: 400 })
  await setPremoderation(moderator, { type: parsed.data.subjectType, id: parsed.data.subjectId }, parsed.data.on === 'true')
  return `${safeRedirectPath(parsed.data.returnTo)}#comments`
}

/** A moderator's form on one comment: a decision (hide needs a reason), or blocking/unblocking its author. */
export async function moderateFromForm(moderator: Actor, commentId: string, form: FormData) {
  assertCanModerate(moderator)
  const intent = form.get('intent')
  const reason = String(form.get('reason') ?? '')
  if (intent === 'block' || intent === 'unblock') {
    const view = await getModerationView(moderator, commentId)
    if (!view?.comment.authorId) return { ok: false as const, reason: 'not_found' as const }
    return intent === 'block' ? blockCommenter(moderator, view.comment.authorId, { reason }) : unblockCommenter(moderator, view.comment.authorId)
  }
  return moderateComment(moderator, commentId, { decision: form.get('decision') ?? undefined, reason: reason || undefined })
}
