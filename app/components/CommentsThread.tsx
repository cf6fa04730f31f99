import './Comments.css'
import { Link, useFetcher } from '@remix-run/react'
import { Fragment, type MouseEvent, useCallback, useState } from 'react'
import { useTranslation } from '~/platform/i18n/react'
import { CommentForm, type CommentFormTarget } from '~/components/CommentsForm'
import { CsrfInput } from '~/components/FormSecurity'
import type { ShownComment } from '~/modules/comments/index.server'
import { commentParagraphs } from '~/modules/comments'
import { londonClock, pad } from '~/platform/london-clock'

/** A comment's text as paragraphs and lines; addresses become links that pass on no ranking or opener. */
export function CommentText({ body }: { body: string }) {
  // Fragments, not spans: a page holds hundreds of comments and every element is bytes.
  return (
    <div className="guth-comment__body">
      {commentParagraphs(body).map((lines, p) => (
        <p key={p}>
          {lines.map((pieces, l) => (
            <Fragment key={l}>
              {l > 0 ? <br /> : null}
              {pieces.map((piece, i) =>
                'href' in piece ? (
                  <a key={i} href={piece.href} rel="nofollow ugc noopener">
                    {piece.text}
                  </a>
                ) : (
                  <Fragment key={i}>{piece.text}</Fragment>
                ),
              )}
            </Fragment>
          ))}
        </p>
      ))}
    </div>
  )
}

type Translate = (key: string, options?: { count?: number; ns?: string; reason?: string }) => string

// A page shows a hundred comments asking for the same dozen strings, and each lookup in i18next
// takes microseconds: remember each string per translator (one per language on the server).
const remembered = new WeakMap<object, Map<string, string>>()

function useRememberedT(): Translate {
  const { t, i18n, ready } = useTranslation('comments')
  const translate = t as unknown as Translate
  if (!ready) return translate
  let known = remembered.get(i18n)
  if (!known || known.size > 10_000) remembered.set(i18n, (known = new Map()))
  const cache = known
  return (key, options) => {
    // Interpolated words (a moderator's reason) are the reader's own; only counts are remembered.
    if (options?.reason !== undefined) return translate(key, options)
    const id = `${i18n.language}:${options?.ns ?? ''}:${key}:${options?.count ?? ''}`
    let text = cache.get(id)
    if (text === undefined) cache.set(id, (text = translate(key, options)))
    return text
  }
}

// A page shows hundreds of dates: London time comes from the clock-change rules, not from Intl
// per date. Month names come from our strings, since browsers lack Gaelic date names (Chromium
// would write "Dec 3, 2026" where the server wrote Gaelic), so both sides agree.
function When({ iso, t }: { iso: string; t: Translate }) {
  const clock = londonClock(new Date(iso))
  return <time dateTime={iso}>{`${clock.day} ${t(`monthsShort.${clock.month}`, { ns: 'common' })} ${clock.year}, ${pad(clock.hour)}:${pad(clock.minute)}`}</time>
}

function Placeholder({ comment, t }: { comment: ShownComment; t: Translate }) {
  if (comment.status === 'deleted') return <p className="guth-comment__placeholder">{t('comment.deleted')}</p>
  if (comment.status === 'hidden' && comment.body === undefined) return <p className="guth-comment__placeholder">{t('comment.hidden')}</p>
  return null
}

function SupportButton({ comment, returnTo }: { comment: ShownComment; returnTo: string }) {
  const t = useRememberedT()
  const fetcher = useFetcher()
  if (comment.supported || comment.mine) return <span>{t('comment.supportCount', { count: comment.supportCount })}</span>
  return (
    <fetcher.Form method="post" action={`/comments/${comment.id}`} className="guth-inline-form">
      <CsrfInput />
      <input type="hidden" name="intent" value="support" />
      <input type="hidden" name="returnTo" value={returnTo} />
      <button type="submit" className="guth-link-button" aria-label={t('comment.supportLabel', { count: comment.supportCount })}>
        {t('comment.support', { count: comment.supportCount })}
      </button>
    </fetcher.Form>
  )
}

/** One comment with its shown replies, nested; placeholders keep the shape of the thread. */
export function CommentThread({ comment, data, permalinkFocus }: { comment: ShownComment; data: CommentFormTarget & { open: boolean; signedIn: boolean; blocked: boolean }; permalinkFocus?: boolean }) {
  const t = useRememberedT()
  const [replying, setReplying] = useState(false)
  const closeReply = useCallback(() => setReplying(false), [])
  const openReply = (event: MouseEvent) => {
    event.preventDefault()
    setReplying(true)
  }
  const readable = comment.body !== undefined && comment.status !== 'deleted'
  const canAct = data.open && data.signedIn && !data.blocked
  return (
    <li className={`guth-comment guth-comment--${comment.status}`} id={`comment-${comment.id}`} aria-current={permalinkFocus ? 'true' : undefined}>
      <article aria-labelledby={`comment-${comment.id}-by`}>
        <p className="guth-comment__meta" id={`comment-${comment.id}-by`}>
          <strong>{comment.status === 'deleted' ? t('comment.deletedAuthor') : (comment.authorName ?? t('anonymousAuthor'))}</strong>{' '}
          <When iso={comment.createdAt} t={t} />
          {comment.edited ? <span className="guth-comment__edited"> · {t('comment.edited')}</span> : null}
          {comment.status === 'pending' ? <strong className="ds_tag ds_tag--orange guth-comment__tag">{t('comment.pending')}</strong> : null}
        </p>
        <Placeholder comment={comment} t={t} />
        {comment.status === 'hidden' && comment.body !== undefined ? (
          <div className="ds_inset-text">
            <div className="ds_inset-text__text">
              <p>
                <strong>{t('comment.hiddenForYou')}</strong>
              </p>
              <p>{comment.moderationReason ? t('comment.hiddenReason', { reason: comment.moderationReason }) : t('comment.hiddenByReports')}</p>
            </div>
          </div>
        ) : null}
        {readable ? <CommentText body={comment.body!} /> : null}
        <ul className="guth-comment__actions guth-inline-list">
          <li>
            <a href={`/comments/${comment.id}`}>{t('comment.permalink')}</a>
          </li>
          {comment.status === 'visible' ? (
            <li>{data.signedIn && data.open ? <SupportButton comment={comment} returnTo={data.returnTo} /> : t('comment.supportCount', { count: comment.supportCount })}</li>
          ) : null}
          {comment.mine && data.open && (comment.status === 'visible' || comment.status === 'pending') ? (
            <li>
              <Link to={`/comments/${comment.id}/edit`}>{t('comment.edit')}</Link>
            </li>
          ) : null}
          {data.signedIn && !comment.mine && comment.status === 'visible' ? (
            <li>{comment.reported ? t('comment.reported') : <Link to={`/comments/${comment.id}/report`}>{t('comment.report')}</Link>}</li>
          ) : null}
        </ul>
        {canAct && comment.status === 'visible' && (permalinkFocus || !comment.continues) ? (
          permalinkFocus || replying ? (
            <div id={permalinkFocus ? 'reply' : undefined}>
              <CommentForm data={data} parentId={comment.id} onDone={permalinkFocus ? undefined : closeReply} autoFocus={replying} />
            </div>
          ) : (
            // Without JavaScript the link leads to the comment's own page, which has the reply form.
            <p className="guth-comment__reply">
              <a href={`/comments/${comment.id}#reply`} onClick={openReply}>
                {t('comment.reply')}
              </a>
            </p>
          )
        ) : null}
      </article>
      {comment.children ? (
        <ol className="guth-comments__replies">
          {comment.children.map((child) => (
            <CommentThread key={child.id} comment={child} data={data} />
          ))}
        </ol>
      ) : null}
      {comment.moreReplies ? (
        <p className="guth-comment__more">
          <a href={`/comments/${comment.id}#replies`}>{t('comment.moreReplies', { count: comment.moreReplies })}</a>
        </p>
      ) : null}
      {comment.continues || comment.threadContinues ? (
        <p className="guth-comment__more">
          <a href={`/comments/${comment.id}#replies`}>{t('comment.continue')}</a>
        </p>
      ) : null}
    </li>
  )
}
