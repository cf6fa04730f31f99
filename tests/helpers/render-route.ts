import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from '@remix-run/node'
import { type ComponentType, createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { I18nextProvider } from '~/platform/i18n/react'
import { createStaticHandler, createStaticRouter, type StaticHandlerContext, StaticRouterProvider } from 'react-router-dom/server'
import { getI18n, getLanguage } from '~/platform/i18n/i18next.server'
import { NonceProvider } from '~/platform/nonce'

interface RouteModule {
  loader: (args: LoaderFunctionArgs) => unknown
  action?: (args: ActionFunctionArgs) => unknown
  default: ComponentType
}

function routing(route: RouteModule, path: string, context: AppLoadContext) {
  return createStaticHandler([
    {
      id: 'page',
      path,
      loader: ({ request, params }) => route.loader({ request, params, context }) as never,
      action: route.action ? ({ request, params }) => route.action!({ request, params, context }) as never : undefined,
      Component: route.default,
    },
  ])
}

async function toHtml(handler: ReturnType<typeof createStaticHandler>, routed: StaticHandlerContext, request: Request, context: AppLoadContext) {
  const i18n = await getI18n(await getLanguage(request))
  const router = createStaticRouter(handler.dataRoutes, routed)
  const page = createElement(I18nextProvider, { i18n }, createElement(StaticRouterProvider, { router, context: routed, hydrate: false }))
  return renderToString(createElement(NonceProvider, { value: context.cspNonce ?? '' }, page))
}

/**
 * A page as the person sees it: the route's own loader runs for `request` and its component is
 * rendered to HTML in the request's language (without the root layout around it).
 */
export async function renderRoute(route: RouteModule, path: string, request: Request, context = {} as AppLoadContext) {
  const handler = routing(route, path, context)
  const routed = await handler.query(request)
  if (routed instanceof Response) throw new Error(`The page answered ${routed.status} ${routed.headers.get('location') ?? ''}`)
  if (routed.errors) throw Object.values(routed.errors)[0]
  return toHtml(handler, routed, request, context)
}

/** A form posted to a page: its action runs, then the page it answers with (status and HTML) or its redirect. */
export async function submitToRoute(route: RouteModule, path: string, request: Request, context = {} as AppLoadContext) {
  const handler = routing(route, path, context)
  const routed = await handler.query(request)
  if (routed instanceof Response) return { status: routed.status, location: routed.headers.get('location'), html: '' }
  if (routed.errors) throw Object.values(routed.errors)[0]
  return { status: routed.statusCode, location: null, html: await toHtml(handler, routed, request, context) }
}
