/** A request as a browser would send it, with cookies from earlier Set-Cookie headers. */
export function browserRequest(path: string, cookies: string[] = [], init: RequestInit = {}) {
  const cookie = cookies.map((c) => c.split(';')[0]).join('; ')
  return new Request(`http://localhost:3000${path}`, {
    ...init,
    headers: { ...(cookie ? { cookie } : {}), 'user-agent': 'vitest', ...(init.headers as Record<string, string>) },
  })
}

export function setCookies(headers: Headers) {
  return headers.getSetCookie()
}
