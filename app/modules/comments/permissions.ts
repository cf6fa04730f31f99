import { type Actor, hasRole } from '~/modules/accounts'

// Who may do what with comments, as plain functions: used by commands (to refuse) and pages (to offer).

export const canModerateComments = (actor: Actor | null | undefined) => hasRole(actor, 'moderator') || hasRole(actor, 'admin')

/** Authors change or remove their own comments while they are still up (not hidden, not deleted). */
export function canChangeComment(actor: Actor | null | undefined, comment: { authorId: string | null; status: string }) {
  return Boolean(actor && comment.authorId === actor.id && (comment.status === 'visible' || comment.status === 'pending'))
}
