import type { LoaderFunctionArgs } from '@remix-run/node'

// The site's error page for one status. Files, feeds and exports have no page of their own, so
// when one is refused (not found, not allowed, a bad address) the request gate answers with this
// page instead, in the reader's language (app/platform/request-gate.server.ts).
export function loader({ params, request }: LoaderFunctionArgs) {
  const asked = Number(params.status)
  const status = Number.isInteger(asked) && asked >= 400 && asked < 500 ? asked : 404
  const reason = new URL(request.url).searchParams.get('reason')?.slice(0, 40) ?? ''
  throw new Response(JSON.stringify({ reason, fields: [] }), {
    status,
    statusText: reason,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  })
}

export default function ErrorStatus() {
  return null
}
