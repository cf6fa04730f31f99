import { type ParsedForm, parsePage } from './forms'
import type { Harness, Role } from './harness'
import { roles } from './harness'
import { type ManifestRoute, matchRoute } from './routes'

export interface FoundForm {
  key: string
  role: Role
  page: string
  routeId: string
  form: ParsedForm
  /** 0: ordinary; 1: takes something away (runs after every ordinary form); 2: ends the session or the account. */
  danger: 0 | 1 | 2
  order: number
}

const PAGES_PER_PATTERN = 3
// A page that grows a form for each block added to it (the report builder) must not keep the fuzz
// going for ever: a few distinct forms per route are enough to reach its code.
const FORMS_PER_ROUTE = 6
const PAGES_PER_ROLE = 160

const destructive = /delete|remove|withdraw|cancel|revoke|erase|archive|reject|hide|unpublish|close|suspend|demote|revert/i
const endsSession = /sign-out|account\.delete/

/** Walks the site as each role, following links, and keeps every distinct form it meets. */
export class Crawler {
  readonly postForms: FoundForm[] = []
  readonly getForms: FoundForm[] = []
  /** Route id → the first params seen in a real URL of it. */
  readonly samples = new Map<string, Record<string, string>>()
  /** Route id → the roles that got a page of it, in the order they got it. */
  readonly reachedBy = new Map<string, Role[]>()
  /** HTML pages that answered 200, first one per role and route. */
  readonly pages: { role: Role; url: string; routeId: string; hasSearch: boolean }[] = []
  private formKeys = new Set<string>()
  readonly formsPerRoute = new Map<string, number>()
  private visited = new Set<string>()
  private perPattern = new Map<string, number>()
  private order = 0

  constructor(
    private harness: Harness,
    private routes: ManifestRoute[],
  ) {}

  /** Visits the pages breadth first, each kind of page a few times at most. */
  async crawl(role: Role, start: string[], phase: 'crawl' | 'follow' = 'crawl', budget = PAGES_PER_ROLE) {
    const queue = [...start]
    let visits = 0
    while (queue.length && visits < budget) {
      const url = queue.shift()!
      const links = await this.visit(role, url, phase)
      if (links) {
        visits++
        queue.push(...links)
      }
    }
  }

  // Pages reached after a form was sent are counted apart: the same address may now show more.
  private async visit(role: Role, url: string, phase: 'crawl' | 'follow'): Promise<string[] | undefined> {
    const seen = `${phase} ${role} ${url}`
    if (url.length > 400 || this.visited.has(seen)) return undefined
    const parsed = new URL(url, this.harness.baseUrl)
    const match = matchRoute(this.routes, parsed.pathname)
    if (!match) return undefined
    const pattern = `${phase} ${role} ${match.route.id} ${[...parsed.searchParams.keys()].sort().join('&')}`
    if ((this.perPattern.get(pattern) ?? 0) >= PAGES_PER_PATTERN) return undefined
    this.visited.add(seen)
    this.perPattern.set(pattern, (this.perPattern.get(pattern) ?? 0) + 1)

    const sent = await this.harness.send(role, url, { phase, variant: 'crawl' })
    if (sent.status !== 200) return []
    if (!this.samples.has(match.route.id)) this.samples.set(match.route.id, match.params)
    const reached = this.reachedBy.get(match.route.id) ?? []
    if (!reached.includes(role)) this.reachedBy.set(match.route.id, [...reached, role])
    if (!sent.contentType.startsWith('text/html')) return []
    const page = parsePage(sent.body, parsed)
    for (const form of page.forms) this.keep(role, url, form)
    if (!this.pages.some((p) => p.role === role && p.routeId === match.route.id)) {
      const hasSearch = page.forms.some((f) => f.method === 'get' && f.fields.some((field) => field.name === 'q'))
      this.pages.push({ role, url, routeId: match.route.id, hasSearch })
    }
    return page.links
  }

  private keep(role: Role, page: string, form: ParsedForm) {
    const action = new URL(form.action, this.harness.baseUrl)
    const routeId = matchRoute(this.routes, action.pathname)?.route.id
    if (!routeId) return
    const names = form.fields.map((f) => f.name).sort().join(',')
    const submitter = form.submitter ? `${form.submitter.name}=${form.submitter.value}` : ''
    const key = `${form.method} ${routeId}${action.searchParams.has('index') ? '?index' : ''} [${names}] ${submitter}`
    if (this.formKeys.has(key) || (this.formsPerRoute.get(routeId) ?? 0) >= FORMS_PER_ROUTE) return
    this.formKeys.add(key)
    this.formsPerRoute.set(routeId, (this.formsPerRoute.get(routeId) ?? 0) + 1)
    const clue = `${action.pathname} ${submitter}`
    const danger = endsSession.test(routeId) ? 2 : destructive.test(clue) ? 1 : 0
    const found: FoundForm = { key, role, page, routeId, form, danger, order: this.order++ }
    if (form.method === 'post') this.postForms.push(found)
    else this.getForms.push(found)
  }

  /** The POST form to fuzz next: ordinary ones first, each role in turn, in the order they were found. */
  nextPostForm(done: Set<string>) {
    const rank = (f: FoundForm) => [f.danger, roles.indexOf(f.role), f.order]
    return this.postForms
      .filter((f) => !done.has(f.key))
      .sort((a, b) => {
        const [x, y] = [rank(a), rank(b)]
        return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!
      })[0]
  }
}
