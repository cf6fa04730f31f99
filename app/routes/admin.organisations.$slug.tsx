import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { Page } from '~/components/ds/Page'
import { ErrorSummary, NotificationBanner } from '~/components/ds/forms'
import { OrganisationManagement } from '~/components/OrganisationMembers'
import { requireRole, requireUser, formatLondon, changeMembership, getOrganisationManagement, membershipDoneKeys, membershipRefusalKey } from '~/modules/accounts/index.server'
import { MembershipActionSchema } from '~/modules/accounts'
import { assertCsrf } from '~/platform/csrf.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'
import type { Notice } from '~/platform/notice'

const notFound = () => new Response('Not found', { status: 404 })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = requireRole(await requireUser(request), 'admin')
  const { t, serviceName, language } = await translatorFor(request, 'admin')
  const organisation = await getOrganisationManagement(admin, params.slug ?? '', language)
  if (!organisation) throw notFound()
  const done = membershipDoneKeys.find((key) => key === new URL(request.url).searchParams.get('done')) ?? null
  const format = <T extends { since: Date }>(row: T) => ({ ...row, since: formatLondon(row.since, language, 'date') })
  return {
    title: t('organisation.manageTitle', { name: organisation.name }),
    serviceName,
    organisation: { ...organisation, members: organisation.members.map(format), pending: organisation.pending.map(format) },
    done,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  const admin = requireRole(await requireUser(request), 'admin')
  const parsed = MembershipActionSchema.safeParse(Object.fromEntries(form))
  if (!parsed.success || parsed.data.intent === 'join') {
    return data({ notice: { key: 'admin:errors.invalidRequest' } satisfies Notice }, { status: 400 })
  }
  const slug = params.slug ?? ''
  const outcome = await changeMembership(admin, slug, parsed.data)
  if (!outcome.ok) {
    if (outcome.reason === 'organisation_not_found') throw notFound()
    return data({ notice: { key: membershipRefusalKey(outcome.reason) } satisfies Notice }, { status: 400 })
  }
  return redirect(`/admin/organisations/${slug}?done=${outcome.done}`, 303)
}

export const handle = { i18n: ['admin'] }

export default function ManageOrganisation() {
  const { organisation, done } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('admin')
  return (
    <Page title={t('organisation.manageTitle', { name: organisation.name })}>
      <p>
        <Link to="/admin/organisations">{t('nav.backToOrganisations')}</Link>
      </p>
      {done ? <NotificationBanner title={t(`done.${done}`)} /> : null}
      <ErrorSummary errors={actionData?.notice ? [{ fieldId: 'manage-members', message: t(actionData.notice.key) }] : []} />
      <p>
        <Link to={`/organisations/${organisation.slug}`}>{t('organisation.publicPage')}</Link>
      </p>
      <OrganisationManagement members={organisation.members} pending={organisation.pending} />
    </Page>
  )
}
