// The comments module's public face. To put comments on a page (an event, an analysis report):
//
//   loader:    const comments = await loadComments(request, { type: 'event', id: event.id }, { open: true })
//              return { …, comments }
//   component: <CommentsSection data={comments} />   (from ~/components/CommentsSection)
//
// The section posts to /comments/new and comes back to the page, so the page needs no action.
// Register the subject type once (see subjects.server.ts) so posting can check that the subject
// exists and still takes comments: registerCommentSubject('event', async (id) => ({ readable,
// open, href, anchors: [] })). The page reads `?sort=` and `?page=` for the comments.
import { getOptionalUser } from '~/modules/accounts/auth.server'
import { sortOrders, type SortOrder } from './forms'
import { canModerateComments } from './permissions'
import { loadThreadPage } from './queries.server'
import { shownThread } from './shown.server'
import type { CommentSubject } from './subjects.server'

export { registerCommentSubject, type CommentSubject } from './subjects.server'
export type { CommentView } from './queries.server'
export type { ShownComment } from './shown.server'

/** Everything <CommentsSection> shows for one subject (or one block of a paper), for this reader. */
export async function loadComments(request: Request, subject: CommentSubject, options: { open: boolean }) {
  const url = new URL(request.url)
  const viewer = await getOptionalUser(request)
  const sortParam = url.searchParams.get('sort')
  const sort: SortOrder = sortOrders.includes(sortParam as SortOrder) ? (sortParam as SortOrder) : 'oldest'
  const page = Number(url.searchParams.get('page')) || 1
  const { threads, ...rest } = await loadThreadPage(viewer, subject, { sort, page })
  return {
    subject: { type: subject.type, id: subject.id, anchor: subject.anchor ?? null },
    open: options.open,
    signedIn: Boolean(viewer),
    canModerate: canModerateComments(viewer),
    path: url.pathname,
    returnTo: `${url.pathname}${url.search}`,
    ...rest,
    threads: threads.map(shownThread),
  }
}

export type CommentsData = Awaited<ReturnType<typeof loadComments>>
