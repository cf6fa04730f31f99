import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { Page } from '~/components/ds/Page'
import { requireUser } from '~/modules/accounts/index.server'
import { manageOverview } from '~/modules/events/index.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { language, t, serviceName } = await translatorFor(request, 'events')
  return { title: t('manage.title'), serviceName, ...(await manageOverview(user, language)) }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

type Row = { id: string; title: string; status: string; when: string }

function EventTable({ caption, rows }: { caption: string; rows: Row[] }) {
  const { t } = useTranslation('events')
  return (
    <table>
      <caption className="ds_h3">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('manage.columns.title')}</th>
          <th scope="col">{t('manage.columns.when')}</th>
          <th scope="col">{t('manage.columns.status')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td>
              <Link to={`/manage/events/${row.id}`}>{row.title}</Link>
            </td>
            <td>{row.when}</td>
            <td>{t(`status.${row.status}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export const handle = { i18n: ['events'] }

export default function ManageEvents() {
  const { isModerator, queue, events } = useLoaderData<typeof loader>()
  const { t } = useTranslation('events')
  return (
    <Page title={t('manage.title')}>
      <p>
        <Link className="ds_button" to="/manage/events/new">
          {t('manage.new')}
        </Link>
      </p>
      {isModerator ? (
        <p>
          <Link to="/manage/programmes">{t('manageProgrammes.link')}</Link>
        </p>
      ) : null}
      {isModerator ? queue.length ? <EventTable caption={t('manage.queue')} rows={queue} /> : <p>{t('manage.queueEmpty')}</p> : null}
      {events.length ? <EventTable caption={t('manage.events')} rows={events} /> : <p>{t('manage.empty')}</p>}
    </Page>
  )
}
