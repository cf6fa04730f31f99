import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { CommentText } from '~/components/CommentsThread'
import { Button, ChoiceGroup, ErrorSummary, TextArea } from '~/components/ds/forms'
import { Page } from '~/components/ds/Page'
import { MetadataItem } from '~/components/ds/Metadata'
import { CsrfInput } from '~/components/FormSecurity'
import { requireUser } from '~/modules/accounts/index.server'
import { getModerationView, moderateFromForm } from '~/modules/comments/index.server'
import { assertCsrf } from '~/platform/csrf.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { routeMeta } from '~/platform/meta'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const view = /^[0-9a-f-]{36}$/i.test(params.id ?? '') ? await getModerationView(user, params.id!) : null
  if (!view) throw new Response('Not found', { status: 404 })
  const { t, serviceName } = await translatorFor(request, 'comments')
  return { view, title: t('moderate.title'), serviceName }
}

export const meta: MetaFunction<typeof loader> = (args) => routeMeta(args)

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  const user = await requireUser(request)
  const outcome = await moderateFromForm(user, params.id ?? '', form)
  if (!outcome.ok) {
    const error = outcome.reason === 'invalid' ? (Object.values(outcome.fieldErrors).flat()[0] ?? 'comments:errors.invalid') : `comments:errors.${outcome.reason}`
    return data({ error, intent: String(form.get('intent') ?? 'decide') }, { status: outcome.reason === 'not_found' ? 404 : 400 })
  }
  return redirect(`/moderate/comments/${params.id}?done=1`, 303)
}

export const handle = { i18n: ['comments'] }

export default function ModerateComment() {
  const { view } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useTranslation('comments')
  const { comment } = view
  const decisions = comment.status === 'pending' ? ['approve', 'hide'] : comment.status === 'hidden' ? ['restore', 'dismiss'] : ['hide', 'dismiss']
  const decideError = result?.intent === 'decide' ? result.error : undefined
  const blockError = result?.intent === 'block' ? result.error : undefined
  return (
    <Page title={t('moderate.title')}>
      <ErrorSummary errors={result?.error ? [{ fieldId: result.intent === 'block' ? 'block-reason' : 'decision', message: result.error }] : []} />
      <p>
        <Link to="/moderate/comments">{t('moderate.back')}</Link> · <Link to={`/comments/${comment.id}`}>{t('moderate.inContext')}</Link>
      </p>
      <dl className="ds_metadata">
        <MetadataItem label={t('moderate.author')}>{view.authorName ?? t('anonymousAuthor')} ({view.authorEmail})</MetadataItem>
        <MetadataItem label={t('queue.status')}>{t(`status.${comment.status}`)}</MetadataItem>
      </dl>
      <CommentText body={comment.body} />
      {view.revisions.length ? (
        <>
          <h2>{t('moderate.revisions')}</h2>
          {view.revisions.map((revision) => (
            <div key={revision.id} className="ds_inset-text">
              <div className="ds_inset-text__text">
                <CommentText body={revision.body} />
              </div>
            </div>
          ))}
        </>
      ) : null}
      <h2>{t('moderate.reports')}</h2>
      {view.flags.length ? (
        <ul>
          {view.flags.map((flag) => (
            <li key={flag.id}>
              {t(`report.reasons.${flag.reason}`)}
              {flag.details ? `: ${flag.details}` : ''}
              {flag.resolvedAt ? ` (${t('moderate.resolved')})` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('moderate.noReports')}</p>
      )}
      <h2>{t('moderate.decide')}</h2>
      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="intent" value="decide" />
        <ChoiceGroup type="radio" name="decision" legend={t('moderate.decisionLegend')} error={decideError} choices={decisions.map((decision) => ({ value: decision, label: t(`moderate.decisions.${decision}`) }))} />
        <TextArea id="reason" name="reason" label={t('moderate.reasonLabel')} hint={t('moderate.reasonHint')} rows={3} maxLength={500} />
        <Button type="submit">{t('moderate.submit')}</Button>
      </Form>
      {view.actions.length ? (
        <>
          <h2>{t('moderate.history')}</h2>
          <ul>
            {view.actions.map((action) => (
              <li key={action.id}>
                {t(`moderate.actions.${action.action}`)}
                {action.reason ? `: ${action.reason}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t('moderate.blockHeading')}</h2>
      <Form method="post" noValidate>
        <CsrfInput />
        {view.blocked ? (
          <>
            <p>{t('moderate.isBlocked')}</p>
            <Button type="submit" name="intent" value="unblock" variant="secondary">
              {t('moderate.unblock')}
            </Button>
          </>
        ) : (
          <>
            <TextArea id="block-reason" name="reason" label={t('moderate.blockReasonLabel')} error={blockError} rows={2} maxLength={500} />
            <Button type="submit" name="intent" value="block" variant="secondary">
              {t('moderate.block')}
            </Button>
          </>
        )}
      </Form>
    </Page>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary part="comments" />
}
