import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { Page } from '~/components/ds/Page'
import { Button, ErrorSummary, NotificationBanner } from '~/components/ds/forms'
import { CsrfInput } from '~/components/FormSecurity'
import { OrganisationManagement } from '~/components/OrganisationMembers'
import { getOptionalUser, formatLondon, changeMembership, getOrganisationPage, membershipDoneKeys, membershipRefusalKey } from '~/modules/accounts/index.server'
import { MembershipActionSchema } from '~/modules/accounts'
import { assertCsrf } from '~/platform/csrf.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'
import type { Notice } from '~/platform/notice'

const notFound = () => new Response('Not found', { status: 404 })
const signInLink = (slug: string) => `/sign-in?redirectTo=${encodeURIComponent(`/organisations/${slug}`)}`

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getOptionalUser(request)
  const { serviceName, language } = await translatorFor(request, 'admin')
  const organisation = await getOrganisationPage(viewer, params.slug ?? '', language)
  if (!organisation) throw notFound()
  const done = membershipDoneKeys.find((key) => key === new URL(request.url).searchParams.get('done')) ?? null
  const format = <T extends { since: Date }>(row: T) => ({ ...row, since: formatLondon(row.since, language, 'date') })
  const { management } = organisation
  return {
    title: organisation.name,
    serviceName,
    signedIn: Boolean(viewer),
    organisation: {
      ...organisation,
      management: management ? { members: management.members.map(format), pending: management.pending.map(format) } : null,
    },
    done,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  const slug = params.slug ?? ''
  const user = await getOptionalUser(request)
  // Anonymous visitors go to sign in and come back to this page.
  if (!user) throw redirect(signInLink(slug))
  const parsed = MembershipActionSchema.safeParse(Object.fromEntries(form))
  if (!parsed.success) {
    return data({ notice: { key: 'admin:errors.invalidRequest' } satisfies Notice, about: 'membership' }, { status: 400 })
  }
  const outcome = await changeMembership(user, slug, parsed.data)
  if (!outcome.ok) {
    if (outcome.reason === 'organisation_not_found') throw notFound()
    const notice: Notice = { key: membershipRefusalKey(outcome.reason) }
    return data({ notice, about: parsed.data.intent === 'join' ? 'membership' : 'manage-members' }, { status: 400 })
  }
  return redirect(`/organisations/${slug}?done=${outcome.done}`, 303)
}

function Membership() {
  const { organisation, signedIn } = useLoaderData<typeof loader>()
  const { t } = useTranslation('admin')
  const own = organisation.viewerMembership
  if (!signedIn) {
    return (
      <p>
        <Link to={signInLink(organisation.slug)}>
          {t('organisation.signInToJoin')}
        </Link>
      </p>
    )
  }
  if (own?.status === 'pending') return <p>{t('organisation.requestWaiting')}</p>
  if (own?.status === 'approved') {
    return <p>{own.role === 'admin' ? t('organisation.youAreAdmin') : t('organisation.youAreMember')}</p>
  }
  return (
    <Form method="post">
      <CsrfInput />
      <input type="hidden" name="intent" value="join" />
      <p>{t('organisation.joinExplained')}</p>
      <Button type="submit">{t('organisation.askToJoin')}</Button>
    </Form>
  )
}

export const handle = { i18n: ['admin'] }

export default function OrganisationPage() {
  const { organisation, done } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('admin')
  return (
    <Page title={organisation.name} lead={organisation.description ?? undefined}>
      {done ? <NotificationBanner title={t(`done.${done}`)} /> : null}
      <ErrorSummary errors={actionData?.notice ? [{ fieldId: actionData.about, message: t(actionData.notice.key) }] : []} />
      {organisation.website ? (
        <p>
          {t('organisation.website')}{' '}
          <a href={organisation.website} rel="noopener noreferrer">
            {organisation.website.replace(/^https?:\/\//, '')}
          </a>
        </p>
      ) : null}

      <h2 id="membership" tabIndex={-1}>
        {t('organisation.membersHeading')}
      </h2>
      {organisation.memberNames.length ? (
        <ul>
          {organisation.memberNames.map((name, index) => (
            <li key={`${index}-${name}`}>{name}</li>
          ))}
        </ul>
      ) : organisation.unnamedMembers === 0 ? (
        <p>{t('organisation.noMembers')}</p>
      ) : null}
      {organisation.unnamedMembers ? <p>{t('organisation.unnamedMembers', { total: organisation.unnamedMembers })}</p> : null}
      <Membership />

      {organisation.management ? (
        <section aria-labelledby="manage">
          <h2 id="manage">{t('organisation.manageHeading')}</h2>
          <OrganisationManagement
            members={organisation.management.members}
            pending={organisation.management.pending}
            headingLevel={3}
          />
        </section>
      ) : null}
    </Page>
  )
}
