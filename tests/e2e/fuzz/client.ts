import { Agent, type IncomingHttpHeaders, request as httpRequest } from 'node:http'
import { formToken } from '../../helpers/http-session'

/** A form value: text, or a file part (multipart only; sent as its name in a urlencoded body). */
export type Value = string | { filename: string; type: string; content: Buffer }
export type Pairs = [string, Value][]

/**
 * UTF-8, except that a lone surrogate is written as its own three bytes (ED A0 80 for U+D800)
 * instead of being replaced: what a careless client really sends, and what TextEncoder and
 * encodeURIComponent refuse to produce.
 */
export function wtf8(text: string): Buffer {
  const bytes: number[] = []
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i)
    const next = text.charCodeAt(i + 1)
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00)
      i++
    }
    if (code < 0x80) bytes.push(code)
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63))
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63))
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63))
  }
  return Buffer.from(bytes)
}

function percentEncode(text: string) {
  let out = ''
  for (const byte of wtf8(text)) {
    const c = String.fromCharCode(byte)
    out += /[A-Za-z0-9*_.-]/.test(c) ? c : byte === 0x20 ? '+' : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return out
}

export function urlencoded(pairs: Pairs) {
  return pairs.map(([name, value]) => `${percentEncode(name)}=${percentEncode(typeof value === 'string' ? value : value.filename)}`).join('&')
}

export function multipart(pairs: Pairs, boundary = '----GuthFuzzBoundary7MA4YWxkTrZu0gW') {
  const chunks: Buffer[] = []
  for (const [name, value] of pairs) {
    const head =
      typeof value === 'string'
        ? `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`
        : `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${value.filename}"\r\nContent-Type: ${value.type}\r\n\r\n`
    chunks.push(Buffer.from(head), typeof value === 'string' ? wtf8(value) : value.content, Buffer.from('\r\n'))
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` }
}

export interface Sent {
  status: number
  contentType: string
  location: string | null
  /** Cache-Control, and the Set-Cookie headers the answer carried. */
  cacheControl: string
  setCookies: string[]
  body: string
  ms: number
  error?: string
  /** The connection was unusable for the next request: the app answered without reading the body. */
  brokeConnection?: string
}

const browserAgent = 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0'
// Bodies this large are sent on a connection of their own, which may then be tried once more.
const LARGE_BODY = 64 * 1024

interface Answer {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

function exchange(agent: Agent, url: URL, method: string, headers: Record<string, string>, body: Buffer | undefined, timeoutMs: number, retry = true): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    const request = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers, agent, timeout: timeoutMs },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }))
        response.on('error', reject)
      },
    )
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)))
    request.on('error', (error: NodeJS.ErrnoException) => {
      // A kept-alive socket the server closed as idle just as it was reused: any client sends again.
      if (request.reusedSocket && error.code === 'ECONNRESET' && retry) resolve(exchange(agent, url, method, headers, body, timeoutMs, false))
      else reject(error)
    })
    request.end(body)
  })
}

const describeError = (error: unknown) => {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause
  return [String(error), cause?.code ?? cause?.message].filter(Boolean).join(' ')
}

/** A browser without JavaScript: a cookie jar, keep-alive, no redirects followed. */
export class FuzzVisitor {
  cookies = new Map<string, string>()
  private agent = new Agent({ keepAlive: true, maxSockets: 1 })

  constructor(
    readonly baseUrl: string,
    readonly language: 'en' | 'gd',
  ) {}

  // A signed-in visitor's token is its cookie's; an anonymous one's comes from the last page's form.
  private pageToken = ''
  get csrf() {
    return this.cookies.get('guth_csrf') ?? this.pageToken
  }

  setCookie(header: string) {
    const [pair] = header.split(';')
    const at = pair!.indexOf('=')
    const name = pair!.slice(0, at).trim()
    const value = pair!.slice(at + 1).trim()
    if (/max-age=0(;|$)/i.test(header) || /expires=thu, 01 jan 1970/i.test(header) || value === '') this.cookies.delete(name)
    else this.cookies.set(name, value)
  }

  close() {
    this.agent.destroy()
  }

  async send(path: string, init: { method?: string; body?: Buffer | string; contentType?: string; probe?: boolean } = {}): Promise<Sent> {
    const started = Date.now()
    const body = init.body === undefined ? undefined : Buffer.isBuffer(init.body) ? init.body : Buffer.from(init.body)
    const headers: Record<string, string> = {
      'user-agent': browserAgent,
      accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    }
    if (init.contentType) headers['content-type'] = init.contentType
    if (body) headers['content-length'] = String(body.length)
    const url = new URL(path, this.baseUrl)
    const large = (body?.length ?? 0) > LARGE_BODY || url.href.length > LARGE_BODY
    const agent = large ? new Agent({ keepAlive: true, maxSockets: 1 }) : this.agent
    try {
      const answer = await exchange(agent, url, init.method ?? 'GET', headers, body, 30_000)
      for (const header of answer.headers['set-cookie'] ?? []) this.setCookie(header)
      const token = formToken(answer.body)
      if (token) this.pageToken = token
      const sent: Sent = {
        status: answer.status,
        contentType: String(answer.headers['content-type'] ?? ''),
        location: answer.headers.location ?? null,
        cacheControl: String(answer.headers['cache-control'] ?? ''),
        setCookies: answer.headers['set-cookie'] ?? [],
        body: answer.body,
        ms: Date.now() - started,
      }
      if (large && init.probe) {
        // A client sends its next request on the same connection; it must still be answered.
        await exchange(agent, new URL('/healthz', this.baseUrl), 'GET', { 'user-agent': browserAgent }, undefined, 1_000).catch((error) => {
          sent.brokeConnection = describeError(error)
        })
      }
      return sent
    } catch (error) {
      return { status: 0, contentType: '', location: null, cacheControl: '', setCookies: [], body: '', ms: Date.now() - started, error: describeError(error) }
    } finally {
      if (large) agent.destroy()
    }
  }
}
