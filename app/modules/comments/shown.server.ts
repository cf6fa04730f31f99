import type { CommentView } from './queries.server'

/**
 * A comment as a page shows it. The page data travels twice (rendered, and again in the HTML for
 * hydration), so it carries only what the page renders, and leaves out flags that are not set.
 */
export interface ShownComment {
  id: string
  status: CommentView['status']
  /** Absent where a placeholder stands (deleted, or hidden from this reader). */
  body?: string
  authorName?: string
  createdAt: string
  supportCount: number
  /** Why a moderator hid it, for its author and moderators. */
  moderationReason?: string
  mine?: true
  edited?: true
  supported?: true
  reported?: true
  /** "Show more replies (n)": replies to this comment not shown here. */
  moreReplies?: number
  /** "Continue this thread": replies below the depth shown here (no reply form in place either). */
  continues?: boolean
  /** "Continue this thread" under a top-level comment whose replies are cut short further down. */
  threadContinues?: true
  children?: ShownComment[]
}

/** The view as sent to the page (recursively, replies included). */
export function shownComment(view: CommentView): ShownComment {
  return project(view, true)
}

/**
 * A top-level comment on a page of threads. Replies the page leaves out further down are behind
 * one link under the thread (whose own page shows them), not a "show more" under each reply:
 * twenty busy threads would otherwise carry dozens of such links.
 */
export function shownThread(view: CommentView): ShownComment {
  const thread = project(view, false)
  if (!thread.moreReplies && view.children.some(cutShort)) thread.threadContinues = true
  return thread
}

const cutShort = (reply: CommentView): boolean => reply.moreReplies > 0 || reply.children.some(cutShort)

function project(view: CommentView, replyLinks: boolean): ShownComment {
  const shown: ShownComment = { id: view.id, status: view.status, createdAt: view.createdAt, supportCount: view.supportCount }
  if (view.body !== null) shown.body = view.body
  if (view.authorName !== null) shown.authorName = view.authorName
  if (view.moderationReason && view.status === 'hidden' && view.body !== null) shown.moderationReason = view.moderationReason
  if (view.mine) shown.mine = true
  if (view.editedAt) shown.edited = true
  if (view.supported) shown.supported = true
  if (view.reported) shown.reported = true
  if (view.moreReplies && (replyLinks || view.depth === 0)) shown.moreReplies = view.moreReplies
  if (view.continues) shown.continues = true
  if (view.children.length) shown.children = view.children.map((reply) => project(reply, replyLinks))
  return shown
}
