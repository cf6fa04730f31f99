import type { AppLoadContext, EntryContext } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import './comment-subjects.server'
import { renderToPipeableStream } from 'react-dom/server'
import { I18nextProvider } from '~/platform/i18n/react'
import { chooseEncoding, compress } from './platform/compression.server'
import { wholeDocument } from './platform/document-stream.server'
import { getI18n, getLanguage } from './platform/i18n/i18next.server'
import { NonceProvider, RequestIdProvider } from './platform/nonce'

const ABORT_DELAY = 5_000
export const streamTimeout = ABORT_DELAY

export default async function handleRequest(
  request: Request,
  status: number,
  headers: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const language = await getLanguage(request)
  const i18n = await getI18n(language)
  const nonce = loadContext.cspNonce ?? ''

  return new Promise<Response>((resolve, reject) => {
    let shellFailed = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RequestIdProvider value={loadContext.requestId ?? ''}>
          <I18nextProvider i18n={i18n}>
            <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
          </I18nextProvider>
        </RequestIdProvider>
      </NonceProvider>,
      {
        nonce,
        // Every reader gets the whole document at once (nothing on our pages waits for slow data).
        onAllReady() {
          pipe(
            wholeDocument((html) => {
              clearTimeout(deadline)
              headers.set('Content-Type', 'text/html; charset=utf-8')
              headers.set('Content-Language', language)
              resolve(new Response(encoded(request, html, headers), { headers, status: shellFailed ? 500 : status }))
            }),
          )
        },
        onShellError: reject,
        onError(error: unknown) {
          shellFailed = true
          if (!request.signal.aborted) noteFailure(loadContext, error)
        },
      },
    )
    const deadline = setTimeout(abort, ABORT_DELAY + 1_000)
  })
}

// The page compressed here in one call, when the reader accepts it and no proxy compresses for us.
function encoded(request: Request, html: Buffer, headers: Headers) {
  headers.append('Vary', 'Accept-Encoding')
  const encoding = chooseEncoding(request.headers.get('accept-encoding'))
  const body = encoding ? compress(html, encoding) : html
  if (encoding) headers.set('Content-Encoding', encoding)
  headers.set('Content-Length', String(body.length))
  // zlib's buffers are plain ArrayBuffers, which is what a Response body takes.
  return body as Uint8Array<ArrayBuffer>
}

export function handleError(error: unknown, { request, context }: { request: Request; context: AppLoadContext }) {
  if (!request.signal.aborted) noteFailure(context, error)
}

// The server's one log line for the request (server-app.server.ts) says why; the first error is the cause.
function noteFailure(context: AppLoadContext, error: unknown) {
  if (context.failure && context.failure.error === undefined) context.failure.error = error
}
