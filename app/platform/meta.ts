import type { MetaDescriptor } from '@remix-run/node'

/** Every page title ends with the service name, as the design system recommends. */
export function pageMeta(data: { title?: string; serviceName?: string } | undefined): MetaDescriptor[] {
  if (!data?.title) return [{ title: 'Guth' }]
  return [{ title: `${data.title} – ${data.serviceName ?? 'Guth'}` }]
}
