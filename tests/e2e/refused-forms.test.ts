import { expect, inject, test } from 'vitest'
import { HttpVisitor } from '../helpers/http-session'

// Forms that post to a URL with no page of its own (language, sign out) still answer a refusal
// with the site's error page, in the reader's language, not a bare line of text.
const baseUrl = inject('baseUrl')
const form = { 'content-type': 'application/x-www-form-urlencoded' }

test('an unknown language is refused with a 400 page in the reader\'s language, and no cookie', async () => {
  for (const [language, title] of [
    ['en', 'Sorry, something went wrong'],
    ['gd', 'Tha sinn duilich, chaidh rudeigin ceàrr'],
  ] as const) {
    const visitor = new HttpVisitor(baseUrl, { 'accept-language': language })
    const refused = await visitor.postForm('/language', { language: 'fr', redirectTo: '/events' })
    expect(refused.status).toBe(400)
    expect(refused.headers.get('content-type')).toMatch(/^text\/html/)
    expect(refused.headers.getSetCookie().join()).not.toContain('guth_lang')
    const html = await refused.text()
    expect(html).toContain(`<html lang="${language}"`)
    expect(html).toContain(title)
  }
  const chosen = await new HttpVisitor(baseUrl).postForm('/language', { language: 'gd', redirectTo: '/events' })
  expect(chosen.status).toBe(303)
  expect(chosen.headers.get('location')).toBe('/events')
})

test.each(['/sign-out', '/account/sign-out-everywhere', '/language'])('a form to %s without its CSRF token gets the "form has expired" page', async (path) => {
  for (const [language, title] of [
    ['en', 'The form has expired'],
    ['gd', 'Dh’fhalbh an ùine air an fhoirm'],
  ] as const) {
    const refused = await new HttpVisitor(baseUrl, { 'accept-language': language }).request(path, {
      method: 'POST',
      headers: form,
      body: new URLSearchParams({ language: 'gd', csrf: 'x'.repeat(43) }),
    })
    expect(refused.status).toBe(403)
    expect(refused.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await refused.text()
    expect(html).toContain(`<html lang="${language}"`)
    expect(html).toContain(title)
  }
})
