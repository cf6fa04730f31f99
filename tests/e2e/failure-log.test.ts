import { afterAll, beforeAll, expect, test, vi } from 'vitest'
import { HttpVisitor } from '../helpers/http-session'
import { type InProcessApp, startInProcessApp } from './fuzz/app'

// Issue 13: a request that fails leaves one JSON line an operator can use (which request, which
// route, the database's own reason) and nothing a person typed. The database is made to refuse a
// booking on purpose, quoting the value back the way Postgres does for a bad value.

const person = { name: 'Ada Lovelace', email: 'ada.lovelace@example.org', accessNeeds: 'a ramp at the side door' }
let app: InProcessApp

beforeAll(async () => {
  app = await startInProcessApp()
  await app.connection.exec(`
    CREATE FUNCTION refuse_on_purpose() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'invalid booking: "%"', NEW.email USING ERRCODE = '22023'; END $$`)
  await app.connection.exec(`CREATE TRIGGER refuse_on_purpose BEFORE INSERT ON event_registrations FOR EACH ROW EXECUTE FUNCTION refuse_on_purpose()`)
}, 120_000)

afterAll(() => app?.stop())

test('a failing query is logged once, with the route, status and SQLSTATE, and none of its values', async () => {
  const rows = await app.connection.query<{ slug: string }>(
    `SELECT slug FROM events WHERE status = 'published' AND booking_required AND starts_at > now() ORDER BY starts_at LIMIT 1`,
  )
  const slug = rows[0]!.slug
  const visitor = new HttpVisitor(app.baseUrl)
  expect((await visitor.request(`/events/${slug}`)).status).toBe(200)

  const lines: string[] = []
  const spy = vi.spyOn(console, 'error').mockImplementation((line: unknown) => void lines.push(String(line)))
  try {
    const failed = await visitor.postForm(`/events/${slug}?from=newsletter&email=${encodeURIComponent(person.email)}`, person)
    expect(failed.status).toBe(500)
    const page = await failed.text()
    const requestId = failed.headers.get('x-request-id')!
    // The person is shown the reference the operator searches for.
    expect(page).toContain(requestId)
    await vi.waitFor(() => expect(lines.length).toBeGreaterThan(0))

    expect(lines).toHaveLength(1)
    const line = JSON.parse(lines[0]!)
    expect(line).toMatchObject({
      level: 'error',
      message: 'request failed',
      requestId,
      method: 'POST',
      route: '/events/:slug',
      status: 500,
      cause: { sqlstate: '22023', dbMessage: 'invalid booking: "…"' },
    })
    expect(line.cause.message).toMatch(/^Failed query: insert into "event_registrations"/)
    for (const value of [person.name, 'Lovelace', person.email, 'ada.lovelace', person.accessNeeds, 'newsletter', slug]) {
      expect(lines[0], `the log line holds "${value}"`).not.toContain(value)
    }
  } finally {
    spy.mockRestore()
  }
})

test('a refused form (a person’s mistake) writes no error line', async () => {
  const rows = await app.connection.query<{ slug: string }>(`SELECT slug FROM events WHERE status = 'published' LIMIT 1`)
  const lines: string[] = []
  const spy = vi.spyOn(console, 'error').mockImplementation((line: unknown) => void lines.push(String(line)))
  try {
    const refused = await new HttpVisitor(app.baseUrl).postForm(`/events/${rows[0]!.slug}`, { ...person, email: 'not an address' })
    expect(refused.status).toBe(400)
    expect(lines).toEqual([])
  } finally {
    spy.mockRestore()
  }
})
