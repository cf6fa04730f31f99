import type { Connection } from '~/platform/db.server'
import { FuzzVisitor, type Sent } from './client'
import { type ManifestRoute, matchRoute } from './routes'

export const roles = ['anonymous', 'citizen', 'organiser', 'moderator', 'official', 'admin'] as const
export type Role = (typeof roles)[number]

// Two roles fuzz in Gaelic, so every error page is checked for the visitor's language, not English.
export const languageOf: Record<Role, 'en' | 'gd'> = {
  anonymous: 'en',
  citizen: 'en',
  organiser: 'gd',
  moderator: 'en',
  official: 'gd',
  admin: 'en',
}

// Tables a refused request may rightly change: a rate limit counts the try before judging it.
const MAY_CHANGE_WHEN_REFUSED = new Set(['rate_limits'])

export type FailureKind =
  | '5xx or no answer'
  | 'connection left broken'
  | '4xx not an HTML page'
  | '4xx in the wrong language'
  | 'refused but rows changed'
  | 'NUL accepted'
  | 'content after </html>'
  | 'cookie on a cacheable or non-page answer'

export interface RequestRecord {
  n: number
  role: Role
  phase: string
  method: string
  url: string
  routeId: string
  variant: string
  field?: string
  status: number
  /** The answer was an HTML document (it had an </html>). */
  html: boolean
  ms: number
  failures: FailureKind[]
  changed: string[]
  snippet: string
}

export interface SendOptions {
  method?: 'GET' | 'POST'
  body?: Buffer | string
  contentType?: string
  phase: string
  variant: string
  field?: string
  mustRefuse?: boolean
}

/** Sends every fuzz request, one at a time, and judges each as it comes back. */
export class Harness {
  readonly records: RequestRecord[] = []
  readonly visitors = {} as Record<Role, FuzzVisitor>
  private sessionIds = {} as Record<Role, string | undefined>
  private countsSql = ''
  private lastCounts: Record<string, string> = {}
  private logs: string[] = []
  private languageCookies = new Map<'en' | 'gd', string>()
  private restoreConsole: (() => void) | undefined

  constructor(
    readonly baseUrl: string,
    readonly connection: Connection,
    readonly routes: ManifestRoute[],
    private startSession: (request: Request, userId: string) => Promise<string>,
    private languageCookie: (language: 'en' | 'gd') => Promise<string>,
    readonly accounts: Record<Exclude<Role, 'anonymous'>, string>,
  ) {}

  async start() {
    const tables = await this.connection.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    )
    const counted = tables.map((t) => t.name).filter((name) => !MAY_CHANGE_WHEN_REFUSED.has(name))
    this.countsSql = `SELECT ${counted.map((name) => `(SELECT count(*) FROM public."${name}")::text AS "${name}"`).join(', ')}`
    for (const language of ['en', 'gd'] as const) this.languageCookies.set(language, await this.languageCookie(language))
    this.captureConsole()
    for (const role of roles) {
      this.visitors[role] = new FuzzVisitor(this.baseUrl, languageOf[role])
      this.visitors[role].setCookie(this.languageCookies.get(languageOf[role])!)
      await this.visitors[role].send('/')
      await this.ensureSignedIn(role)
    }
    this.lastCounts = await this.counts()
  }

  stop() {
    this.restoreConsole?.()
    this.restoreConsole = undefined
    for (const visitor of Object.values(this.visitors)) visitor.close()
  }

  get tableCount() {
    return Object.keys(this.lastCounts).length
  }

  // The app logs every unexpected failure; those lines are the best clue to a 500's cause.
  private captureConsole() {
    const saved = { error: console.error, warn: console.warn, log: console.log, info: console.info }
    const keep = (...args: unknown[]) => void this.logs.push(args.map(String).join(' '))
    console.error = keep
    console.warn = keep
    console.log = keep
    console.info = keep
    this.restoreConsole = () => Object.assign(console, saved)
  }

  /** Writes to the real console even while the app's logging is captured. */
  say(line: string) {
    process.stdout.write(`${line}\n`)
  }

  private async counts(): Promise<Record<string, string>> {
    const [row] = await this.connection.query<Record<string, string>>(this.countsSql)
    return row ?? {}
  }

  private async signIn(role: Exclude<Role, 'anonymous'>) {
    const [user] = await this.connection.query<{ id: string }>('SELECT id FROM users WHERE lower(email) = $1', [this.accounts[role]])
    if (!user) {
      this.sessionIds[role] = undefined
      return false
    }
    const request = new Request(this.baseUrl, { headers: { 'user-agent': 'guth-fuzz' } })
    this.visitors[role].setCookie(await this.startSession(request, user.id))
    const [session] = await this.connection.query<{ id: string }>(
      'SELECT id FROM sessions WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1',
      [user.id],
    )
    this.sessionIds[role] = session?.id
    return true
  }

  /** A fuzz request that ends the session (sign out, delete account) must not leave the role signed out. */
  private async ensureSignedIn(role: Role) {
    if (role === 'anonymous') return
    const id = this.sessionIds[role]
    const alive =
      id &&
      this.visitors[role].cookies.has('guth_session') &&
      (await this.connection.query('SELECT 1 FROM sessions WHERE id = $1 AND expires_at > now()', [id])).length > 0
    if (alive) return
    await this.signIn(role)
    this.lastCounts = await this.counts()
  }

  readonly timings = { prepare: 0, request: 0, count: 0 }
  private brokenConnections = new Map<string, number>()

  async send(role: Role, url: string, options: SendOptions): Promise<Sent> {
    const t0 = Date.now()
    await this.ensureSignedIn(role)
    // As if the window had passed: rate limits must not stand between a request and the code it
    // is meant to reach (they are tested on their own).
    await this.connection.exec('DELETE FROM rate_limits')
    const t1 = Date.now()
    this.timings.prepare += t1 - t0
    const visitor = this.visitors[role]
    this.logs = []
    const method = options.method ?? 'GET'
    const routeId = matchRoute(this.routes, url.split('?')[0]!)?.route.id ?? '(no route)'
    // Whether a large body leaves its connection unusable is tried a couple of times per route, not
    // on every request (each failed try waits for a timeout).
    const probe = (this.brokenConnections.get(routeId) ?? 0) < 2
    const sent = await visitor.send(url, { method, body: options.body, contentType: options.contentType, probe })
    if (sent.brokeConnection) this.brokenConnections.set(routeId, (this.brokenConnections.get(routeId) ?? 0) + 1)
    // Whatever the request did to the language cookie, the visitor keeps its language.
    visitor.setCookie(this.languageCookies.get(languageOf[role])!)
    const t2 = Date.now()
    this.timings.request += t2 - t1
    const after = await this.counts()
    this.timings.count += Date.now() - t2
    const changed = Object.keys(after)
      .filter((t) => after[t] !== this.lastCounts[t])
      .map((t) => `${t} ${this.lastCounts[t]}→${after[t]}`)
    this.lastCounts = after

    const failures: FailureKind[] = []
    const refused = sent.status >= 400 || sent.status === 0
    if (sent.status >= 500 || sent.status === 0) failures.push('5xx or no answer')
    if (sent.brokeConnection) failures.push('connection left broken')
    if (sent.status >= 400 && sent.status < 500) {
      if (!sent.contentType.startsWith('text/html')) failures.push('4xx not an HTML page')
      else if (!new RegExp(`<html[^>]*\\slang="${visitor.language}"`).test(sent.body)) failures.push('4xx in the wrong language')
    }
    if (refused && changed.length) failures.push('refused but rows changed')
    if (sent.contentType.startsWith('text/html') && hasContentAfterHtml(sent.body)) failures.push('content after </html>')
    // A CDN may keep a public answer for everyone; only a page, which renders forms, needs the CSRF cookie.
    const csrfCookie = sent.setCookies.some((c) => c.startsWith('guth_csrf='))
    if ((sent.setCookies.length && /\bpublic\b/i.test(sent.cacheControl)) || (csrfCookie && !sent.contentType.startsWith('text/html'))) {
      failures.push('cookie on a cacheable or non-page answer')
    }
    if (options.mustRefuse && !refused) failures.push('NUL accepted')

    const record: RequestRecord = {
      n: this.records.length + 1,
      role,
      phase: options.phase,
      method,
      url: url.length > 140 ? `${url.slice(0, 137)}…` : url,
      routeId,
      variant: options.variant,
      field: options.field,
      status: sent.status,
      html: sent.contentType.startsWith('text/html') && sent.body.includes('</html>'),
      ms: sent.ms,
      failures,
      changed,
      snippet: failures.length ? snippetOf(sent, this.logs, failures) : '',
    }
    this.records.push(record)
    if (process.env.FUZZ_VERBOSE && (sent.ms > 3000 || record.n % 250 === 0)) {
      this.say(`fuzz #${record.n} ${JSON.stringify(this.timings)} ${sent.ms} ms ${role} ${method} ${record.url} ${options.variant} ${options.field ?? ''} → ${sent.status}`)
    }
    return sent
  }
}

// The HTML checker stops at a tag after </html> (Remix's streamed scripts once went there).
export function hasContentAfterHtml(body: string) {
  const end = body.indexOf('</html>')
  return end >= 0 && body.slice(end + '</html>'.length).trim() !== ''
}

// The first line of the error the app logged, or else what the page itself says.
function snippetOf(sent: Sent, logs: string[], failures: FailureKind[]) {
  if (sent.error) return sent.error.slice(0, 200)
  if (failures.includes('connection left broken')) return `answered ${sent.status}, then the next request on the connection failed: ${sent.brokeConnection}`
  const html = /<html[^>]*>/.exec(sent.body)?.[0]
  if (failures.includes('content after </html>')) return `after </html>: ${sent.body.slice(sent.body.indexOf('</html>') + 7, sent.body.indexOf('</html>') + 127)}`
  if (failures.includes('cookie on a cacheable or non-page answer')) return `${sent.contentType.split(';')[0]} ${sent.cacheControl}: ${sent.setCookies.map((c) => c.split('=')[0]).join(', ')}`
  if (failures.includes('4xx in the wrong language')) return `${html ?? 'no <html> tag'} ${/<title>([^<]*)<\/title>/.exec(sent.body)?.[1] ?? ''}`
  for (const line of logs) {
    try {
      const entry = JSON.parse(line) as { level?: string; message?: string }
      if (entry.level === 'error' && entry.message) return entry.message.split('\n')[0]!.slice(0, 200)
    } catch {
      if (/error/i.test(line)) return line.split('\n')[0]!.slice(0, 200)
    }
  }
  const title = /<title>([^<]*)<\/title>/.exec(sent.body)?.[1]
  const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(sent.body)?.[1]?.replace(/<[^>]+>/g, '')
  const text = [title, heading].filter(Boolean).join(' / ') || sent.body.slice(0, 120)
  return `${sent.contentType.split(';')[0]}: ${text}`.replace(/\s+/g, ' ').slice(0, 200)
}
