import { type AppLoadContext, createReadableStreamFromReadable, type EntryContext } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import './comment-subjects.server'
import { renderToPipeableStream } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { closingTagsLast } from './platform/document-stream.server'
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
  // Crawlers and no-JS clients get the whole document at once; browsers get it streamed.
  const readyEvent = isbot(request.headers.get('user-agent') ?? '') ? 'onAllReady' : 'onShellReady'

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
        [readyEvent]() {
          // Nothing may follow </html>, not even the data scripts Remix streams after the document.
          const body = closingTagsLast()
          headers.set('Content-Type', 'text/html; charset=utf-8')
          headers.set('Content-Language', language)
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers,
              status: shellFailed ? 500 : status,
            }),
          )
          pipe(body)
        },
        onShellError: reject,
        onError(error: unknown) {
          shellFailed = true
          if (!request.signal.aborted) noteFailure(loadContext, error)
        },
      },
    )
    setTimeout(abort, ABORT_DELAY + 1_000)
  })
}

export function handleError(error: unknown, { request, context }: { request: Request; context: AppLoadContext }) {
  if (!request.signal.aborted) noteFailure(context, error)
}

// The server's one log line for the request (server-app.server.ts) says why; the first error is the cause.
function noteFailure(context: AppLoadContext, error: unknown) {
  if (context.failure && context.failure.error === undefined) context.failure.error = error
}
