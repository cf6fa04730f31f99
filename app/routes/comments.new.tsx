import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useActionData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { CommentForm } from '~/components/CommentsForm'
import { ErrorSummary } from '~/components/ds/forms'
import { Page } from '~/components/ds/Page'
import { requireUser } from '~/modules/accounts/index.server'
import { submitComment } from '~/modules/comments/index.server'
import { assertCsrf } from '~/platform/csrf.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { routeMeta } from '~/platform/meta'
import { safeRedirectPath } from '~/platform/redirect'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'

// Comments are written on the page they discuss; this address receives them. Without JavaScript a
// refused comment comes back here, with the message and the text, to try again.

export async function loader({ request }: LoaderFunctionArgs) {
  const { t, serviceName } = await translatorFor(request, 'comments')
  return { title: t('new.title'), serviceName }
}

export const meta: MetaFunction<typeof loader> = (args) => routeMeta(args)

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  const user = await requireUser(request)
  const outcome = await submitComment(request, user, form)
  const js = form.get('js') === '1'
  if (!outcome.ok) {
    const target = {
      subject: { type: String(form.get('subjectType')), id: String(form.get('subjectId')), anchor: (form.get('anchor') as string) || null },
      parentId: (form.get('parentId') as string) || undefined,
      returnTo: safeRedirectPath(form.get('returnTo')),
    }
    return data({ ...outcome, target }, { status: outcome.httpStatus })
  }
  if (js) return data({ ok: true as const, id: outcome.id, status: outcome.status })
  return redirect(outcome.location, 303)
}

export const handle = { i18n: ['comments'] }

export default function NewComment() {
  const { t } = useTranslation('comments')
  const result = useActionData<typeof action>()
  if (!result || result.ok) {
    return (
      <Page title={t('new.title')}>
        <p>{t('new.lead')}</p>
        <p>
          <Link to="/consultations">{t('new.browse')}</Link>
        </p>
      </Page>
    )
  }
  return (
    <Page title={t('new.title')}>
      <ErrorSummary errors={[{ fieldId: `comment-body-${result.target.parentId ?? result.target.subject.anchor ?? 'new'}`, message: result.error }]} />
      <CommentForm data={result.target} parentId={result.target.parentId} error={result.error} defaultBody={result.values.body} />
      <p>
        <Link to={result.target.returnTo}>{t('new.back')}</Link>
      </p>
    </Page>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary part="comments" />
}
