import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { Button, ErrorSummary, TextArea } from '~/components/ds/forms'
import { Page } from '~/components/ds/Page'
import { CsrfInput } from '~/components/FormSecurity'
import { requireUser } from '~/modules/accounts/index.server'
import { changeOwnComment, commentFormAction, loadOwnComment } from '~/modules/comments/index.server'
import { MAX_COMMENT_LENGTH } from '~/modules/comments'
import { translatorFor } from '~/platform/i18n/translate.server'
import { routeMeta } from '~/platform/meta'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const comment = await loadOwnComment(request, user, params.id ?? '')
  const { t, serviceName } = await translatorFor(request, 'comments')
  return { comment, title: t('edit.title'), serviceName }
}

export const meta: MetaFunction<typeof loader> = (args) => routeMeta(args)

export const action = ({ request, params }: ActionFunctionArgs) => commentFormAction(request, params.id ?? '', changeOwnComment)

export const handle = { i18n: ['comments'] }

export default function EditComment() {
  const { comment } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useTranslation('comments')
  return (
    <Page title={t('edit.title')}>
      <ErrorSummary errors={result?.error ? [{ fieldId: 'comment-edit', message: result.error }] : []} />
      <Form method="post" noValidate>
        <CsrfInput />
        <TextArea
          id="comment-edit"
          name="body"
          label={t('edit.label')}
          hint={t('edit.hint')}
          error={result?.error}
          rows={8}
          maxLength={MAX_COMMENT_LENGTH}
          defaultValue={result?.values?.body ?? comment.body}
        />
        <div className="ds_button-group">
          <Button type="submit" name="intent" value="save">
            {t('edit.save')}
          </Button>
          <Link className="ds_button ds_button--cancel" to={`/comments/${comment.id}`}>
            {t('edit.cancel')}
          </Link>
        </div>
      </Form>
      <h2>{t('edit.deleteHeading')}</h2>
      <p>{t('edit.deleteLead')}</p>
      <Form method="post">
        <CsrfInput />
        <Button type="submit" name="intent" value="delete" variant="secondary">
          {t('edit.delete')}
        </Button>
      </Form>
    </Page>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary part="comments" />
}
