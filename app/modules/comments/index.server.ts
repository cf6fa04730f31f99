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

import './notify.server'
export { loadConsultationDiscussion } from './blocks.server'
export { exportMyComments } from './export.server'
export { getModerationView, listModerationQueue, moderateFromForm, premoderationFromForm } from './moderation.server'
export { changeOwnComment, commentFormAction, loadBlockDiscussion, loadOwnComment, loadPermalink, reportFromForm, supportFromForm } from './pages.server'
export { type CommentView } from './queries.server'
export { type ShownComment } from './shown.server'
export { type CommentSubject, registerCommentSubject } from './subjects.server'
export { submitComment } from './submit.server'
export { type CommentsData, loadComments } from './load.server'
