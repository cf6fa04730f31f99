import type { AppLoadContext, LoaderFunctionArgs } from '@remix-run/node'
import { type ComponentType, createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom/server'
import { getI18n, getLanguage } from '~/platform/i18n/i18next.server'

interface RouteModule {
  loader: (args: LoaderFunctionArgs) => unknown
  default: ComponentType
}

/**
 * A page as the person sees it: the route's own loader runs for `request` and its component is
 * rendered to HTML in the request's language (without the root layout around it).
 */
export async function renderRoute(route: RouteModule, path: string, request: Request, context = {} as AppLoadContext) {
  const handler = createStaticHandler([
    {
      id: 'page',
      path,
      loader: ({ request, params }) => route.loader({ request, params, context }) as never,
      Component: route.default,
    },
  ])
  const routing = await handler.query(request)
  if (routing instanceof Response) throw new Error(`The page answered ${routing.status} ${routing.headers.get('location') ?? ''}`)
  if (routing.errors) throw Object.values(routing.errors)[0]
  const i18n = await getI18n(await getLanguage(request))
  const router = createStaticRouter(handler.dataRoutes, routing)
  return renderToString(createElement(I18nextProvider, { i18n }, createElement(StaticRouterProvider, { router, context: routing, hydrate: false })))
}
