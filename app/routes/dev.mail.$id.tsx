import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { simpleParser } from 'mailparser'
import { useTranslation } from '~/platform/i18n/react'
import { Page } from '~/components/ds/Page'
import { translatorFor } from '~/platform/i18n/translate.server'
import { readOutboxMessage } from '~/platform/mail.server'
import { pageMeta } from '~/platform/meta'
import { assertOutboxVisible } from '~/platform/outbox-access.server'

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  assertOutboxVisible(context)
  const raw = await readOutboxMessage(params.id!)
  if (!raw) throw new Response('Not found', { status: 404 })
  const mail = await simpleParser(raw)
  const { serviceName } = await translatorFor(request)
  return {
    title: mail.subject ?? '',
    serviceName,
    to: mail.to ? [mail.to].flat().map((a) => a.text).join(', ') : '',
    sentAt: mail.date?.toISOString() ?? '',
    text: mail.text ?? '',
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

/** Plain text with its web addresses made clickable (sign-in links are the point of this page). */
function LinkedText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>()]+)/g)
  return (
    <pre className="guth-mail-text">
      {parts.map((part, i) => (i % 2 === 1 ? <a key={i} href={part}>{part}</a> : part))}
    </pre>
  )
}

export default function OutboxMessage() {
  const message = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <Page title={message.title}>
      <dl>
        <dt>{t('devMail.to')}</dt>
        <dd>{message.to}</dd>
        <dt>{t('devMail.sent')}</dt>
        <dd>{message.sentAt}</dd>
      </dl>
      <h2>{t('devMail.text')}</h2>
      <LinkedText text={message.text} />
      <p>
        <Link to="/dev/mail">{t('devMail.back')}</Link>
      </p>
    </Page>
  )
}
