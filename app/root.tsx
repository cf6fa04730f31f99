import { data, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react'
import dsStyles from '@scottish-government/design-system/dist/css/design-system.min.css?url'
import { type ReactNode, useEffect } from 'react'
import { useChangeLanguage, useTranslation } from '~/platform/i18n/react'
import { PhaseBanner, SiteHeader, SkipLinks } from './components/ds/SiteHeader'
import { SiteFooter } from './components/ds/SiteFooter'
import { Page } from './components/ds/Page'
import { refusalKey } from './components/refusals'
import { getOptionalUser } from '~/modules/accounts/index.server'
import { csrfTokenFor } from './platform/csrf.server'
import { translatorFor } from './platform/i18n/translate.server'
import { errorPageMeta } from './platform/meta'
import { fallbackLanguage, isLanguage } from './platform/i18n/config'
import { type I18nHandle, PageStrings, usePageStrings } from './platform/i18n/page-strings'
import { useNonce, useRequestId } from './platform/nonce'
import appStyles from './styles/app.css?url'
import bodyStyles from './styles/body.css?url'
import consultationsStyles from './styles/consultations.css?url'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: dsStyles },
  { rel: 'stylesheet', href: appStyles },
  { rel: 'stylesheet', href: consultationsStyles },
  { rel: 'stylesheet', href: bodyStyles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { language, t, serviceName } = await translatorFor(request)
  const errorTitles = {
    notFound: t('errors.notFound.title'),
    generic: t('errors.generic.title'),
    server: t('errors.server.title'),
    forbidden: t('errors.forbidden.title'),
    formExpired: t('errors.formExpired.title'),
  }
  const headers = new Headers()
  const user = await getOptionalUser(request, headers)
  return data({
    language,
    serviceName,
    errorTitles,
    requestId: context.requestId,
    // Every page has a form (the language switcher), so every page gets a token. Only a signed-in
    // person's comes with a cookie: anonymous pages set none (docs/decisions/017).
    csrfToken: csrfTokenFor(request, headers, { signedIn: Boolean(user) }),
    user: user ? { displayName: user.displayName, email: user.email, roles: user.roles } : null,
  }, { headers })
}

// Only used when a page fails: the root error boundary is then the page, and names itself.
export const meta: MetaFunction<typeof loader> = ({ data, error }) => (error ? errorPageMeta(error, data) : [])

export const handle = { i18n: ['common'] } satisfies I18nHandle

const pageLanguage = (language: unknown) => (isLanguage(language) ? language : fallbackLanguage)

// Pages vary by language and by who is signed in; cookies the root loader sets must reach the browser.
export const headers: HeadersFunction = ({ loaderHeaders }) => {
  const headers = new Headers({ Vary: 'Cookie, Accept-Language' })
  for (const cookie of loaderHeaders.getSetCookie()) headers.append('Set-Cookie', cookie)
  return headers
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root')
  const { i18n } = useTranslation()
  // When an action is refused the root loader has not run; the page is still in the reader's language.
  const language = pageLanguage(data?.language ?? i18n.language)
  const nonce = useNonce()
  useChangeLanguage(language)
  return (
    <html lang={language} dir={i18n.dir(language)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <SkipLinks />
        <div className="ds_page">
          <header className="ds_page__top">
            <SiteHeader />
            <PhaseBanner />
          </header>
          <div className="ds_page__middle">
            <div className="ds_wrapper">
              <main id="main-content" tabIndex={-1}>
                {children}
              </main>
            </div>
          </div>
          <div className="ds_page__bottom">
            <SiteFooter />
          </div>
        </div>
        <PageStrings language={language} nonce={nonce} />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  const data = useRouteLoaderData<typeof loader>('root')
  const { i18n } = useTranslation()
  usePageStrings(pageLanguage(data?.language ?? i18n.language))
  // The design system's behaviour (mobile menus, tables, character counts) is an enhancement:
  // pages work without it, so it starts only in the browser, once React has hydrated the page.
  useEffect(() => {
    void import('@scottish-government/design-system/dist/scripts/design-system.js').then(({ default: DS }) => DS.initAll())
  }, [])
  return <Outlet />
}

export function ErrorBoundary() {
  const error = useRouteError()
  const data = useRouteLoaderData<typeof loader>('root')
  const sentId = useRequestId()
  const requestId = data?.requestId || sentId
  const { t } = useTranslation()
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <Page title={t('errors.notFound.title')}>
        <p>{t('errors.notFound.body')}</p>
        <p>
          <Link to="/">{t('errors.notFound.home')}</Link>
        </p>
      </Page>
    )
  }
  if (isRouteErrorResponse(error) && error.status === 403) {
    const expired = error.statusText === 'csrf'
    const key = expired ? 'errors.formExpired' : 'errors.forbidden'
    return (
      <Page title={t(`${key}.title`)}>
        <p>{t(`${key}.body`)}</p>
        <p>
          <Link to="/">{t('errors.notFound.home')}</Link>
        </p>
      </Page>
    )
  }
  const refusal = isRouteErrorResponse(error) ? refusalKey(error.status, error.data) : null
  if (refusal) {
    const fields = isRouteErrorResponse(error) && Array.isArray(error.data?.fields) ? error.data.fields.join(', ') : ''
    return (
      <Page title={t(`errors.${refusal}.title`)}>
        <p>{t(`errors.${refusal}.body`, { fields })}</p>
        <p>
          <Link to="/">{t('errors.notFound.home')}</Link>
        </p>
      </Page>
    )
  }
  if (isRouteErrorResponse(error) && error.status < 500) {
    return (
      <Page title={t('errors.generic.title')}>
        <p>{t('errors.generic.body', { status: error.status })}</p>
        <p>
          <Link to="/">{t('errors.notFound.home')}</Link>
        </p>
      </Page>
    )
  }
  return (
    <Page title={t('errors.server.title')}>
      <p>{t('errors.server.body')}</p>
      {requestId ? <p data-request-id={requestId}>{t('errors.server.reference', { reference: requestId })}</p> : null}
    </Page>
  )
}
