import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { Page } from '~/components/ds/Page'
import { Pagination } from '~/components/ds/Pagination'
import { Button, TextInput } from '~/components/ds/forms'
import { requireRole, requireUser, formatLondon, searchPeople } from '~/modules/accounts/index.server'
import { pageFrom } from '~/modules/accounts'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = requireRole(await requireUser(request), 'admin')
  const { t, serviceName, language } = await translatorFor(request, 'admin')
  const url = new URL(request.url)
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 200)
  const result = await searchPeople(admin, { q, page: pageFrom(url.searchParams), language })
  return {
    title: t('people.title'),
    serviceName,
    q,
    ...result,
    people: result.people.map((person) => ({
      ...person,
      lastSignedInAt: person.lastSignedInAt ? formatLondon(person.lastSignedInAt, language) : null,
    })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export const handle = { i18n: ['admin'] }

export default function People() {
  const { q, people, total, page, pageCount } = useLoaderData<typeof loader>()
  const { t } = useTranslation('admin')
  return (
    <Page title={t('people.title')} lead={t('people.lead')}>
      <p>
        <Link to="/admin">{t('nav.backToAdmin')}</Link>
      </p>
      <Form method="get" role="search">
        <TextInput id="q" name="q" type="search" label={t('people.searchLabel')} hint={t('people.searchHint')} defaultValue={q} width="fluid-two-thirds" spellCheck={false} />
        <Button type="submit">{t('people.searchSubmit')}</Button>
      </Form>
      {people.length === 0 ? (
        <p>{q ? t('people.noMatches', { q }) : t('people.empty')}</p>
      ) : (
        <table className="ds_table">
          <caption className="ds_table__caption">
            {q ? t('people.captionSearch', { q, total }) : t('people.caption', { total })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('people.columns.name')}</th>
              <th scope="col">{t('people.columns.email')}</th>
              <th scope="col">{t('people.columns.roles')}</th>
              <th scope="col">{t('people.columns.organisations')}</th>
              <th scope="col">{t('people.columns.lastSignedIn')}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((person) => (
              <tr key={person.id}>
                <th scope="row">
                  <Link to={`/admin/people/${person.id}`}>{person.displayName ?? person.email}</Link>
                </th>
                <td>{person.email}</td>
                <td>{person.roles.length ? person.roles.map((role) => t(`roles.${role}`)).join(', ') : t('people.noRoles')}</td>
                <td>
                  {person.organisations.length
                    ? person.organisations
                        .map((o) => (o.status === 'pending' ? t('people.pendingOrganisation', { name: o.name }) : o.name))
                        .join(', ')
                    : t('people.noOrganisations')}
                </td>
                <td>{person.lastSignedInAt ?? t('people.never')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination path="/admin/people" page={page} pageCount={pageCount} query={{ q }} />
    </Page>
  )
}
