import type { AppLoadContext } from '@remix-run/node'
import { and, eq } from 'drizzle-orm'
import { afterAll, describe, expect, test } from 'vitest'
import { auditLog } from '~/modules/accounts/schema'
import { startSession } from '~/modules/accounts/sessions.server'
import { createProgramme, updateProgramme } from '~/modules/events/programmes.server'
import { programmePage } from '~/modules/events/views.server'
import { getDb } from '~/platform/db.server'
import { stopJobs } from '~/platform/jobs.server'
import * as newProgramme from '~/routes/manage.programmes.new'
import { withTestDatabase } from '../helpers/db'
import { givenPerson } from '../helpers/people'
import { givenOrganisation } from '../helpers/events'

withTestDatabase()
afterAll(() => stopJobs())

let counter = 0
const unique = (base: string) => `${base}-${Date.now().toString(36)}-${++counter}`

describe('creating a programme', () => {
  test('a moderator creates a programme; its public page shows it and the audit log says who', async () => {
    const moderator = await givenPerson({ roles: ['moderator'] })
    const slug = unique('pioneer-year')
    const created = await createProgramme(moderator, { name: 'Open Government Pioneer year', slug, description: 'A year of engagement with civil society.', target: 6 })
    expect(created).toMatchObject({ ok: true, slug })
    const page = await programmePage(slug, 'en')
    expect(page).toMatchObject({ programme: { name: 'Open Government Pioneer year', description: 'A year of engagement with civil society.' }, held: 0, target: 6 })
    const [entry] = await getDb().select().from(auditLog).where(and(eq(auditLog.action, 'programme.created'), eq(auditLog.actorId, moderator.id)))
    expect(entry?.details).toMatchObject({ slug, target: 6 })
  })

  test('without a web address, one is made from the title', async () => {
    const admin = await givenPerson({ roles: ['admin'] })
    const name = `Listening tour ${unique('x')}`
    const created = await createProgramme(admin, { name, target: 3 })
    expect(created.ok && created.slug).toBe(name.toLowerCase().replace(/ /g, '-'))
  })

  test('a missing title, a target that is not a whole number above 0 and a web address in use are refused, and nothing is stored', async () => {
    const moderator = await givenPerson({ roles: ['moderator'] })
    const slug = unique('taken')
    await createProgramme(moderator, { name: 'First', slug, target: 2 })
    expect(await createProgramme(moderator, { name: '  ', slug: unique('a'), target: 2 })).toMatchObject({ ok: false, fieldErrors: { name: ['events:errors.titleMissing'] } })
    for (const target of [0, -1, 2.5, Number.NaN]) {
      expect(await createProgramme(moderator, { name: 'Bad target', slug: unique('b'), target })).toMatchObject({ ok: false, fieldErrors: { target: ['events:errors.targetInvalid'] } })
    }
    expect(await createProgramme(moderator, { name: 'Bad address', slug: 'Not a slug!', target: 2 })).toMatchObject({ ok: false, fieldErrors: { slug: ['events:errors.slugFormat'] } })
    expect(await createProgramme(moderator, { name: 'Second', slug, target: 4 })).toMatchObject({ ok: false, fieldErrors: { slug: ['events:errors.slugTaken'] } })
    expect((await programmePage(slug, 'en')).programme.name).toBe('First')
  })

  test('organisers, officials and citizens may not create or change programmes', async () => {
    const moderator = await givenPerson({ roles: ['moderator'] })
    const created = await createProgramme(moderator, { name: 'Kept', slug: unique('kept'), target: 2 })
    if (!created.ok) throw new Error('not created')
    const people = [(await givenOrganisation()).organiser, await givenPerson({ roles: ['official'] }), await givenPerson()]
    for (const person of people) {
      await expect(createProgramme(person, { name: 'Mine', slug: unique('mine'), target: 1 })).rejects.toMatchObject({ status: 403 })
      await expect(updateProgramme(person, created.id, { name: 'Taken over', slug: created.slug, target: 1 })).rejects.toMatchObject({ status: 403 })
    }
    expect((await programmePage(created.slug, 'en')).programme.name).toBe('Kept')
  })
})

describe('changing a programme', () => {
  test('a moderator changes the title, address and target; another programme’s address is refused', async () => {
    const moderator = await givenPerson({ roles: ['moderator'] })
    const [first, other] = [unique('first'), unique('other')]
    const created = await createProgramme(moderator, { name: 'Draft name', slug: first, target: 2 })
    await createProgramme(moderator, { name: 'Other', slug: other, target: 2 })
    if (!created.ok) throw new Error('not created')
    expect(await updateProgramme(moderator, created.id, { name: 'Renamed', slug: other, target: 2 })).toMatchObject({ ok: false, fieldErrors: { slug: ['events:errors.slugTaken'] } })
    const renamed = unique('renamed')
    expect(await updateProgramme(moderator, created.id, { name: 'Renamed', slug: renamed, target: 8 })).toMatchObject({ ok: true, slug: renamed })
    expect(await programmePage(renamed, 'en')).toMatchObject({ programme: { name: 'Renamed' }, target: 8 })
    await expect(programmePage(first, 'en')).rejects.toMatchObject({ status: 404 })
    const [entry] = await getDb().select().from(auditLog).where(and(eq(auditLog.action, 'programme.updated'), eq(auditLog.subjectId, created.id)))
    expect(entry?.details).toMatchObject({ slug: renamed, changed: ['slug', 'name', 'targetEvents'] })
  })
})

describe('the new programme page without JavaScript', () => {
  const CSRF = 'a'.repeat(43)
  const context = {} as AppLoadContext

  async function post(roles: ('moderator' | 'official')[], fields: Record<string, string>) {
    const person = await givenPerson({ roles })
    const cookie = `${(await startSession(new Request('http://localhost/'), person.id)).split(';')[0]!}; guth_csrf=${CSRF}`
    const request = new Request('http://localhost/manage/programmes/new', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({ csrf: CSRF, ...fields }),
    })
    try {
      const result = (await newProgramme.action({ request, params: {}, context })) as Response | { data: { result: { initialValue?: Record<string, unknown>; error?: Record<string, string[]> } }; init: { status?: number } }
      if (result instanceof Response) return { status: result.status, location: result.headers.get('location'), result: null }
      return { status: result.init.status, location: null, result: result.data.result }
    } catch (thrown) {
      if (thrown instanceof Response) return { status: thrown.status, location: null, result: null }
      throw thrown
    }
  }

  test('a refused form comes back with what was typed and the reasons; a good one goes on with 303', async () => {
    const fields = { name: 'Community conversations', slug: unique('conversations'), description: 'Across the Highlands', target: '2.5' }
    const refused = await post(['moderator'], fields)
    expect(refused).toMatchObject({ status: 400, result: { initialValue: fields, error: { target: ['events:errors.targetInvalid'] } } })
    const created = await post(['moderator'], { ...fields, target: '4' })
    expect(created).toMatchObject({ status: 303, location: expect.stringMatching(/^\/manage\/programmes\/[0-9a-f-]{36}\?done=created$/) })
    expect(await post(['official'], { ...fields, slug: unique('official'), target: '4' })).toMatchObject({ status: 403 })
  })
})
