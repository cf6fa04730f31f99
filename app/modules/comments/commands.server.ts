import { fieldErrors } from '~/kernel/form-errors'
import { randomUUID } from 'node:crypto'
import { and, eq, isNull, sql } from 'drizzle-orm'
import { recordAudit } from '~/modules/accounts/index.server'
import type { Actor } from '~/modules/accounts'
import { getDb } from '~/platform/db.server'
import { getEnv } from '~/platform/env.server'
import { hitRateLimits, type RateLimit } from '~/platform/rate-limit.server'
import { EditCommentSchema, PostCommentSchema, ReportSchema } from './forms'
import { scheduleReplyDigest } from './notify.server'
import { canChangeComment, canModerateComments } from './permissions'
import { commentBlocks, commentFlags, commentReplyNotices, commentRevisions, comments, commentSubjects, commentVotes } from './schema'
import { type CommentSubject, resolveSubject } from './subjects.server'

type Db = ReturnType<typeof getDb>
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
type FieldErrors = Record<string, string[] | undefined>

export type CommandFailure =
  | { ok: false; reason: 'invalid'; fieldErrors: FieldErrors }
  | { ok: false; reason: 'not_found' | 'closed' | 'blocked' | 'parent_unavailable' | 'not_allowed' | 'already_done' }
  | { ok: false; reason: 'rate_limited'; retryAt: Date }

const fail = <R extends Exclude<CommandFailure['reason'], 'invalid' | 'rate_limited'>>(reason: R) => ({ ok: false as const, reason })

export const commentLimits = {
  perMinute: { name: 'comments:minute', limit: 5, windowSeconds: 60 },
  perHour: { name: 'comments:hour', limit: 60, windowSeconds: 3600 },
} satisfies Record<string, RateLimit>

/** A sibling's place as one path segment: fixed width, so text order is number order. */
export const pathSegment = (position: number) => position.toString(36).padStart(6, '0')

export async function isBlocked(userId: string) {
  const [row] = await getDb().select({ id: commentBlocks.id }).from(commentBlocks).where(eq(commentBlocks.userId, userId))
  return Boolean(row)
}

/**
 * Posts a comment (or a reply, with parentId) for a signed-in person. Refused, as a value, for
 * bad text, unknown or closed subjects, blocked people, floods and parents that are not visible
 * or belong elsewhere. Under pre-moderation the comment waits for a moderator.
 */
export async function postComment(actor: Actor, input: unknown) {
  const parsed = PostCommentSchema.safeParse(input)
  if (!parsed.success) return { ok: false as const, reason: 'invalid' as const, fieldErrors: fieldErrors(parsed.error.issues) }
  const { subjectType, subjectId, parentId, body } = parsed.data
  const anchor = parsed.data.anchor || null
  if (await isBlocked(actor.id)) return fail('blocked')
  const subject: CommentSubject = { type: subjectType, id: subjectId, anchor }
  const resolved = await resolveSubject(subject)
  if (!resolved) return fail('not_found')
  if (!resolved.open) return fail('closed')
  const limited = await hitRateLimits([
    [commentLimits.perMinute, actor.id],
    [commentLimits.perHour, actor.id],
  ])
  if (!limited.ok) return { ok: false as const, reason: 'rate_limited' as const, retryAt: limited.retryAt }

  const outcome = await getDb().transaction(async (tx) => {
    // One row per subject holds its settings and numbers its top-level comments.
    const [settings] = await tx
      .insert(commentSubjects)
      .values({ subjectType, subjectId, topLevelCount: parentId ? 0 : 1 })
      .onConflictDoUpdate({
        target: [commentSubjects.subjectType, commentSubjects.subjectId],
        set: { topLevelCount: sql`${commentSubjects.topLevelCount} + ${parentId ? 0 : 1}` },
      })
      .returning({ premoderated: commentSubjects.premoderated, topLevelCount: commentSubjects.topLevelCount })
    const id = randomUUID()
    let placement: { rootId: string; depth: number; path: string; parentAuthorId: string | null; position: number }
    if (parentId) {
      // Counting the reply on its parent also locks the parent, so siblings get distinct places.
      const [parent] = await tx
        .update(comments)
        .set({ replyCount: sql`${comments.replyCount} + 1` })
        .where(
          and(
            eq(comments.id, parentId),
            eq(comments.status, 'visible'),
            eq(comments.subjectType, subjectType),
            eq(comments.subjectId, subjectId),
            anchor ? eq(comments.anchor, anchor) : isNull(comments.anchor),
          ),
        )
        .returning({ rootId: comments.rootId, depth: comments.depth, path: comments.path, replyCount: comments.replyCount, authorId: comments.authorId })
      if (!parent) return fail('parent_unavailable')
      placement = { rootId: parent.rootId, depth: parent.depth + 1, path: parent.path + pathSegment(parent.replyCount), parentAuthorId: parent.authorId, position: parent.replyCount }
    } else {
      placement = { rootId: id, depth: 0, path: pathSegment(settings!.topLevelCount), parentAuthorId: null, position: settings!.topLevelCount }
    }
    const status = settings!.premoderated && !canModerateComments(actor) ? ('pending' as const) : ('visible' as const)
    await tx.insert(comments).values({
      id,
      subjectType,
      subjectId,
      anchor,
      parentId: parentId ?? null,
      rootId: placement.rootId,
      depth: placement.depth,
      path: placement.path,
      authorId: actor.id,
      body,
      status,
    })
    const notify = status === 'visible' ? await noteReply(tx, { id, authorId: actor.id }, placement.parentAuthorId) : null
    return { ok: true as const, id, status, notify, depth: placement.depth, position: placement.position }
  })
  if (outcome.ok && outcome.notify) await scheduleReplyDigest(outcome.notify)
  return outcome.ok ? { ok: true as const, id: outcome.id, status: outcome.status, depth: outcome.depth, position: outcome.position } : outcome
}

/** Queues a reply for its parent's author's next digest (not for replying to yourself). */
export async function noteReply(tx: Tx, reply: { id: string; authorId: string | null }, parentAuthorId: string | null) {
  if (!parentAuthorId || parentAuthorId === reply.authorId) return null
  await tx.insert(commentReplyNotices).values({ recipientId: parentAuthorId, commentId: reply.id })
  return parentAuthorId
}

async function findOwnComment(actor: Actor, commentId: string) {
  const [comment] = await getDb().select().from(comments).where(eq(comments.id, commentId))
  if (!comment) return fail('not_found')
  if (!canChangeComment(actor, comment)) return fail('not_allowed')
  const resolved = await resolveSubject({ type: comment.subjectType, id: comment.subjectId, anchor: comment.anchor })
  if (!resolved) return fail('not_found')
  if (!resolved.open) return fail('closed')
  return { ok: true as const, comment }
}

/** The author rewords their comment; the earlier wording is kept for moderators. */
export async function editComment(actor: Actor, commentId: string, input: unknown) {
  const parsed = EditCommentSchema.safeParse(input)
  if (!parsed.success) return { ok: false as const, reason: 'invalid' as const, fieldErrors: fieldErrors(parsed.error.issues) }
  const found = await findOwnComment(actor, commentId)
  if (!found.ok) return found
  if (found.comment.body === parsed.data.body) return { ok: true as const, id: commentId }
  await getDb().transaction(async (tx) => {
    await tx.insert(commentRevisions).values({ commentId, body: found.comment.body })
    await tx.update(comments).set({ body: parsed.data.body, editedAt: new Date() }).where(eq(comments.id, commentId))
  })
  return { ok: true as const, id: commentId }
}

/** The author takes their comment down: its text and earlier wordings go, its place in the thread stays. */
export async function deleteComment(actor: Actor, commentId: string) {
  const [comment] = await getDb().select().from(comments).where(eq(comments.id, commentId))
  if (!comment) return fail('not_found')
  if (!canChangeComment(actor, comment)) return fail('not_allowed')
  await getDb().transaction(async (tx) => {
    await tx.delete(commentRevisions).where(eq(commentRevisions.commentId, commentId))
    await tx.update(comments).set({ body: '', status: 'deleted' }).where(eq(comments.id, commentId))
    await recordAudit({ actorId: actor.id, action: 'comment.deleted', subjectType: 'comment', subjectId: commentId }, tx)
  })
  return { ok: true as const, id: commentId }
}

/** Supports (upvotes) a visible comment once; a second time changes nothing. */
export async function supportComment(actor: Actor, commentId: string) {
  const [comment] = await getDb().select().from(comments).where(eq(comments.id, commentId))
  if (!comment || comment.status !== 'visible') return fail('not_found')
  if (comment.authorId === actor.id) return fail('not_allowed')
  const resolved = await resolveSubject({ type: comment.subjectType, id: comment.subjectId, anchor: comment.anchor })
  if (!resolved) return fail('not_found')
  if (!resolved.open) return fail('closed')
  const added = await getDb().transaction(async (tx) => {
    const [vote] = await tx.insert(commentVotes).values({ commentId, userId: actor.id }).onConflictDoNothing().returning({ id: commentVotes.id })
    if (vote) await tx.update(comments).set({ supportCount: sql`${comments.supportCount} + 1` }).where(eq(comments.id, commentId))
    return Boolean(vote)
  })
  return added ? { ok: true as const, id: commentId } : fail('already_done')
}

/**
 * Reports a comment to the moderators. Enough open reports (COMMENT_AUTO_HIDE_REPORTS) hide it
 * until a moderator decides; each person reports a comment once.
 */
export async function reportComment(actor: Actor, commentId: string, input: unknown) {
  const parsed = ReportSchema.safeParse(input)
  if (!parsed.success) return { ok: false as const, reason: 'invalid' as const, fieldErrors: fieldErrors(parsed.error.issues) }
  const [comment] = await getDb().select().from(comments).where(eq(comments.id, commentId))
  if (!comment || (comment.status !== 'visible' && comment.status !== 'hidden')) return fail('not_found')
  if (comment.authorId === actor.id) return fail('not_allowed')
  const threshold = getEnv().COMMENT_AUTO_HIDE_REPORTS
  const outcome = await getDb().transaction(async (tx) => {
    const [flag] = await tx
      .insert(commentFlags)
      .values({ commentId, reporterId: actor.id, reason: parsed.data.reason, details: parsed.data.details || null })
      .onConflictDoNothing()
      .returning({ id: commentFlags.id })
    if (!flag) return { autoHidden: false, added: false }
    const [counted] = await tx
      .update(comments)
      .set({ openFlagCount: sql`${comments.openFlagCount} + 1` })
      .where(eq(comments.id, commentId))
      .returning({ openFlagCount: comments.openFlagCount, status: comments.status })
    const autoHidden = counted!.status === 'visible' && counted!.openFlagCount >= threshold
    if (autoHidden) {
      await tx.update(comments).set({ status: 'hidden', moderationReason: null }).where(eq(comments.id, commentId))
      await recordAudit({ actorId: null, action: 'comment.auto_hidden', subjectType: 'comment', subjectId: commentId, details: { reports: counted!.openFlagCount } }, tx)
    }
    return { autoHidden, added: true }
  })
  return outcome.added ? { ok: true as const, id: commentId, autoHidden: outcome.autoHidden } : fail('already_done')
}
