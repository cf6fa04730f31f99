import { type ActionFunction, type AppLoadContext, createRequestHandler, type LoaderFunction, type ServerBuild } from '@remix-run/node'
import { getEnv } from './env.server'

/** What a route's action takes; routes declare it as `export const handle = { body: { … } }`. */
export interface BodyRule {
  /** The route takes files (multipart/form-data), `only` them or urlencoded forms too. Others take urlencoded forms only. */
  multipart?: boolean | 'only'
  /** The largest body the route reads, in bytes; `video` is the configured upload limit (UPLOAD_MAX_BYTES). */
  maxBytes?: number | 'video'
}

// Generous for a long answer or a report, far below what could hurt the server.
export const DEFAULT_MAX_BODY_BYTES = 512 * 1024
// Any query value longer than this is not something a page of ours ever links to.
const MAX_QUERY_VALUE = 2_000
// Tab, line feed and carriage return are text; the other C0 controls and DEL are not.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/

export function hasControlCharacters(value: string) {
  return CONTROL_CHARACTERS.test(value)
}

/** A refusal the root error boundary shows as a page in the reader's language. */
export function refuse(status: 400 | 413 | 415, reason: string, fields: string[] = []) {
  // A body we did not read to the end must not be taken for the next request on the connection.
  const close: Record<string, string> = status === 400 ? {} : { Connection: 'close' }
  return new Response(JSON.stringify({ reason, fields }), {
    status,
    statusText: reason,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...close },
  })
}

async function readLimited(body: ReadableStream<Uint8Array> | null, maxBytes: number) {
  if (!body) return ''
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel().catch(() => {})
      return null
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function mediaType(request: Request) {
  return (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
}

/**
 * Checks a request's body before any action sees it: a content type the route takes, a size
 * under its cap, and (for forms) text that is NFC with no control characters. Hands the action a
 * request whose body parses.
 */
export async function gateBody(request: Request, rule: BodyRule = {}): Promise<Request> {
  const maxBytes = rule.maxBytes === 'video' ? getEnv().UPLOAD_MAX_BYTES + 1024 * 1024 : (rule.maxBytes ?? DEFAULT_MAX_BODY_BYTES)
  const type = mediaType(request)
  const declared = Number(request.headers.get('content-length') ?? '0')
  if (declared > maxBytes) throw refuse(413, 'too_large')
  if (type === 'multipart/form-data' && rule.multipart) {
    if (!/boundary=/i.test(request.headers.get('content-type') ?? '')) throw refuse(400, 'unreadable')
    return request
  }
  if (type !== 'application/x-www-form-urlencoded' || rule.multipart === 'only') {
    // A form with no fields may come without a type; anything else is a kind of body we never take.
    if (type === '' && declared === 0 && !request.body && rule.multipart !== 'only') return request
    throw refuse(415, rule.multipart ? 'expected_multipart' : 'unsupported_type')
  }
  const text = await readLimited(request.body, maxBytes)
  if (text === null) throw refuse(413, 'too_large')
  const fields = new URLSearchParams(text)
  const normalised = new URLSearchParams()
  const refused = new Set<string>()
  for (const [name, value] of fields) {
    if (hasControlCharacters(value) || hasControlCharacters(name)) refused.add(name.replace(CONTROL_CHARACTERS, '?'))
    normalised.append(name.normalize('NFC'), value.normalize('NFC'))
  }
  if (refused.size) throw refuse(400, 'control_characters', [...refused].slice(0, 10))
  const headers = new Headers(request.headers)
  headers.delete('content-length')
  return new Request(request.url, { method: request.method, headers, body: normalised.toString(), signal: request.signal })
}

/** Multipart forms are read by their routes: their text fields get the same refusal. */
export function assertFormText(form: FormData) {
  const refused = [...form.entries()].filter(([, value]) => typeof value === 'string' && hasControlCharacters(value)).map(([name]) => name)
  if (refused.length) throw refuse(400, 'control_characters', [...new Set(refused)].slice(0, 10))
}

// A path segment with a control character names no page of ours.
function assertPathParams(params: Record<string, string | undefined>) {
  if (Object.values(params).some((value) => value !== undefined && hasControlCharacters(value))) {
    throw new Response('Not found', { status: 404 })
  }
}

/** Query strings: bounded, no control characters, and `page` a whole number a list can have. */
export function gateQuery(request: Request) {
  const search = new URL(request.url).searchParams
  for (const [name, value] of search) {
    if (name.startsWith('_')) continue // Remix's own (_data, index)
    if (value.length > MAX_QUERY_VALUE || hasControlCharacters(value) || hasControlCharacters(name)) throw refuse(400, 'bad_query')
  }
  const page = search.get('page')
  if (page !== null && page !== '' && !/^[1-9]\d{0,5}$/.test(page)) throw refuse(400, 'bad_page')
}

function bodyRuleOf(module: { handle?: unknown }): BodyRule | undefined {
  const handle = module.handle as { body?: BodyRule } | undefined
  return handle?.body
}

const gated = new WeakMap<ServerBuild, ServerBuild>()

/** The build with every loader and action behind the gates: one place, every route, new ones too. */
export function gateBuild(build: ServerBuild): ServerBuild {
  const known = gated.get(build)
  if (known) return known
  const routes: ServerBuild['routes'] = {}
  const pages = () => pageHandlers.get(gated.get(build)!)!
  for (const [id, route] of Object.entries(build.routes)) {
    const module = route.module
    const action = module.action as ActionFunction | undefined
    const loader = module.loader as LoaderFunction | undefined
    const pattern = routePattern(build, id)
    routes[id] = {
      ...route,
      module: {
        ...module,
        ...(action && {
          action: (args) =>
            noting(args.context, pattern, () =>
              asPage(module, args, pages, async () => {
                assertPathParams(args.params)
                return action({ ...args, request: await gateBody(args.request, bodyRuleOf(module)) })
              }),
            ),
        }),
        ...(loader && {
          loader: (args) =>
            noting(args.context, pattern, () =>
              asPage(module, args, pages, () => {
                assertPathParams(args.params)
                gateQuery(args.request)
                return loader(args)
              }),
            ),
        }),
      },
    }
  }
  const result = { ...build, routes }
  gated.set(build, result)
  pageHandlers.set(result, createRequestHandler(result, build.mode))
  return result
}

type PageHandler = ReturnType<typeof createRequestHandler>
type PageArgs = { request: Request; context: AppLoadContext }
const pageHandlers = new WeakMap<ServerBuild, PageHandler>()

/**
 * A file, feed or export route (no page of its own) that refuses a request answers with the
 * site's error page for that status, as every page does, instead of a bare line of text. A
 * refused byte range stays as it is: only a video player asks for one.
 */
async function asPage(
  module: ServerBuild['routes'][string]['module'],
  args: PageArgs,
  pages: () => PageHandler,
  run: () => unknown,
): Promise<unknown> {
  if (module.default) return run()
  const needsPage = (value: unknown): value is Response =>
    value instanceof Response && value.status >= 400 && value.status < 500 && value.status !== 416 && !/html/.test(value.headers.get('content-type') ?? '')
  try {
    const result = await run()
    return needsPage(result) ? await errorPage(pages(), args, result) : result
  } catch (error) {
    if (needsPage(error)) return errorPage(pages(), args, error)
    throw error
  }
}

async function errorPage(handler: PageHandler, { request, context }: PageArgs, refused: Response) {
  const reason = refused.statusText === 'csrf' ? 'csrf' : (((await refused.json().catch(() => null)) as { reason?: string } | null)?.reason ?? '')
  const url = new URL(`/errors/${refused.status}`, request.url)
  if (reason) url.searchParams.set('reason', reason)
  const headers = new Headers()
  for (const name of ['accept-language', 'cookie', 'user-agent']) {
    const value = request.headers.get(name)
    if (value) headers.set(name, value)
  }
  const page = await handler(new Request(url, { headers }), context)
  if (refused.headers.get('connection') === 'close') page.headers.set('Connection', 'close')
  return page
}

/** `/consultations/:slug/respond`: the route's whole path, as an operator finds it in the code. */
export function routePattern(build: ServerBuild, id: string) {
  const parts: string[] = []
  for (let route = build.routes[id]; route; route = route.parentId ? build.routes[route.parentId] : undefined) {
    if (route.path) parts.unshift(route.path)
  }
  return `/${parts.join('/')}`.replace(/\/+/g, '/')
}

// A thrown Response or `data()` is an answer the route chose, not a failure.
const isAnswer = (error: unknown) => error instanceof Response || (typeof error === 'object' && error !== null && 'type' in error && error.type === 'DataWithResponseInit')

// The deepest route that ran names the request in the log; the one that threw, if any, names it first.
async function noting<T>(context: AppLoadContext, pattern: string, run: () => T | Promise<T>): Promise<T> {
  const failure = context.failure
  if (failure && !failure.error && (failure.route ?? '').length <= pattern.length) failure.route = pattern
  try {
    return await run()
  } catch (error) {
    // The error page Remix renders has headers of its own; the socket must still be closed.
    if (error instanceof Response && error.headers.get('connection') === 'close') context.closeConnection?.()
    if (failure && !isAnswer(error) && failure.error === undefined) {
      failure.route = pattern
      failure.error = error
    }
    throw error
  }
}
