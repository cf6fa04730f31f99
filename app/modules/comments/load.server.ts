import { getOptionalUser } from '~/modules/accounts/index.server'
import { sortOrders, type SortOrder } from './forms'
import { canModerateComments } from './permissions'
import { loadThreadPage } from './queries.server'
import { shownThread } from './shown.server'
import type { CommentSubject } from './subjects.server'

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
