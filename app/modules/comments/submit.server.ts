import type { SignedInUser } from '~/modules/accounts/index.server'
import { formatTime } from '~/platform/notice'
import { translatorFor } from '~/platform/i18n/translate.server'
import { safeRedirectPath } from '~/platform/redirect'
import { type CommandFailure, postComment } from './commands.server'
import { REPLIES_SHOWN, SHOWN_LEVELS } from './queries.server'

/** A refused command as a message for the form: a translation key, or words with a time in them. */
export async function refusalMessage(request: Request, failure: CommandFailure): Promise<string> {
  if (failure.reason === 'not_found') throw new Response('Not found', { status: 404 })
  if (failure.reason === 'rate_limited') {
    const { t, language } = await translatorFor(request, 'comments')
    return t('errors.rateLimited', { time: formatTime(failure.retryAt, language) })
  }
  if (failure.reason === 'invalid') return Object.values(failure.fieldErrors).flat()[0] ?? 'comments:errors.invalid'
  return `comments:errors.${failure.reason}`
}

/** Where the new comment can be seen: its anchor on the page it was written on, if it shows there. */
function locationOf(returnTo: string, posted: { id: string; depth: number; position: number }, parentId?: string) {
  const url = new URL(returnTo, 'http://guth.invalid')
  if (posted.depth === 0) {
    // Newest first puts a new comment on the first page whatever the page held.
    url.searchParams.set('sort', 'newest')
    url.searchParams.delete('page')
    return `${url.pathname}${url.search}#comment-${posted.id}`
  }
  const shown = posted.depth === 1 ? REPLIES_SHOWN.page.first : REPLIES_SHOWN.page.deeper
  if (posted.depth <= SHOWN_LEVELS && posted.position <= shown) return `${url.pathname}${url.search}#comment-${posted.id}`
  return `/comments/${parentId}#comment-${posted.id}`
}

/** Posts the form's comment; says where to go next, or why not (with what was typed, to show again). */
export async function submitComment(request: Request, user: SignedInUser, form: FormData) {
  const input = Object.fromEntries(['subjectType', 'subjectId', 'anchor', 'parentId', 'body'].map((name) => [name, form.get(name) ?? undefined]))
  const outcome = await postComment(user, { ...input, anchor: input.anchor || undefined, parentId: input.parentId || undefined })
  if (!outcome.ok) {
    const httpStatus = { rate_limited: 429, blocked: 403, not_allowed: 403, closed: 409, parent_unavailable: 409, already_done: 409 }[outcome.reason as string] ?? 400
    return { ok: false as const, httpStatus, error: await refusalMessage(request, outcome), values: { body: String(form.get('body') ?? '') } }
  }
  const returnTo = safeRedirectPath(form.get('returnTo'))
  return { ok: true as const, id: outcome.id, status: outcome.status, location: locationOf(returnTo, outcome, input.parentId as string | undefined) }
}
