import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { Page } from '~/components/ds/Page'
import { translatorFor } from '~/platform/i18n/translate.server'
import { listOutbox } from '~/platform/mail.server'
import { pageMeta } from '~/platform/meta'
import { assertOutboxVisible } from '~/platform/outbox-access.server'

export async function loader({ request, context }: LoaderFunctionArgs) {
  assertOutboxVisible(context)
  const { t, serviceName } = await translatorFor(request)
  return { title: t('devMail.title'), serviceName, messages: await listOutbox() }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export default function Outbox() {
  const { messages } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  return (
    <Page title={t('devMail.title')} lead={t('devMail.lead')}>
      {messages.length === 0 ? (
        <p>{t('devMail.empty')}</p>
      ) : (
        <table className="ds_table">
          <thead>
            <tr>
              <th scope="col">{t('devMail.sent')}</th>
              <th scope="col">{t('devMail.to')}</th>
              <th scope="col">{t('devMail.subject')}</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((message) => (
              <tr key={message.id}>
                <td>{new Date(message.sentAt).toLocaleString(i18n.language, { timeZone: 'Europe/London' })}</td>
                <td>{message.to}</td>
                <td>
                  <Link to={`/dev/mail/${message.id}`}>{message.subject}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  )
}
