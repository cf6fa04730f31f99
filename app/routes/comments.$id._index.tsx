import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { CommentThread } from '~/components/CommentsThread'
import { NotificationBanner } from '~/components/ds/forms'
import { Page } from '~/components/ds/Page'
import { requireUser } from '~/modules/accounts/index.server'
import { loadPermalink, supportFromForm } from '~/modules/comments/index.server'
import { assertCsrf } from '~/platform/csrf.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { routeMeta } from '~/platform/meta'
import { safeRedirectPath } from '~/platform/redirect'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const page = await loadPermalink(request, params.id ?? '')
  const { t, serviceName } = await translatorFor(request, 'comments')
  const reported = new URL(request.url).searchParams.get('reported') === '1'
  return { ...page, reported, title: t('permalink.title', { name: page.thread.authorName ?? t('anonymousAuthor') }), serviceName }
}

export const meta: MetaFunction<typeof loader> = (args) => routeMeta(args)

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  const user = await requireUser(request)
  if (form.get('intent') !== 'support') throw new Response('Bad request', { status: 400 })
  const outcome = await supportFromForm(request, user, params.id ?? '')
  const back = `${safeRedirectPath(form.get('returnTo'), `/comments/${params.id}`)}#comment-${params.id}`
  // A refusal here (already supported, the discussion closed) leaves the page as it was.
  if (request.headers.get('accept')?.includes('text/html')) return redirect(back, 303)
  return data(outcome, { status: outcome.ok ? 200 : 409 })
}

export const handle = { i18n: ['comments'] }

export default function CommentPermalink() {
  const { thread, ancestors, threadHref, open, signedIn, blocked, returnTo, subject, reported } = useLoaderData<typeof loader>()
  const { t } = useTranslation('comments')
  const target = { subject, returnTo, open, signedIn, blocked }
  return (
    <Page title={t('permalink.heading')}>
      {reported ? <NotificationBanner title={t('permalink.reported')} /> : null}
      <p>
        <Link to={threadHref}>{t('permalink.back')}</Link>
      </p>
      {ancestors.length ? (
        <section aria-labelledby="context">
          <h2 id="context" className="ds_h3">
            {t('permalink.context')}
          </h2>
          <ol className="guth-comments__list guth-comments__context">
            {ancestors.map((comment) => (
              <CommentThread key={comment.id} comment={{ ...comment, moreReplies: 0, continues: false }} data={{ ...target, open: false }} />
            ))}
          </ol>
        </section>
      ) : null}
      <h2 id="replies" className="visually-hidden">
        {t('permalink.thread')}
      </h2>
      <ol className="guth-comments__list">
        <CommentThread comment={thread} data={target} permalinkFocus />
      </ol>
    </Page>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary part="comments" />
}
