import type { MetaDescriptor } from '@remix-run/node'
import { isRouteErrorResponse } from '@remix-run/react'

/**
 * Every page title ends with the service name, as the design system recommends; a page that
 * search results should summarise gives its description too.
 */
export function pageMeta(data: { title?: string; serviceName?: string; description?: string } | undefined): MetaDescriptor[] {
  if (!data?.title) return [{ title: 'Guth' }]
  const title: MetaDescriptor = { title: `${data.title} – ${data.serviceName ?? 'Guth'}` }
  return data.description ? [title, { name: 'description', content: data.description }] : [title]
}

type ErrorTitles = Partial<Record<'notFound' | 'forbidden' | 'formExpired' | 'generic' | 'server', string>>
type RootData = { errorTitles?: ErrorTitles; serviceName?: string } | undefined

/** The title of a page an error boundary shows: the root loader's words for that kind of failure. */
export function errorPageMeta(error: unknown, root: RootData): MetaDescriptor[] {
  const titles = root?.errorTitles
  const status = isRouteErrorResponse(error) ? error.status : 500
  const title =
    status === 404
      ? titles?.notFound
      : status === 403
        ? isRouteErrorResponse(error) && error.statusText === 'csrf'
          ? titles?.formExpired
          : titles?.forbidden
        : status < 500
          ? titles?.generic
          : titles?.server
  return pageMeta({ title: title ?? 'Error', serviceName: root?.serviceName })
}

/** A route's meta: its page's title, or, when its error boundary shows, the failure's. */
export function routeMeta({ data, error, matches }: { data: unknown; error?: unknown; matches: { id: string; data: unknown }[] }): MetaDescriptor[] {
  if (error) return errorPageMeta(error, matches.find((match) => match.id === 'root')?.data as RootData)
  return pageMeta(data as Parameters<typeof pageMeta>[0])
}
