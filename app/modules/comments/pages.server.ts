import { data, redirect } from '@remix-run/node'
import { getOptionalUser, requireUser, type SignedInUser } from '~/modules/accounts/index.server'
import { type BodyDoc, blockAnchors } from '~/kernel/rich-text'
import { getPublicConsultation } from '~/modules/consultations/index.server'
import { assertCsrf } from '~/platform/csrf.server'
import { type CommandFailure, deleteComment, editComment, reportComment, supportComment } from './commands.server'
import { loadComments } from './load.server'
import { loadCommentThread } from './queries.server'
import { shownComment } from './shown.server'
import { resolveSubject } from './subjects.server'
import { refusalMessage } from './submit.server'

/** A comment's own page: the comments above it, the comment and its replies; 404 when not to be seen. */
export async function loadPermalink(request: Request, commentId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(commentId)) throw new Response('Not found', { status: 404 })
  const viewer = await getOptionalUser(request)
  const found = await loadCommentThread(viewer, commentId)
  if (!found) throw new Response('Not found', { status: 404 })
  const resolved = await resolveSubject(found.subject)
  if (!resolved) throw new Response('Not found', { status: 404 })
  const url = new URL(request.url)
  const threadHref = found.subject.anchor ? `/comments${resolved.href}/${found.subject.anchor}` : `${resolved.href}#comments`
  return {
    ancestors: found.ancestors.map(shownComment),
    thread: shownComment(found.thread),
    blocked: found.blocked,
    threadHref,
    subject: found.subject,
    open: resolved.open,
    signedIn: Boolean(viewer),
    returnTo: url.pathname,
  }
}

/** One block of a consultation paper with its own thread; 404 for an unknown paper or block. */
export async function loadBlockDiscussion(request: Request, slug: string, blockId: string) {
  const found = await getPublicConsultation(slug)
  const block = found?.consultation.body ? blockAnchors(found.consultation.body as unknown as BodyDoc).find((anchor) => anchor.id === blockId) : undefined
  if (!found || !block) throw new Response('Not found', { status: 404 })
  const comments = await loadComments(request, { type: 'consultation', id: found.consultation.id, anchor: blockId }, { open: found.status === 'open' })
  return { consultation: { slug, title: found.consultation.title, status: found.status }, block, comments }
}

/** Supports a comment from a form; a refusal comes back as a message (already supported, closed…). */
export async function supportFromForm(request: Request, user: SignedInUser, commentId: string) {
  const outcome = await supportComment(user, commentId)
  return outcome.ok ? { ok: true as const } : { ok: false as const, error: await refusalMessage(request, outcome as CommandFailure) }
}

/** The author's own comment, to change or delete; 404 for anyone else or a comment that cannot change. */
export async function loadOwnComment(request: Request, user: SignedInUser, commentId: string) {
  const found = await loadPermalink(request, commentId)
  if (!found.thread.mine || !found.open || (found.thread.status !== 'visible' && found.thread.status !== 'pending')) throw new Response('Not found', { status: 404 })
  return { id: commentId, body: found.thread.body ?? '', threadHref: found.threadHref, userId: user.id }
}

/** Saves the author's new wording, or deletes the comment (intent=delete); says where to go next. */
export async function changeOwnComment(request: Request, user: SignedInUser, commentId: string, form: FormData) {
  const found = await loadOwnComment(request, user, commentId)
  const outcome = form.get('intent') === 'delete' ? await deleteComment(user, commentId) : await editComment(user, commentId, { body: form.get('body') ?? '' })
  if (!outcome.ok) return { ok: false as const, error: await refusalMessage(request, outcome as CommandFailure), values: { body: String(form.get('body') ?? '') } }
  return { ok: true as const, location: `${found.threadHref.replace(/#.*$/, '')}#comment-${commentId}` }
}

/** Reports a comment from the report form; comes back to the comment with a thank-you. */
export async function reportFromForm(request: Request, user: SignedInUser, commentId: string, form: FormData) {
  const outcome = await reportComment(user, commentId, { reason: form.get('reason') ?? undefined, details: form.get('details') || undefined })
  if (!outcome.ok && outcome.reason !== 'already_done') {
    return { ok: false as const, error: await refusalMessage(request, outcome as CommandFailure), values: { details: String(form.get('details') ?? '') } }
  }
  return { ok: true as const, location: `/comments/${commentId}?reported=1` }
}

type Done = { ok: true; location: string }

/** The action of a signed-in comment form (edit, report): refused, back to the form with the message (400); done, on to where the change says (303). */
export async function commentFormAction<Outcome extends Done | { ok: false }>(
  request: Request,
  commentId: string,
  change: (request: Request, user: SignedInUser, commentId: string, form: FormData) => Promise<Outcome>,
) {
  const form = await request.formData()
  assertCsrf(request, form)
  const user = await requireUser(request)
  const outcome = await change(request, user, commentId, form)
  if (outcome.ok) return redirect((outcome as Done).location, 303)
  return data(outcome as Exclude<Outcome, Done>, { status: 400 })
}
