import { randomUUID } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { auditFilterChoices, countAuditEntries, listAudit, startOfLondonDay } from '~/modules/accounts/audit-queries.server'
import { AuditFilterSchema } from '~/modules/accounts/forms-admin'
import { changeMembership, countOrganisations, createOrganisation, getOrganisationManagement, getOrganisationPage, listOrganisationsWithCounts } from '~/modules/accounts/organisations.server'
import { countPeople, getPerson, grantRole, revokeRole, searchPeople } from '~/modules/accounts/people.server'
import type { PlatformRole } from '~/modules/accounts/permissions'
import { auditLog, memberships, organisations, userRoles, users } from '~/modules/accounts/schema'
import { getDb } from '~/platform/db.server'
import * as adminAudit from '~/routes/admin.audit'
import * as adminHome from '~/routes/admin._index'
import * as adminOrganisation from '~/routes/admin.organisations.$slug'
import * as adminOrganisations from '~/routes/admin.organisations._index'
import * as adminPeople from '~/routes/admin.people._index'
import * as adminPerson from '~/routes/admin.people.$id'
import * as publicOrganisation from '~/routes/organisations.$slug'
import { seedDemoContent } from '../../scripts/seed/demo'
import { withTestDatabase } from '../helpers/db'
import { CSRF, cookieFor, type Loader, routeContext, statusOf } from '../helpers/http'
import { givenPerson } from '../helpers/people'

withTestDatabase()

// Every test makes its own people and organisations, so none depends on another's rows.
const unique = () => randomUUID().slice(0, 8)

async function givenOrganisation(
  members: { person: { id: string }; role?: 'member' | 'admin'; status?: 'pending' | 'approved' }[] = [],
) {
  const slug = `org-${unique()}`
  const [organisation] = await getDb()
    .insert(organisations)
    .values({ slug, name: { en: `Organisation ${slug}`, gd: `Buidheann ${slug}` } })
    .returning({ id: organisations.id })
  for (const member of members) {
    await getDb()
      .insert(memberships)
      .values({
        organisationId: organisation!.id,
        userId: member.person.id,
        role: member.role ?? 'member',
        status: member.status ?? 'approved',
      })
  }
  return { id: organisation!.id, slug }
}

async function expectForbidden(attempt: Promise<unknown>) {
  const outcome = await attempt.then(
    () => 'allowed',
    (error: unknown) => error,
  )
  expect(outcome).toBeInstanceOf(Response)
  expect((outcome as Response).status).toBe(403)
}

const auditRowsAbout = (subjectId: string) =>
  getDb().select().from(auditLog).where(eq(auditLog.subjectId, subjectId)).orderBy(auditLog.createdAt)

async function membershipOf(organisationId: string, userId: string) {
  const [row] = await getDb()
    .select({ role: memberships.role, status: memberships.status })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
  return row ?? null
}

describe('only platform admins may use the admin commands (refusal is a thrown 403 Response)', () => {
  test.each([
    ['a citizen', [] as PlatformRole[]],
    ['a moderator', ['moderator'] as PlatformRole[]],
    ['an official', ['official'] as PlatformRole[]],
  ])('%s is refused by every one of them and changes nothing', async (_label, roles) => {
    const outsider = await givenPerson({ roles })
    const victim = await givenPerson({ roles: ['moderator'] })
    const requester = await givenPerson()
    const organisation = await givenOrganisation([{ person: requester, status: 'pending' }])

    await expectForbidden(searchPeople(outsider, { language: 'en' }))
    await expectForbidden(countPeople(outsider))
    await expectForbidden(getPerson(outsider, victim.id, 'en'))
    await expectForbidden(grantRole(outsider, outsider.id, 'admin'))
    await expectForbidden(revokeRole(outsider, victim.id, 'moderator'))
    await expectForbidden(countOrganisations(outsider))
    await expectForbidden(listOrganisationsWithCounts(outsider, 'en'))
    await expectForbidden(createOrganisation(outsider, { nameEn: `Sneaky ${unique()}` }))
    await expectForbidden(getOrganisationManagement(outsider, organisation.slug, 'en'))
    await expectForbidden(changeMembership(outsider, organisation.slug, { intent: 'approve', userId: requester.id }))
    await expectForbidden(changeMembership(outsider, organisation.slug, { intent: 'remove', userId: requester.id }))
    await expectForbidden(listAudit(outsider))
    await expectForbidden(auditFilterChoices(outsider))
    await expectForbidden(countAuditEntries(outsider))

    const outsiderRoles = await getDb().select().from(userRoles).where(eq(userRoles.userId, outsider.id))
    expect(outsiderRoles.map((row) => row.role).sort()).toEqual([...roles].sort())
    expect((await getDb().select().from(userRoles).where(eq(userRoles.userId, victim.id))).map((r) => r.role)).toEqual(['moderator'])
    expect(await membershipOf(organisation.id, requester.id)).toEqual({ role: 'member', status: 'pending' })
    expect(await getDb().select().from(auditLog).where(eq(auditLog.actorId, outsider.id))).toEqual([])
  })
})

describe('roles', () => {
  test('granting and revoking a role is recorded with who did it to whom', async () => {
    const admin = await givenPerson({ roles: ['admin'] })
    const person = await givenPerson({ name: 'Ailsa Official' })

    expect(await grantRole(admin, person.id, 'official')).toEqual({ ok: true })
    expect((await getPerson(admin, person.id, 'en'))?.roles).toEqual(['official'])
    expect(await grantRole(admin, person.id, 'official')).toEqual({ ok: false, reason: 'role_already_granted' })

    expect(await revokeRole(admin, person.id, 'official')).toEqual({ ok: true })
    expect((await getPerson(admin, person.id, 'en'))?.roles).toEqual([])
    expect(await revokeRole(admin, person.id, 'official')).toEqual({ ok: false, reason: 'role_not_granted' })

    const rows = await auditRowsAbout(person.id)
    expect(rows.map((row) => ({ actorId: row.actorId, action: row.action, subjectType: row.subjectType, role: row.details.role }))).toEqual([
      { actorId: admin.id, action: 'role.granted', subjectType: 'user', role: 'official' },
      { actorId: admin.id, action: 'role.revoked', subjectType: 'user', role: 'official' },
    ])
  })

  test('an admin cannot take away their own admin role, but another admin can', async () => {
    const admin = await givenPerson({ roles: ['admin', 'moderator'] })
    const other = await givenPerson({ roles: ['admin'] })

    expect(await revokeRole(admin, admin.id, 'admin')).toEqual({ ok: false, reason: 'own_admin_role' })
    expect((await getPerson(admin, admin.id, 'en'))?.roles).toEqual(['moderator', 'admin'])
    expect(await auditRowsAbout(admin.id)).toEqual([])

    // Their other roles are theirs to drop.
    expect(await revokeRole(admin, admin.id, 'moderator')).toEqual({ ok: true })
    expect(await revokeRole(other, admin.id, 'admin')).toEqual({ ok: true })
    expect((await getPerson(other, admin.id, 'en'))?.roles).toEqual([])
  })

  test('an unknown or malformed person is not found', async () => {
    const admin = await givenPerson({ roles: ['admin'] })
    expect(await getPerson(admin, randomUUID(), 'en')).toBeNull()
    expect(await getPerson(admin, 'not-a-uuid', 'en')).toBeNull()
    expect(await grantRole(admin, randomUUID(), 'moderator')).toEqual({ ok: false, reason: 'person_not_found' })
  })
})

describe('searching for people', () => {
  test('finds people by part of their email address, whatever the case', async () => {
    const admin = await givenPerson({ roles: ['admin'] })
    const tag = unique()
    const ruairidh = await givenPerson({ email: `Ruairidh.MacLeod-${tag}@Example.org`, name: 'Ruairidh MacLeod' })
    await givenPerson({ email: `someone-else-${tag}@example.org` })

    for (const q of [`macleod-${tag}`, `RUAIRIDH.MACLEOD-${tag}`, `Leod-${tag}@exAMPLE`]) {
      const result = await searchPeople(admin, { q, language: 'en' })
      expect(result.people.map((person) => person.id), q).toEqual([ruairidh.id])
      expect(result.total).toBe(1)
    }
    const both = await searchPeople(admin, { q: tag, language: 'en' })
    expect(both.total).toBe(2)
    // % and _ are letters to search for, not wildcards.
    expect((await searchPeople(admin, { q: `r%${tag}`, language: 'en' })).total).toBe(0)
    expect((await searchPeople(admin, { q: `Ruairidh_MacLeod-${tag}`, language: 'en' })).total).toBe(0)
  })

  test('finds people by part of their display name and lists their roles and organisations', async () => {
    const admin = await givenPerson({ roles: ['admin'] })
    const tag = unique()
    const eilidh = await givenPerson({ name: `Eilidh ${tag} Moderator`, roles: ['moderator'] })
    const organisation = await givenOrganisation([{ person: eilidh, role: 'admin' }])
    const [found] = (await searchPeople(admin, { q: `${tag} mod`.toUpperCase(), language: 'gd' })).people
    expect(found).toMatchObject({
      id: eilidh.id,
      roles: ['moderator'],
      organisations: [{ slug: organisation.slug, name: `Buidheann ${organisation.slug}`, role: 'admin', status: 'approved' }],
    })
  })
})

describe('organisations', () => {
  test('a new organisation gets a slug from its English name, and a duplicate slug is refused', async () => {
    const admin = await givenPerson({ roles: ['admin'] })
    const tag = unique()
    const created = await createOrganisation(admin, { nameEn: `Comann Bòidheach ${tag}!`, website: 'https://example.org' })
    expect(created).toEqual({ ok: true, slug: `comann-boidheach-${tag}` })
    expect(await createOrganisation(admin, { nameEn: 'Another name', slug: `comann-boidheach-${tag}` })).toEqual({
      ok: false,
      reason: 'slug_taken',
    })
    const [audit] = await getDb().select().from(auditLog).where(and(eq(auditLog.action, 'organisation.created'), sql`${auditLog.details}->>'slug' = ${`comann-boidheach-${tag}`}`))
    expect(audit?.actorId).toBe(admin.id)
  })

  test('the form shows a duplicate slug as an error on the slug field', async () => {
    const admin = await givenPerson({ roles: ['admin'] })
    const existing = await givenOrganisation()
    const form = new URLSearchParams({ csrf: CSRF, nameEn: 'Scottish Community Development Centre', slug: existing.slug })
    const result = await adminOrganisations.action({
      request: new Request('http://localhost/admin/organisations', {
        method: 'POST',
        headers: { cookie: await cookieFor(admin.id), 'content-type': 'application/x-www-form-urlencoded' },
        body: form,
      }),
      params: {},
      context: routeContext,
    })
    expect(result).toMatchObject({
      init: { status: 400 },
      data: { result: { error: { slug: ['admin:errors.slugTaken'] } } },
    })
  })

  test('a join request waits, then an organisation admin approves it', async () => {
    const organiser = await givenPerson({ name: 'Calum Organiser' })
    const joiner = await givenPerson({ name: 'Ailsa Joiner' })
    const organisation = await givenOrganisation([{ person: organiser, role: 'admin' }])

    expect(await changeMembership(joiner, organisation.slug, { intent: 'join' })).toEqual({ ok: true, done: 'requested' })
    expect(await changeMembership(joiner, organisation.slug, { intent: 'join' })).toEqual({ ok: true, done: 'requested' })
    expect(await membershipOf(organisation.id, joiner.id)).toEqual({ role: 'member', status: 'pending' })
    const waiting = await getOrganisationPage(joiner, organisation.slug, 'en')
    expect(waiting).toMatchObject({ viewerMembership: { status: 'pending' }, canAskToJoin: false, management: null })
    expect(waiting?.memberNames).toEqual(['Calum Organiser'])

    const seenByOrganiser = await getOrganisationPage(organiser, organisation.slug, 'en')
    expect(seenByOrganiser?.management?.pending.map((member) => member.email)).toEqual([joiner.email])

    expect(await changeMembership(organiser, organisation.slug, { intent: 'approve', userId: joiner.id })).toEqual({
      ok: true,
      done: 'approved',
    })
    expect(await membershipOf(organisation.id, joiner.id)).toEqual({ role: 'member', status: 'approved' })
    expect(await changeMembership(joiner, organisation.slug, { intent: 'join' })).toEqual({ ok: false, reason: 'already_member' })

    const audit = await getDb()
      .select()
      .from(auditLog)
      .where(sql`${auditLog.details}->>'organisation' = ${organisation.slug}`)
      .orderBy(auditLog.createdAt)
    expect(audit.map((row) => [row.action, row.actorId, row.details.userId])).toEqual([
      ['membership.requested', joiner.id, joiner.id],
      ['membership.approved', organiser.id, joiner.id],
    ])
  })

  test('a platform admin can approve a request too', async () => {
    const admin = await givenPerson({ roles: ['admin'] })
    const joiner = await givenPerson()
    const organisation = await givenOrganisation()
    await changeMembership(joiner, organisation.slug, { intent: 'join' })
    expect(await changeMembership(admin, organisation.slug, { intent: 'approve', userId: joiner.id })).toEqual({
      ok: true,
      done: 'approved',
    })
    expect(await membershipOf(organisation.id, joiner.id)).toEqual({ role: 'member', status: 'approved' })
    const [row] = await getDb().select().from(auditLog).where(and(eq(auditLog.action, 'membership.approved'), eq(auditLog.actorId, admin.id)))
    expect(row?.details).toMatchObject({ organisation: organisation.slug, userId: joiner.id })
    const [listed] = (await listAudit(admin, { action: 'membership.approved', actor: admin.email })).entries
    expect(listed).toMatchObject({ actor: { kind: 'person', id: admin.id }, subjectType: 'membership', subjectPerson: { id: joiner.id } })
  })

  test('an ordinary member cannot approve, promote or remove anyone', async () => {
    const member = await givenPerson()
    const joiner = await givenPerson()
    const organisation = await givenOrganisation([
      { person: member, role: 'member' },
      { person: joiner, status: 'pending' },
    ])
    await expectForbidden(changeMembership(member, organisation.slug, { intent: 'approve', userId: joiner.id }))
    await expectForbidden(changeMembership(member, organisation.slug, { intent: 'makeAdmin', userId: member.id }))
    await expectForbidden(changeMembership(member, organisation.slug, { intent: 'remove', userId: joiner.id }))
    await expectForbidden(getOrganisationManagement(member, organisation.slug, 'en'))
    expect(await membershipOf(organisation.id, joiner.id)).toEqual({ role: 'member', status: 'pending' })
    expect(await membershipOf(organisation.id, member.id)).toEqual({ role: 'member', status: 'approved' })
  })

  test('an organisation admin cannot leave the organisation without an admin', async () => {
    const organiser = await givenPerson()
    const member = await givenPerson()
    const organisation = await givenOrganisation([{ person: organiser, role: 'admin' }, { person: member }])
    expect(await changeMembership(organiser, organisation.slug, { intent: 'makeMember', userId: organiser.id })).toEqual({
      ok: false,
      reason: 'last_admin',
    })
    expect(await changeMembership(organiser, organisation.slug, { intent: 'makeAdmin', userId: member.id })).toEqual({
      ok: true,
      done: 'madeAdmin',
    })
    expect(await changeMembership(organiser, organisation.slug, { intent: 'remove', userId: organiser.id })).toEqual({
      ok: true,
      done: 'removed',
    })
    expect(await membershipOf(organisation.id, organiser.id)).toBeNull()
  })
})

describe('the audit log', () => {
  test('filters by action, actor email and Europe/London dates, newest first', async () => {
    const admin = await givenPerson({ roles: ['admin'] })
    const tag = unique()
    const ailsa = await givenPerson({ email: `ailsa-${tag}@gov.scot` })
    const iain = await givenPerson({ email: `iain-${tag}@cosla.gov.uk` })
    const action = `test.${tag}`
    const row = (actor: { id: string } | null, at: string, name = action) => ({
      actorId: actor?.id ?? null,
      action: name,
      subjectType: 'test',
      subjectId: at,
      createdAt: new Date(at),
    })
    await getDb()
      .insert(auditLog)
      .values([
        row(ailsa, '2025-06-30T22:59:00Z'), // 23:59 on 30 June in London (BST)
        row(ailsa, '2025-06-30T23:00:00Z'), // midnight starting 1 July in London
        row(iain, '2025-07-15T12:00:00Z'),
        row(ailsa, '2025-07-31T22:59:59Z'), // the last second of 31 July in London
        row(ailsa, '2025-07-31T23:00:00Z'), // 1 August in London
        row(ailsa, '2025-01-10T00:00:00Z', `other.${tag}`), // winter: GMT
        row(null, '2025-07-20T09:00:00Z'),
      ])
    const subjects = async (filters: Parameters<typeof listAudit>[1]) =>
      (await listAudit(admin, filters)).entries.map((entry) => entry.subjectId)

    expect(await subjects({ action })).toEqual([
      '2025-07-31T23:00:00Z',
      '2025-07-31T22:59:59Z',
      '2025-07-20T09:00:00Z',
      '2025-07-15T12:00:00Z',
      '2025-06-30T23:00:00Z',
      '2025-06-30T22:59:00Z',
    ])
    expect(await subjects({ action, from: '2025-07-01', to: '2025-07-31' })).toEqual([
      '2025-07-31T22:59:59Z',
      '2025-07-20T09:00:00Z',
      '2025-07-15T12:00:00Z',
      '2025-06-30T23:00:00Z',
    ])
    expect(await subjects({ action, actor: `IAIN-${tag}` })).toEqual(['2025-07-15T12:00:00Z'])
    expect(await subjects({ actor: `${tag}@gov`, to: '2025-06-30' })).toEqual(['2025-06-30T22:59:00Z', '2025-01-10T00:00:00Z'])
    expect(await subjects({ actor: tag, from: '2025-01-10', to: '2025-01-10' })).toEqual(['2025-01-10T00:00:00Z'])
    expect(await subjects({ actor: tag, from: '2025-01-11', to: '2025-01-11' })).toEqual([])

    const [anonymous] = (await listAudit(admin, { action, from: '2025-07-20', to: '2025-07-20' })).entries
    expect(anonymous?.actor).toEqual({ kind: 'deleted' })
    const [named] = (await listAudit(admin, { action, actor: `iain-${tag}` })).entries
    expect(named?.actor).toMatchObject({ kind: 'person', email: iain.email })
    expect((await auditFilterChoices(admin)).actions).toEqual(expect.arrayContaining([action, `other.${tag}`]))
  })

  test('a London day starts at midnight UK time, in summer and in winter', () => {
    expect(startOfLondonDay('2025-07-01').toISOString()).toBe('2025-06-30T23:00:00.000Z')
    expect(startOfLondonDay('2025-01-10').toISOString()).toBe('2025-01-10T00:00:00.000Z')
    expect(startOfLondonDay('2025-03-30').toISOString()).toBe('2025-03-30T00:00:00.000Z') // clocks go forward at 01:00
    expect(startOfLondonDay('2025-10-26').toISOString()).toBe('2025-10-25T23:00:00.000Z') // clocks go back at 02:00 BST
    expect(startOfLondonDay('2025-12-31', 1).toISOString()).toBe('2026-01-01T00:00:00.000Z')
  })

  test('impossible dates and a backwards range are field errors, not failures', async () => {
    expect(AuditFilterSchema.safeParse({ from: '2025-02-30' }).error?.flatten().fieldErrors).toEqual({ from: ['admin:errors.dateFormat'] })
    expect(AuditFilterSchema.safeParse({ to: '31/7' }).error?.flatten().fieldErrors).toEqual({ to: ['admin:errors.dateFormat'] })
    // Dates are written as in every other form, day first; the filter works on the day meant.
    expect(AuditFilterSchema.parse({ from: '1/7/2025', to: '31/07/2025' })).toMatchObject({ from: '2025-07-01', to: '2025-07-31' })
    expect(AuditFilterSchema.safeParse({ from: '2025-08-01', to: '2025-07-01' }).error?.flatten().fieldErrors).toEqual({
      to: ['admin:errors.dateOrder'],
    })
    const admin = await givenPerson({ roles: ['admin'] })
    const result = await adminAudit.loader({
      request: new Request('http://localhost/admin/audit?from=2025-13-01', { headers: { cookie: await cookieFor(admin.id) } }),
      params: {},
      context: routeContext,
    })
    expect(result).toMatchObject({ init: { status: 400 }, data: { result: { error: { from: ['admin:errors.dateFormat'] } } } })
  })
})

// Walking every page as every kind of person, as ARCHITECTURE.md asks.

test('every admin and organisation page answers each kind of person as it should', async () => {
  await seedDemoContent()
  const emails = {
    citizen: 'citizen@guth.example',
    organiser: 'organiser@guth.example',
    moderator: 'moderator@guth.example',
    official: 'official@guth.example',
    admin: 'admin@guth.example',
  }
  const cookies: Record<string, string | undefined> = { anonymous: undefined }
  const ids: Record<string, string> = {}
  for (const [kind, email] of Object.entries(emails)) {
    const [user] = await getDb().select({ id: users.id }).from(users).where(eq(users.email, email))
    ids[kind] = user!.id
    cookies[kind] = await cookieFor(user!.id)
  }
  const ogp = 'scottish-ogp-civil-society-network'
  const pages: [string, Loader, string, Record<string, string>][] = [
    ['/admin', adminHome.loader, '/admin', {}],
    ['/admin/people', adminPeople.loader, '/admin/people?q=guth', {}],
    ['/admin/people/:id', adminPerson.loader, `/admin/people/${ids.citizen}`, { id: ids.citizen! }],
    ['/admin/organisations', adminOrganisations.loader, '/admin/organisations', {}],
    ['/admin/organisations/:slug', adminOrganisation.loader, `/admin/organisations/${ogp}`, { slug: ogp }],
    ['/admin/audit', adminAudit.loader, '/admin/audit', {}],
    ['/organisations/:slug', publicOrganisation.loader, `/organisations/${ogp}`, { slug: ogp }],
  ]
  const table: Record<string, Record<string, string>> = {}
  for (const [name, loader, path, params] of pages) {
    table[name] = {}
    for (const [kind, cookie] of Object.entries(cookies)) table[name][kind] = await statusOf(loader, path, params, cookie)
  }
  const adminOnly = (path: string) => ({
    anonymous: `302 /sign-in?redirectTo=${encodeURIComponent(path)}`,
    citizen: '403',
    organiser: '403',
    moderator: '403',
    official: '403',
    admin: '200',
  })
  const everyone = { anonymous: '200', citizen: '200', organiser: '200', moderator: '200', official: '200', admin: '200' }
  expect(table).toEqual({
    '/admin': adminOnly('/admin'),
    '/admin/people': adminOnly('/admin/people?q=guth'),
    '/admin/people/:id': adminOnly(`/admin/people/${ids.citizen}`),
    '/admin/organisations': adminOnly('/admin/organisations'),
    '/admin/organisations/:slug': adminOnly(`/admin/organisations/${ogp}`),
    '/admin/audit': adminOnly('/admin/audit'),
    '/organisations/:slug': everyone,
  })

  // Unknown things are 404 for an admin, and still 403 for everyone else.
  const missing = randomUUID()
  expect(await statusOf(adminPerson.loader, `/admin/people/${missing}`, { id: missing }, cookies.admin)).toBe('404')
  expect(await statusOf(adminPerson.loader, '/admin/people/nope', { id: 'nope' }, cookies.admin)).toBe('404')
  expect(await statusOf(adminPerson.loader, '/admin/people/nope', { id: 'nope' }, cookies.citizen)).toBe('403')
  expect(await statusOf(adminOrganisation.loader, '/admin/organisations/nope', { slug: 'nope' }, cookies.admin)).toBe('404')
  expect(await statusOf(publicOrganisation.loader, '/organisations/nope', { slug: 'nope' }, cookies.citizen)).toBe('404')

  // The organiser sees the management section on the public page; a citizen does not.
  const asOrganiser = (await publicOrganisation.loader({
    request: new Request(`http://localhost/organisations/${ogp}`, { headers: { cookie: cookies.organiser! } }),
    params: { slug: ogp },
    context: routeContext,
  })) as { organisation: { management: unknown; memberNames: string[] } }
  expect(asOrganiser.organisation.management).not.toBeNull()
  expect(asOrganiser.organisation.memberNames).toEqual(['Calum Organiser'])
  const asCitizen = (await publicOrganisation.loader({
    request: new Request(`http://localhost/organisations/${ogp}`, { headers: { cookie: cookies.citizen! } }),
    params: { slug: ogp },
    context: routeContext,
  })) as { organisation: { management: unknown; canAskToJoin: boolean } }
  expect(asCitizen.organisation).toMatchObject({ management: null, canAskToJoin: true })
})

test('a Gaelic reader sees the Gaelic name, an English reader the English one', async () => {
  const organisation = await givenOrganisation()
  expect((await getOrganisationPage(null, organisation.slug, 'gd'))?.name).toBe(`Buidheann ${organisation.slug}`)
  expect((await getOrganisationPage(null, organisation.slug, 'en'))?.name).toBe(`Organisation ${organisation.slug}`)
})
