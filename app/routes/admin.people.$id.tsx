import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { Page } from '~/components/ds/Page'
import { Button, ErrorSummary, NotificationBanner } from '~/components/ds/forms'
import { CsrfInput } from '~/components/FormSecurity'
import { requireRole, requireUser, formatLondon, getPerson, grantRole, revokeRole } from '~/modules/accounts/index.server'
import { RoleChangeSchema, roleNames, canRevokeRole, type PlatformRole } from '~/modules/accounts'
import { assertCsrf } from '~/platform/csrf.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'
import type { Notice } from '~/platform/notice'

const notFound = () => new Response('Not found', { status: 404 })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = requireRole(await requireUser(request), 'admin')
  const { serviceName, language } = await translatorFor(request, 'admin')
  const person = await getPerson(admin, params.id ?? '', language)
  if (!person) throw notFound()
  const search = new URL(request.url).searchParams
  const done = search.get('done')
  const doneRole = roleNames.find((role) => role === search.get('role'))
  return {
    title: person.displayName ?? person.email,
    serviceName,
    person: {
      ...person,
      createdAt: formatLondon(person.createdAt, language, 'date'),
      lastSignedInAt: person.lastSignedInAt ? formatLondon(person.lastSignedInAt, language) : null,
    },
    roles: roleNames.map((role) => ({
      role,
      held: person.roles.includes(role),
      canRevoke: canRevokeRole(admin, person.id, role),
    })),
    done: doneRole && (done === 'roleGranted' || done === 'roleRevoked') ? { what: done, role: doneRole } : null,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

const refusals = {
  role_already_granted: 'admin:errors.roleAlreadyGranted',
  role_not_granted: 'admin:errors.roleNotGranted',
  own_admin_role: 'admin:errors.ownAdminRole',
} as const

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  const admin = requireRole(await requireUser(request), 'admin')
  const parsed = RoleChangeSchema.safeParse(Object.fromEntries(form))
  if (!parsed.success) return data({ notice: { key: 'admin:errors.invalidRequest' } satisfies Notice }, { status: 400 })
  const { intent, role } = parsed.data
  const id = params.id ?? ''
  const outcome = intent === 'grant' ? await grantRole(admin, id, role) : await revokeRole(admin, id, role)
  if (!outcome.ok) {
    if (outcome.reason === 'person_not_found') throw notFound()
    return data({ notice: { key: refusals[outcome.reason] } satisfies Notice }, { status: 400 })
  }
  return redirect(`/admin/people/${id}?done=${intent === 'grant' ? 'roleGranted' : 'roleRevoked'}&role=${role}`, 303)
}

function RoleButton({ intent, role, label }: { intent: 'grant' | 'revoke'; role: PlatformRole; label: string }) {
  return (
    <Form method="post" className="ds_no-margin">
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="role" value={role} />
      <Button type="submit" className="ds_button ds_button--small ds_button--secondary">
        {label}
      </Button>
    </Form>
  )
}

export const handle = { i18n: ['admin'] }

export default function Person() {
  const { person, roles, done } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t, i18n } = useTranslation('admin')
  // Role names are capitalised on their own, not inside a sentence.
  const roleInSentence = (role: PlatformRole) => t(`roles.${role}`).toLocaleLowerCase(i18n.language)
  const name = person.displayName ?? person.email
  const details = [
    { key: t('person.email'), value: person.email },
    { key: t('person.displayName'), value: person.displayName ?? t('person.noDisplayName') },
    { key: t('person.language'), value: t(`person.languages.${person.locale}`) },
    { key: t('person.created'), value: person.createdAt },
    { key: t('person.lastSignedIn'), value: person.lastSignedInAt ?? t('people.never') },
  ]
  return (
    <Page title={name}>
      <p>
        <Link to="/admin/people">{t('nav.backToPeople')}</Link>
      </p>
      {done ? <NotificationBanner title={t(`done.${done.what}`, { role: roleInSentence(done.role), name })} /> : null}
      <ErrorSummary errors={actionData?.notice ? [{ fieldId: 'roles', message: t(actionData.notice.key) }] : []} />
      <dl className="ds_summary-list">
        {details.map((detail) => (
          <div key={detail.key} className="ds_summary-list__item">
            <dt className="ds_summary-list__key">{detail.key}</dt>
            <dd className="ds_summary-list__value">
              <span className="ds_summary-list__answer">{detail.value}</span>
            </dd>
          </div>
        ))}
      </dl>

      <h2 id="roles" tabIndex={-1}>
        {t('person.rolesHeading')}
      </h2>
      <table className="ds_table">
        <caption className="ds_table__caption">{t('person.rolesCaption', { name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('person.role')}</th>
            <th scope="col">{t('person.held')}</th>
            <th scope="col">{t('person.change')}</th>
          </tr>
        </thead>
        <tbody>
          {roles.map(({ role, held, canRevoke }) => (
            <tr key={role}>
              <th scope="row">
                {t(`roles.${role}`)}
                <p className="ds_hint-text ds_no-margin--bottom">{t(`roleHints.${role}`)}</p>
              </th>
              <td>{held ? t('person.yes') : t('person.no')}</td>
              <td>
                {!held ? (
                  <RoleButton intent="grant" role={role} label={t('person.grant', { role: roleInSentence(role) })} />
                ) : canRevoke ? (
                  <RoleButton intent="revoke" role={role} label={t('person.revoke', { role: roleInSentence(role) })} />
                ) : (
                  t('errors.ownAdminRole')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('person.organisationsHeading')}</h2>
      {person.organisations.length ? (
        <ul>
          {person.organisations.map((organisation) => (
            <li key={organisation.slug}>
              <Link to={`/admin/organisations/${organisation.slug}`}>{organisation.name}</Link> –{' '}
              {t(`members.roles.${organisation.role}`)}, {t(`members.statuses.${organisation.status}`)}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('people.noOrganisations')}</p>
      )}
    </Page>
  )
}
