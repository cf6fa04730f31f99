import { Link } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { CommentForm } from '~/components/CommentsForm'
import { CommentThread } from '~/components/CommentsThread'
import { Pagination } from '~/components/ds/Pagination'
import { CsrfInput } from '~/components/FormSecurity'
import type { CommentsData } from '~/modules/comments/index.server'
import { sortOrders } from '~/modules/comments'

/**
 * The comments on one subject: sort links, the new-comment form (or why there is none), a page of
 * threads and pagination. Give it what loadComments (in ~/modules/comments) returned.
 */
export function CommentsSection({ data, heading }: { data: CommentsData; heading?: string }) {
  const { t } = useTranslation('comments')
  const sortHref = (sort: string) => {
    const params = new URLSearchParams()
    if (sort !== 'oldest') params.set('sort', sort)
    return `${data.path}${params.size ? `?${params}` : ''}#comments`
  }
  return (
    <section className="guth-comments" aria-labelledby="comments" id="comments-section">
      <h2 id="comments">{heading ?? t('section.heading')}</h2>
      <p className="ds_hint-text">{t('section.count', { count: data.total })}</p>
      <Composer data={data} />
      {data.total > 1 ? (
        <nav aria-label={t('sort.label')} className="guth-comments__sort">
          <span>{t('sort.label')}: </span>
          <ul className="guth-inline-list">
            {sortOrders.map((sort) => (
              <li key={sort}>
                {sort === data.sort ? (
                  <strong aria-current="true">{t(`sort.${sort}`)}</strong>
                ) : (
                  <Link to={sortHref(sort)} preventScrollReset>
                    {t(`sort.${sort}`)}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {data.threads.length ? (
        <ol className="guth-comments__list">
          {data.threads.map((comment) => (
            <CommentThread key={comment.id} comment={comment} data={data} />
          ))}
        </ol>
      ) : (
        <p>{t('section.empty')}</p>
      )}
      <Pagination path={data.path} page={data.page} pageCount={data.pageCount} query={{ sort: data.sort === 'oldest' ? '' : data.sort }} />
    </section>
  )
}

function Composer({ data }: { data: CommentsData }) {
  const { t } = useTranslation('comments')
  if (!data.open) return <p className="guth-comments__closed">{t('section.closed')}</p>
  if (!data.signedIn) {
    return (
      <p>
        <Link to={`/sign-in?redirectTo=${encodeURIComponent(`${data.returnTo}#comments`)}`}>{t('section.signIn')}</Link>
      </p>
    )
  }
  if (data.blocked) return <p>{t('errors.blocked')}</p>
  return (
    <>
      {data.premoderated ? <p className="ds_hint-text">{t('section.premoderated')}</p> : null}
      <CommentForm data={data} />
      {data.canModerate ? <PremoderationSwitch data={data} /> : null}
    </>
  )
}

function PremoderationSwitch({ data }: { data: CommentsData }) {
  const { t } = useTranslation('comments')
  return (
    <form method="post" action="/moderate/comments" className="guth-comments__moderation">
      <CsrfInput />
      <input type="hidden" name="intent" value="premoderation" />
      <input type="hidden" name="subjectType" value={data.subject.type} />
      <input type="hidden" name="subjectId" value={data.subject.id} />
      <input type="hidden" name="on" value={data.premoderated ? 'false' : 'true'} />
      <input type="hidden" name="returnTo" value={data.returnTo} />
      <button type="submit" className="ds_button ds_button--secondary ds_button--small">
        {t(data.premoderated ? 'moderation.premoderationOff' : 'moderation.premoderationOn')}
      </button>{' '}
      <Link to="/moderate/comments">{t('queue.title')}</Link>
    </form>
  )
}
