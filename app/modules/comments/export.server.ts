import { asc, eq } from 'drizzle-orm'
import { getDb } from '~/platform/db.server'
import { commentFlags, commentRevisions, comments, commentVotes } from './schema'

/** The person's comments (with earlier wordings), supports and reports, for "download my data". */
export async function exportMyComments(person: { id: string }) {
  const db = getDb()
  const [written, revisions, supported, reported] = await Promise.all([
    db
      .select({
        id: comments.id,
        subjectType: comments.subjectType,
        subjectId: comments.subjectId,
        paragraph: comments.anchor,
        replyTo: comments.parentId,
        text: comments.body,
        status: comments.status,
        moderationReason: comments.moderationReason,
        createdAt: comments.createdAt,
        editedAt: comments.editedAt,
      })
      .from(comments)
      .where(eq(comments.authorId, person.id))
      .orderBy(asc(comments.createdAt)),
    db
      .select({ commentId: commentRevisions.commentId, text: commentRevisions.body, replacedAt: commentRevisions.createdAt })
      .from(commentRevisions)
      .innerJoin(comments, eq(comments.id, commentRevisions.commentId))
      .where(eq(comments.authorId, person.id))
      .orderBy(asc(commentRevisions.createdAt)),
    db.select({ commentId: commentVotes.commentId, at: commentVotes.createdAt }).from(commentVotes).where(eq(commentVotes.userId, person.id)),
    db
      .select({ commentId: commentFlags.commentId, reason: commentFlags.reason, details: commentFlags.details, at: commentFlags.createdAt })
      .from(commentFlags)
      .where(eq(commentFlags.reporterId, person.id)),
  ])
  return { written, earlierWordings: revisions, supported, reported }
}
