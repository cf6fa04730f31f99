import { type ErrorResponse, isRouteErrorResponse, Link, type Params, useParams, useRouteError, useRouteLoaderData } from '@remix-run/react'
import type { ReactElement } from 'react'
import { useTranslation } from '~/platform/i18n/react'
import { useRequestId } from '~/platform/nonce'
import { Page } from './ds/Page'
import { refusalKey } from './refusals'

/** The parts of a page that can fail on their own, each with its own words (common:errors.part.*). */
export type FailingPart = 'analysis' | 'publishedAnalysis' | 'comments' | 'bsl'

/** Where "back" leads from a failed part, named for the page it goes to (common:errors.partBack.*). */
export type BackTo = { to: string; label: 'consultation' | 'analysis' | 'publishedAnalysis' | 'overview' | 'response' }

type StatusHandler = (info: { error: ErrorResponse; params: Params }) => ReactElement | null

/**
 * A route's error boundary (after the Epic Stack's): says which part failed and why, inside the
 * site's header and footer, with a way back to the page around it. Statuses without a handler
 * of their own get a generic message; thrown errors get the root's apology and its reference.
 */
export function GeneralErrorBoundary({
  part,
  back,
  statusHandlers,
  defaultStatusHandler,
  unexpectedErrorHandler,
}: {
  part: FailingPart
  /** Where "back" goes from here (the page this part belongs to); the home page if not given. */
  back?: (params: Params) => BackTo | undefined
  statusHandlers?: Record<number, StatusHandler>
  defaultStatusHandler?: StatusHandler
  unexpectedErrorHandler?: (error: unknown) => ReactElement | null
}) {
  const error = useRouteError()
  const params = useParams()
  const { t } = useTranslation('common')
  const root = useRouteLoaderData<{ requestId?: string }>('root')
  const sentId = useRequestId()
  const requestId = root?.requestId || sentId
  const to = back?.(params)
  const way = <p>{to ? <Link to={to.to}>{t(`errors.partBack.${to.label}`)}</Link> : <Link to="/">{t('errors.notFound.home')}</Link>}</p>
  const handlers: Record<number, StatusHandler> = {
    404: () => (
      <Page title={t(`errors.part.${part}.notFound`)}>
        <p>{t('errors.partNotFoundBody')}</p>
        {way}
      </Page>
    ),
    403: ({ error }) => {
      // A stale form token is not a missing role: say so, as the root boundary does.
      const expired = error.statusText === 'csrf'
      return (
        <Page title={expired ? t('errors.formExpired.title') : t(`errors.part.${part}.forbidden`)}>
          <p>{expired ? t('errors.formExpired.body') : t('errors.forbidden.body')}</p>
          {way}
        </Page>
      )
    },
    ...statusHandlers,
  }
  const generic: StatusHandler =
    defaultStatusHandler ??
    (({ error }) => (
      <Page title={t(`errors.part.${part}.failed`)}>
        <p>{t('errors.generic.body', { status: error.status })}</p>
        {way}
      </Page>
    ))
  if (isRouteErrorResponse(error)) {
    const refusal = refusalKey(error.status, error.data)
    if (refusal && !statusHandlers?.[error.status]) {
      const fields = Array.isArray(error.data?.fields) ? error.data.fields.join(', ') : ''
      return (
        <Page title={t(`errors.${refusal}.title`)}>
          <p>{t(`errors.${refusal}.body`, { fields })}</p>
          {way}
        </Page>
      )
    }
    return (handlers[error.status] ?? generic)({ error, params })
  }
  if (unexpectedErrorHandler) return unexpectedErrorHandler(error)
  return (
    <Page title={t(`errors.part.${part}.failed`)}>
      <p>{t('errors.partFailedBody')}</p>
      {requestId ? <p data-request-id={requestId}>{t('errors.server.reference', { reference: requestId })}</p> : null}
      {way}
    </Page>
  )
}
