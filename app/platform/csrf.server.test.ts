import { expect, test } from 'vitest'
import { assertCsrf, csrfTokenFor } from './csrf.server'
import { getEnv } from './env.server'

const NOW = Date.parse('2027-06-15T12:00:00Z')
const HOUR = 3600_000
const site = new URL(getEnv().PUBLIC_URL).origin

function post(token: string, headers: Record<string, string> = {}) {
  const form = new FormData()
  form.set('csrf', token)
  return { request: new Request(`${site}/sign-in`, { method: 'POST', headers }), form }
}
const accepted = ({ request, form }: ReturnType<typeof post>, now = NOW) => {
  try {
    assertCsrf(request, form, now)
    return true
  } catch (refusal) {
    expect((refusal as Response).status).toBe(403)
    return false
  }
}

test('an anonymous page gets a token and no cookie, the same for every reader in the same hours', () => {
  const headers = new Headers()
  const token = csrfTokenFor(new Request(`${site}/events`), headers, { signedIn: false }, NOW)
  expect(headers.getSetCookie()).toEqual([])
  expect(csrfTokenFor(new Request(`${site}/accessibility`), new Headers(), { signedIn: false }, NOW + HOUR)).toBe(token)
})

test('a signed-in person gets their own token in an HttpOnly cookie, once', () => {
  const headers = new Headers()
  const token = csrfTokenFor(new Request(`${site}/account`), headers, { signedIn: true }, NOW)
  expect(headers.getSetCookie()).toEqual([`guth_csrf=${token}; Path=/; HttpOnly; SameSite=Lax`])
  const again = new Headers()
  expect(csrfTokenFor(new Request(`${site}/account`, { headers: { cookie: `guth_csrf=${token}` } }), again, { signedIn: true }, NOW)).toBe(token)
  expect(again.getSetCookie()).toEqual([])
})

test('an anonymous form is accepted from this site’s pages for a day, and refused from another site', () => {
  const token = csrfTokenFor(new Request(`${site}/events`), new Headers(), { signedIn: false }, NOW)
  expect(accepted(post(token, { 'sec-fetch-site': 'same-origin' }))).toBe(true)
  expect(accepted(post(token, { origin: site }))).toBe(true)
  // A program, not a page: no browser would leave out both headers on a form from another site.
  expect(accepted(post(token))).toBe(true)
  expect(accepted(post(token, { 'sec-fetch-site': 'same-origin' }), NOW + 24 * HOUR)).toBe(true)

  expect(accepted(post(token, { 'sec-fetch-site': 'same-origin' }), NOW + 31 * HOUR)).toBe(false)
  expect(accepted(post(token, { 'sec-fetch-site': 'cross-site' }))).toBe(false)
  expect(accepted(post(token, { 'sec-fetch-site': 'same-site' }))).toBe(false)
  expect(accepted(post(token, { origin: 'https://elsewhere.example' }))).toBe(false)
  expect(accepted(post(token, { origin: 'null' }))).toBe(false)
})

test('a made-up, altered or future token is refused', () => {
  const token = csrfTokenFor(new Request(`${site}/events`), new Headers(), { signedIn: false }, NOW)
  const [period, signature] = token.split('.') as [string, string]
  const sameOrigin = { 'sec-fetch-site': 'same-origin' }
  expect(accepted(post(`${Number(period) + 1}.${signature}`, sameOrigin))).toBe(false)
  expect(accepted(post(`${period}.${signature.slice(1)}x`, sameOrigin))).toBe(false)
  expect(accepted(post('', sameOrigin))).toBe(false)
  const future = csrfTokenFor(new Request(`${site}/events`), new Headers(), { signedIn: false }, NOW + 12 * HOUR)
  expect(accepted(post(future, sameOrigin))).toBe(false)
})

test('a browser with the cookie must send the cookie’s token: the anonymous one does not stand in for it', () => {
  const anonymous = csrfTokenFor(new Request(`${site}/events`), new Headers(), { signedIn: false }, NOW)
  const cookie = 'guth_csrf=' + 'k'.repeat(43)
  expect(accepted(post('k'.repeat(43), { cookie, 'sec-fetch-site': 'same-origin' }))).toBe(true)
  expect(accepted(post(anonymous, { cookie, 'sec-fetch-site': 'same-origin' }))).toBe(false)
})
