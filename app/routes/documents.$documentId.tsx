import type { LoaderFunctionArgs } from '@remix-run/node'
import { getOptionalUser } from '~/modules/accounts/index.server'
import { openDocument } from '~/modules/consultations/index.server'

/** `filename=` for old clients (plain ASCII, no quotes) and `filename*=` with the real name. */
function contentDisposition(type: 'inline' | 'attachment', fileName: string) {
  const ascii = fileName.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\;%]/g, '_').trim() || 'document'
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}

// A consultation's attachment. PDFs open in the browser; other files are downloaded. Drafts'
// documents are for officials only, and never cached.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getOptionalUser(request)
  const opened = await openDocument(viewer, params.documentId ?? '')
  if (!opened) throw new Response('Not found', { status: 404 })
  const { document, file, isPublic } = opened
  return new Response(file.body, {
    headers: {
      'Content-Type': document.mime,
      'Content-Length': String(file.bytes),
      'Content-Disposition': contentDisposition(document.mime === 'application/pdf' ? 'inline' : 'attachment', document.fileName),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': isPublic ? 'public, max-age=300' : 'private, no-store',
    },
  })
}
