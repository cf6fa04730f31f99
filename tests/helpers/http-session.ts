import { waitForCapturedMail } from './smtp'
import { visitorAddress } from './visitor-address'

/** The anti-forgery token a page's forms carry (docs/decisions/017). */
export const formToken = (html: string) => /name="csrf" value="([^"]+)"/.exec(html)?.[1]

/** A visitor without a browser: fetch with a cookie jar, no redirects followed. */
export class HttpVisitor {
  private cookies = new Map<string, string>()
  private pageToken: string | undefined

  private readonly address = visitorAddress()

  constructor(
    private baseUrl: string,
    private extraHeaders: Record<string, string> = {},
  ) {}

  async request(path: string, init: RequestInit = {}) {
    const response = await fetch(new URL(path, this.baseUrl), {
      ...init,
      redirect: 'manual',
      headers: { 'x-forwarded-for': this.address, ...this.extraHeaders, ...(init.headers as Record<string, string>), cookie: this.cookieHeader() },
    })
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';')
      const [name, value] = pair!.split('=') as [string, string]
      if (/max-age=0/i.test(header) || value === '') this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    return response
  }

  /** The Cookie header this visitor sends, for tools that make their own requests with it. */
  cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  /**
   * Posts a form the way a page would, with the page's CSRF token: a signed-in visitor's comes
   * from their cookie, an anonymous visitor's from the form on a page (docs/decisions/017).
   */
  async postForm(path: string, fields: Record<string, string>) {
    const signedIn = this.cookies.has('guth_session')
    if ((signedIn && !this.cookies.has('guth_csrf')) || (!signedIn && !this.pageToken)) {
      const page = await (await this.request('/')).text()
      this.pageToken = formToken(page)
    }
    const body = new URLSearchParams({ csrf: this.cookies.get('guth_csrf') ?? this.pageToken ?? '', ...fields })
    return this.request(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } })
  }

  /** Signs in through the real flow: ask for a code, read it from the captured email, enter it. */
  async signIn(email: string, mailDir: string) {
    let asked = await this.postForm('/sign-in', { email })
    // Test files share the demo accounts, so an address may have asked often lately: wait as
    // the page tells a person to (Retry-After), then ask again.
    for (let tries = 0; asked.status === 429 && tries < 3; tries++) {
      const seconds = Number(asked.headers.get('retry-after') ?? 30)
      if (!(seconds <= 240)) break
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000 + 500))
      asked = await this.postForm('/sign-in', { email })
    }
    const attemptPath = asked.headers.get('location')
    if (asked.status !== 303 || !attemptPath) throw new Error(`Asking for a code failed: ${asked.status}`)
    const attemptId = attemptPath.split('/').pop()!
    const mail = await waitForCapturedMail(mailDir, email, (m) => Boolean(m.text?.includes(attemptId)))
    const code = /\b(\d{6})\b/.exec(mail.subject ?? '')![1]!
    const entered = await this.postForm(attemptPath, { code })
    if (entered.status !== 303 || !this.cookies.has('guth_session')) throw new Error(`Sign-in failed: ${entered.status}`)
  }
}
