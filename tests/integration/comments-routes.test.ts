import type { AppLoadContext } from '@remix-run/node'
import { afterAll, expect, test } from 'vitest'
import { startSession } from '~/modules/accounts/sessions.server'
import { loadThreadPage } from '~/modules/comments/queries.server'
import { stopJobs } from '~/platform/jobs.server'
import * as permalink from '~/routes/comments.$id._index'
import * as newComment from '~/routes/comments.new'
import * as moderate from '~/routes/moderate.comments.$id'
import * as queue from '~/routes/moderate.comments._index'
import { withTestDatabase } from '../helpers/db'
import { givenConsultation } from '../helpers/consultations'
import { givenPerson } from '../helpers/people'
import { givenDiscussion, say } from '../helpers/comments'

withTestDatabase()
afterAll(() => stopJobs())

const CSRF = 'a'.repeat(43)
const context = {} as AppLoadContext

async function signedIn(name: string, roles: ('moderator' | 'admin')[] = []) {
  const person = await givenPerson({ name, roles })
  const cookie = (await startSession(new Request('http://localhost/'), person.id)).split(';')[0]!
  return { ...person, cookie: `${cookie}; guth_csrf=${CSRF}` }
}

function post(path: string, cookie: string | null, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}), ...headers },
    body: new URLSearchParams({ csrf: CSRF, ...fields }),
  })
}

/** What the route answered, thrown or returned, as status, Location and body data. */
async function answer(run: () => Promise<unknown>) {
  try {
    const result = (await run()) as Response | { type: 'DataWithResponseInit'; data: unknown; init: { status?: number } | null }
    if (result instanceof Response) return { status: result.status, location: result.headers.get('location'), data: null }
    return { status: result.init?.status ?? 200, location: null, data: result.data as Record<string, unknown> }
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get('location'), data: null }
    throw thrown
  }
}

const postComment = (request: Request) => answer(() => newComment.action({ request, params: {}, context }))

test('a no-JavaScript post comes back to the new comment with 303; with JavaScript it answers in place', async () => {
  const consultation = await givenDiscussion()
  const person = await signedIn('Poster')
  const base = { subjectType: 'consultation', subjectId: consultation.id, returnTo: `/consultations/${consultation.slug}?page=2` }
  const plain = await postComment(post('/comments/new', person.cookie, { ...base, body: 'Hello <b>there</b>' }))
  expect(plain.status).toBe(303)
  expect(plain.location).toMatch(new RegExp(`^/consultations/${consultation.slug}\\?sort=newest#comment-[0-9a-f-]{36}$`))
  const withJs = await postComment(post('/comments/new', person.cookie, { ...base, body: 'Second', js: '1' }))
  expect(withJs).toMatchObject({ status: 200, data: { ok: true, status: 'visible' } })
  const stored = await loadThreadPage(null, { type: 'consultation', id: consultation.id })
  expect(stored.threads.map((c) => c.body)).toEqual(['Hello <b>there</b>', 'Second'])
})

test('bad posts get a clear 4xx, never a 500', async () => {
  const consultation = await givenDiscussion()
  const { consultation: draft } = await givenConsultation({ published: false })
  const person = await signedIn('Mistaken')
  const base = { subjectType: 'consultation', subjectId: consultation.id, returnTo: '/' }
  expect(await postComment(post('/comments/new', `guth_csrf=${CSRF}`, { ...base, body: 'Anonymous' }))).toMatchObject({ status: 302, location: expect.stringContaining('/sign-in') })
  expect(await postComment(post('/comments/new', person.cookie, { ...base, body: '' }))).toMatchObject({ status: 400, data: { error: 'comments:errors.empty' } })
  expect(await postComment(post('/comments/new', person.cookie, { ...base, body: 'x'.repeat(20_000) }))).toMatchObject({ status: 400, data: { error: 'comments:errors.tooLong' } })
  expect(await postComment(post('/comments/new', person.cookie, { ...base, subjectType: 'planet', body: 'Hi' }))).toMatchObject({ status: 400 })
  expect(await postComment(post('/comments/new', person.cookie, { ...base, subjectId: draft.id, body: 'Hi' }))).toMatchObject({ status: 404 })
  expect(await postComment(post('/comments/new', person.cookie, { ...base, parentId: '00000000-0000-4000-8000-000000000000', body: 'Hi' }))).toMatchObject({ status: 409 })
  const forged = new Request('http://localhost/comments/new', { method: 'POST', headers: { cookie: person.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...base, body: 'Hi', csrf: 'b'.repeat(43) }) })
  expect(await postComment(forged)).toMatchObject({ status: 403 })
})

test('supporting twice and moderating without the role are refused politely', async () => {
  const consultation = await givenDiscussion()
  const [author, fan] = [await signedIn('Author'), await signedIn('Fan')]
  const id = await say(author, consultation.id, 'Worth supporting')
  const support = () => answer(() => permalink.action({ request: post(`/comments/${id}`, fan.cookie, { intent: 'support' }), params: { id }, context }))
  expect(await support()).toMatchObject({ status: 200, data: { ok: true } })
  expect(await support()).toMatchObject({ status: 409, data: { ok: false, error: 'comments:errors.already_done' } })
  const decide = await answer(() => moderate.action({ request: post(`/moderate/comments/${id}`, fan.cookie, { intent: 'decide', decision: 'hide', reason: 'No' }), params: { id }, context }))
  expect(decide.status).toBe(403)
})

test('a moderator turns pre-moderation on from the comments section; the next comment waits', async () => {
  const consultation = await givenDiscussion()
  const [moderator, person] = [await signedIn('Mod', ['moderator']), await signedIn('Person')]
  const fields = { intent: 'premoderation', subjectType: 'consultation', subjectId: consultation.id, on: 'true', returnTo: `/consultations/${consultation.slug}` }
  expect(await answer(() => queue.action({ request: post('/moderate/comments', person.cookie, fields), params: {}, context }))).toMatchObject({ status: 403 })
  expect(await answer(() => queue.action({ request: post('/moderate/comments', moderator.cookie, fields), params: {}, context }))).toMatchObject({
    status: 303,
    location: `/consultations/${consultation.slug}#comments`,
  })
  const posted = await postComment(post('/comments/new', person.cookie, { subjectType: 'consultation', subjectId: consultation.id, returnTo: '/', body: 'Wait for me', js: '1' }))
  expect(posted).toMatchObject({ status: 200, data: { ok: true, status: 'pending' } })
})
