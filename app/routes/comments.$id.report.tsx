import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { CommentText } from '~/components/CommentsThread'
import { Button, ChoiceGroup, ErrorSummary, TextArea } from '~/components/ds/forms'
import { Page } from '~/components/ds/Page'
import { CsrfInput } from '~/components/FormSecurity'
import { requireUser } from '~/modules/accounts/index.server'
import { flagReasons } from '~/modules/comments'
import { commentFormAction, loadPermalink, reportFromForm } from '~/modules/comments/index.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { routeMeta } from '~/platform/meta'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request)
  const { thread } = await loadPermalink(request, params.id ?? '')
  if (thread.status !== 'visible' || thread.mine) throw new Response('Not found', { status: 404 })
  const { t, serviceName } = await translatorFor(request, 'comments')
  return { comment: { id: thread.id, body: thread.body ?? '', authorName: thread.authorName }, title: t('report.title'), serviceName }
}

export const meta: MetaFunction<typeof loader> = (args) => routeMeta(args)

export const action = ({ request, params }: ActionFunctionArgs) => commentFormAction(request, params.id ?? '', reportFromForm)

export const handle = { i18n: ['comments'] }

export default function ReportComment() {
  const { comment } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useTranslation('comments')
  return (
    <Page title={t('report.title')} lead={t('report.lead')}>
      <ErrorSummary errors={result?.error ? [{ fieldId: 'reason', message: result.error }] : []} />
      <div className="ds_inset-text">
        <div className="ds_inset-text__text">
          <p>
            <strong>{comment.authorName ?? t('anonymousAuthor')}</strong>
          </p>
          <CommentText body={comment.body} />
        </div>
      </div>
      <Form method="post" noValidate>
        <CsrfInput />
        <ChoiceGroup
          type="radio"
          name="reason"
          legend={t('report.reasonLegend')}
          error={result?.error}
          choices={flagReasons.map((reason) => ({ value: reason, label: t(`report.reasons.${reason}`) }))}
        />
        <TextArea id="report-details" name="details" label={t('report.detailsLabel')} hint={t('report.detailsHint')} rows={3} maxLength={1000} defaultValue={result?.values?.details} />
        <div className="ds_button-group">
          <Button type="submit">{t('report.submit')}</Button>
          <Link className="ds_button ds_button--cancel" to={`/comments/${comment.id}`}>
            {t('report.cancel')}
          </Link>
        </div>
      </Form>
    </Page>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary part="comments" />
}
