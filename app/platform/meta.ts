import type { MetaDescriptor } from '@remix-run/node'

/**
 * Every page title ends with the service name, as the design system recommends; a page that
 * search results should summarise gives its description too.
 */
export function pageMeta(data: { title?: string; serviceName?: string; description?: string } | undefined): MetaDescriptor[] {
  if (!data?.title) return [{ title: 'Guth' }]
  const title: MetaDescriptor = { title: `${data.title} – ${data.serviceName ?? 'Guth'}` }
  return data.description ? [title, { name: 'description', content: data.description }] : [title]
}
