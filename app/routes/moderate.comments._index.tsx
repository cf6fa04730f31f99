import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { Page } from '~/components/ds/Page'
import { requireUser } from '~/modules/accounts/index.server'
import { listModerationQueue, premoderationFromForm } from '~/modules/comments/index.server'
import { assertCsrf } from '~/platform/csrf.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { routeMeta } from '~/platform/meta'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const queue = await listModerationQueue(user)
  const { t, serviceName } = await translatorFor(request, 'comments')
  return { queue: queue.map((item) => ({ ...item, createdAt: item.createdAt.toISOString() })), title: t('queue.title'), serviceName }
}

export const meta: MetaFunction<typeof loader> = (args) => routeMeta(args)

// The pre-moderation switch in every comments section posts here.
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  const user = await requireUser(request)
  return redirect(await premoderationFromForm(user, form), 303)
}

export const handle = { i18n: ['comments'] }

export default function ModerationQueue() {
  const { queue } = useLoaderData<typeof loader>()
  const { t } = useTranslation('comments')
  return (
    <Page title={t('queue.title')} lead={t('queue.lead')}>
      {queue.length ? (
        <table className="ds_table">
          <caption className="visually-hidden">{t('queue.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('queue.comment')}</th>
              <th scope="col">{t('queue.status')}</th>
              <th scope="col">{t('queue.reports')}</th>
            </tr>
          </thead>
          <tbody>
            {queue.map((item) => (
              <tr key={item.id}>
                <td>
                  <Link to={`/moderate/comments/${item.id}`}>{item.authorName ?? t('anonymousAuthor')}</Link>
                  <p className="guth-preserve-lines">{item.body.length > 160 ? `${item.body.slice(0, 160)}…` : item.body}</p>
                </td>
                <td>{t(`status.${item.status}`)}</td>
                <td>
                  {item.openFlagCount}
                  {item.reasons.length ? ` (${item.reasons.map((reason) => t(`report.reasons.${reason}`)).join(', ')})` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('queue.empty')}</p>
      )}
    </Page>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary part="comments" />
}
