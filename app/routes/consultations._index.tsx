import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Suspense } from 'react'
import { useTranslation } from '~/platform/i18n/react'
import { ConsultationCard, inLanguage } from '~/components/ConsultationCard'
import { deferred } from '~/components/deferred'
import { Page } from '~/components/ds/Page'
import { Pagination } from '~/components/ds/Pagination'
import { LinkTabs } from '~/components/ds/Tabs'
import { Button } from '~/components/ds/forms'
import { pageFrom } from '~/modules/accounts'
import { alertSignupAction, countPublicByTab, listPublicConsultations, type PublicTab } from '~/modules/consultations/index.server'
import { statusOf } from '~/modules/consultations'
import { formatLondon } from '~/kernel/london-time'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

const tabs: PublicTab[] = ['open', 'forthcoming', 'closed']
const isTab = (value: string | null): value is PublicTab => tabs.includes(value as PublicTab)
// The alert form and its validation load only when the page shows it (page weight).
const NewAlertSignup = deferred(() => import('~/components/AlertSignup').then((module) => module.NewAlertSignup))

export async function loader({ request }: LoaderFunctionArgs) {
  const { language, t, serviceName } = await translatorFor(request, 'consultations')
  const search = new URL(request.url).searchParams
  // An unknown tab is someone's old or mistyped link: show the open ones rather than fail.
  const requested = search.get('tab')
  const tab = isTab(requested) ? requested : 'open'
  const q = (search.get('q') ?? '').trim().slice(0, 200)
  const [found, counts] = await Promise.all([
    listPublicConsultations({ tab, q, page: pageFrom(search) }),
    q ? countMatching(q) : countPublicByTab(),
  ])
  const date = (instant: Date) => formatLondon(instant, language, { time: false })
  return {
    title: t('list.title'),
    serviceName,
    tab,
    q,
    counts,
    total: found.total,
    page: found.page,
    pageCount: found.pageCount,
    consultations: found.consultations.map((row) => ({
      slug: row.slug,
      title: inLanguage(row.title, language),
      summary: inLanguage(row.summary, language),
      status: statusOf(row),
      opens: date(row.opensAt),
      closes: date(row.closesAt),
      team: row.team,
    })),
  }
}

// The only form posted here: "email me about new consultations" on the topics ticked.
export async function action({ request, context }: ActionFunctionArgs) {
  return alertSignupAction(request, context.clientIp, { kind: 'new' })
}

// While searching, each tab counts the consultations that match, so the numbers agree with the results.
async function countMatching(q: string) {
  const [open, forthcoming, closed] = await Promise.all(tabs.map((tab) => listPublicConsultations({ tab, q, pageSize: 1 })))
  return { open: open!.total, forthcoming: forthcoming!.total, closed: closed!.total }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  ...pageMeta(data),
  { tagName: 'link', rel: 'alternate', type: 'application/rss+xml', title: 'Guth consultations (RSS)', href: '/feeds/consultations.rss' },
  { tagName: 'link', rel: 'alternate', type: 'application/atom+xml', title: 'Guth consultations (Atom)', href: '/feeds/consultations.atom' },
]

const tabHref = (tab: PublicTab, q: string) => `/consultations?${new URLSearchParams(q ? { tab, q } : { tab })}`

export const handle = { i18n: ['admin', 'auth', 'consultations', 'events'] }

export default function Consultations() {
  const { tab, q, counts, total, page, pageCount, consultations } = useLoaderData<typeof loader>()
  const { t } = useTranslation('consultations')
  return (
    <Page title={t('list.title')} lead={t('list.lead')}>
      <Form method="get" action="/consultations" role="search" className="guth-consultation-search" aria-labelledby="consultation-search">
        <h2 id="consultation-search" className="visually-hidden">
          {t('list.search.heading')}
        </h2>
        <input type="hidden" name="tab" value={tab} />
        <div className="ds_question">
          <label className="ds_label" htmlFor="consultation-q">
            {t('list.search.label')}
          </label>
          <div className="guth-consultation-search__row">
            <input
              id="consultation-q"
              name="q"
              type="search"
              className="ds_input ds_input--fluid-two-thirds"
              defaultValue={q}
              key={q}
              maxLength={200}
              spellCheck={false}
            />
            <Button type="submit">{t('list.search.submit')}</Button>
          </div>
        </div>
        {q ? (
          <p>
            <Link to={tabHref(tab, '')}>{t('list.search.clear')}</Link>
          </p>
        ) : null}
      </Form>

      <LinkTabs
        id="consultation-tabs"
        title={t('list.tabsTitle')}
        tabs={tabs.map((name) => ({ key: name, href: tabHref(name, q), label: t(`list.tabs.${name}`, { total: counts[name] }), current: name === tab }))}
      >
        <section className="ds_tabs__content" aria-labelledby="consultation-results">
          <h2 id="consultation-results" className="visually-hidden">
            {t(`list.caption.${tab}`)}
          </h2>
          {q && total > 0 ? (
            <p className="guth-consultation-search__count" role="status">
              {t('list.matching', { q, total })}
            </p>
          ) : null}
          {consultations.length === 0 ? (
            <p role={q ? 'status' : undefined}>{q ? t('list.emptySearch', { q }) : t(`list.empty.${tab}`)}</p>
          ) : (
            <ol className="ds_search-results__list guth-consultation-list">
              {consultations.map((consultation) => (
                <ConsultationCard key={consultation.slug} consultation={consultation} headingLevel={3} />
              ))}
            </ol>
          )}
          <Pagination path="/consultations" page={page} pageCount={pageCount} query={{ tab, q }} />
        </section>
      </LinkTabs>
      <section aria-labelledby="consultation-feeds">
        <h2 id="consultation-feeds" className="ds_h3">
          {t('list.feeds.heading')}
        </h2>
        <ul>
          <li>
            <a href="/feeds/consultations.rss">{t('list.feeds.rss')}</a>
          </li>
          <li>
            <a href="/feeds/consultations.atom">{t('list.feeds.atom')}</a>
          </li>
        </ul>
      </section>
      <Suspense>
        <NewAlertSignup />
      </Suspense>
    </Page>
  )
}
