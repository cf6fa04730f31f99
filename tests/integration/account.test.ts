import { randomBytes } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { afterEach, expect, test } from 'vitest'
import { auditLog, memberships, organisations, sessions, signInAttempts, userRoles, users } from '~/modules/accounts/schema'
import { deleteAccount, getProfile, signOutEverywhere, updateProfile } from '~/modules/accounts/profile.server'
import { exportMyData } from '~/personal-data.server'
import { startSession } from '~/modules/accounts/sessions.server'
import { type AuthGateway, getAuthGateway, setAuthGatewayForTests } from '~/platform/auth-gateway.server'
import { getDb } from '~/platform/db.server'
import * as accountPage from '~/routes/account._index'
import { listQuestions } from '~/modules/consultations/queries.server'
import { saveAnswers, saveRespondentInfo, startDraft, submitDraft } from '~/modules/consultations/responding.server'
import { bookPlace } from '~/modules/events/bookings.server'
import { givenConsultation } from '../helpers/consultations'
import { withTestDatabase } from '../helpers/db'
import { givenPerson } from '../helpers/people'
import { renderRoute } from '../helpers/render-route'
import { givenPublishedEvent } from '../helpers/events'
import { browserRequest } from '../helpers/requests'

withTestDatabase()
afterEach(() => setAuthGatewayForTests(undefined))

const unique = () => randomBytes(4).toString('hex')

async function givenSession(userId: string, expiresInMs = 3600_000) {
  const [session] = await getDb()
    .insert(sessions)
    .values({ userId, expiresAt: new Date(Date.now() + expiresInMs), userAgent: 'Firefox on a test' })
    .returning()
  return session!
}

async function givenMembership(userId: string) {
  const slug = `org-${unique()}`
  const [organisation] = await getDb()
    .insert(organisations)
    .values({ slug, name: { en: 'Open Gov Network', gd: 'Lìonra Riaghaltais Fhosgailte' } })
    .returning()
  await getDb().insert(memberships).values({ organisationId: organisation!.id, userId, role: 'admin', status: 'approved' })
  return organisation!
}

async function givenSignInAttempt(email: string) {
  const [attempt] = await getDb()
    .insert(signInAttempts)
    .values({
      email,
      codeHash: `code-hash-${unique()}`,
      linkHash: `link-hash-${unique()}`,
      expiresAt: new Date(Date.now() + 600_000),
    })
    .returning()
  return attempt!
}

/** The real gateway, with its deleteIdentity calls written down. */
async function recordingGateway() {
  const real = await getAuthGateway()
  const deleted: { email: string; externalId?: string }[] = []
  const gateway: AuthGateway = { ...real, deleteIdentity: async (input) => void deleted.push(input) }
  setAuthGatewayForTests(gateway)
  return deleted
}

test('a person changes their display name, language and email choices', async () => {
  const person = await givenPerson()
  const outcome = await updateProfile(person.id, { displayName: '  Ruairidh MacLeòid  ', locale: 'gd', notify: ['replies'] })
  expect(outcome).toEqual({ ok: true, locale: 'gd' })
  expect(await getProfile(person.id)).toEqual({
    email: person.email,
    displayName: 'Ruairidh MacLeòid',
    locale: 'gd',
    notifyReplies: true,
    notifyEventUpdates: false,
    notifyMilestones: true,
    getsMilestoneEmails: false,
  })

  await updateProfile(person.id, { displayName: '   ', locale: 'en', notify: ['eventUpdates'] })
  expect(await getProfile(person.id)).toMatchObject({ displayName: null, locale: 'en', notifyReplies: false, notifyEventUpdates: true })

  await updateProfile(person.id, { displayName: 'a'.repeat(80), locale: 'en' })
  expect(await getProfile(person.id)).toMatchObject({ displayName: 'a'.repeat(80), notifyReplies: false, notifyEventUpdates: false })
})

test('officials and admins choose whether they hear of consultations opening and closing; saving leaves others’ choice as it was', async () => {
  const official = await givenPerson({ roles: ['official'] })
  const citizen = await givenPerson()
  const showAccount = async (userId: string) => renderRoute(accountPage, '/account', browserRequest('/account', [await startSession(new Request('http://localhost/'), userId)]))
  expect(await showAccount(official.id)).toContain('when a consultation opens or closes')
  expect(await showAccount(citizen.id)).not.toContain('when a consultation opens or closes')

  await updateProfile(official.id, { locale: 'en', notify: ['replies'] })
  expect(await getProfile(official.id)).toMatchObject({ notifyMilestones: false, getsMilestoneEmails: true })
  expect(await showAccount(official.id)).not.toContain('Consultations opening and closing')
  await updateProfile(official.id, { locale: 'en', notify: ['milestones'] })
  expect(await getProfile(official.id)).toMatchObject({ notifyReplies: false, notifyMilestones: true })
  expect(await showAccount(official.id)).toContain('Consultations opening and closing')

  // Someone without the role is not offered the choice, so the form they send cannot change it.
  await updateProfile(citizen.id, { locale: 'en', notify: [] })
  expect(await getProfile(citizen.id)).toMatchObject({ notifyMilestones: true, getsMilestoneEmails: false })
  await getDb().update(users).set({ notifyMilestones: false }).where(eq(users.id, citizen.id))
  await updateProfile(citizen.id, { locale: 'en', notify: ['milestones'] })
  expect((await getProfile(citizen.id))!.notifyMilestones).toBe(false)
})

test.each([
  ['a name longer than 80 characters', { displayName: 'a'.repeat(81), locale: 'en' }, 'displayName', 'account:errors.nameTooLong'],
  ['a line break in the name', { displayName: 'Ailsa\nRoss', locale: 'en' }, 'displayName', 'account:errors.nameInvalid'],
  ['a right-to-left override in the name', { displayName: 'Ailsa\u202Egnp.exe', locale: 'en' }, 'displayName', 'account:errors.nameInvalid'],
  ['a language Guth does not have', { displayName: 'Ailsa', locale: 'fr' }, 'locale', 'account:errors.localeMissing'],
  ['no language', { displayName: 'Ailsa' }, 'locale', 'account:errors.localeMissing'],
  ['an email choice that does not exist', { locale: 'en', notify: ['marketing'] }, 'notify', 'account:errors.notifyInvalid'],
])('%s is refused and changes nothing', async (_, input, field, message) => {
  const person = await givenPerson()
  const before = await getProfile(person.id)
  const outcome = await updateProfile(person.id, input)
  expect(outcome.ok).toBe(false)
  expect(outcome.ok ? null : outcome.errors[field as keyof typeof outcome.errors]).toEqual([message])
  expect(await getProfile(person.id)).toEqual(before)
})

test('the data download holds the person’s profile, roles and memberships, and no secrets', async () => {
  const person = await givenPerson({ roles: ['official'], name: 'Ailsa' })
  const someoneElse = await givenPerson()
  const organisation = await givenMembership(person.id)
  const session = await givenSession(person.id)
  const expired = await givenSession(person.id, -60_000)
  const attempt = await givenSignInAttempt(person.email)
  await givenSignInAttempt(someoneElse.email)
  await getDb().insert(auditLog).values([
    { actorId: person.id, action: 'account.signed_in', subjectType: 'user', subjectId: person.id },
    { actorId: someoneElse.id, action: 'roles.granted', subjectType: 'user', subjectId: person.id, details: { role: 'official' } },
    { actorId: someoneElse.id, action: 'account.signed_in', subjectType: 'user', subjectId: someoneElse.id },
  ])

  const myData = await exportMyData(person.id)
  const text = JSON.stringify(myData)

  expect(myData.about).toMatch(/Guth/)
  expect(myData.generatedAt).toBeInstanceOf(Date)
  expect(myData.profile).toMatchObject({ email: person.email, displayName: 'Ailsa', language: 'en' })
  expect(myData.platformRoles.map((r) => r.role)).toEqual(['official'])
  expect(myData.organisationMemberships).toEqual([
    expect.objectContaining({ organisation: { slug: organisation.slug, name: organisation.name }, role: 'admin', status: 'approved' }),
  ])
  expect(myData.activeSessions).toEqual([expect.objectContaining({ userAgent: 'Firefox on a test' })])
  expect(myData.signInAttempts).toHaveLength(1)
  expect(myData.auditLog.map((entry) => entry.action).sort()).toEqual(['account.signed_in', 'roles.granted'])

  for (const secret of [session.id, expired.id, attempt.id, attempt.codeHash!, attempt.linkHash!]) {
    expect(text).not.toContain(secret)
  }
  expect(text).not.toContain(someoneElse.email)
})

test('deleting an account removes the person and all that hangs on them, leaving an anonymous audit row', async () => {
  const deletedIdentities = await recordingGateway()
  const person = await givenPerson({ roles: ['moderator'] })
  const neighbour = await givenPerson()
  await givenMembership(person.id)
  await givenSession(person.id)
  await givenSignInAttempt(person.email)
  await givenSignInAttempt(person.email.toUpperCase())
  await givenSignInAttempt(neighbour.email)
  await getDb().insert(auditLog).values([
    { actorId: person.id, action: 'account.signed_in', subjectType: 'user', subjectId: person.id },
    { actorId: neighbour.id, action: 'role.granted', subjectType: 'user', subjectId: person.id, details: { role: 'moderator', email: person.email } },
  ])

  expect(await deleteAccount(person)).toEqual({ ok: true })

  const db = getDb()
  expect(await db.select().from(users).where(eq(users.id, person.id))).toEqual([])
  expect(await db.select().from(sessions).where(eq(sessions.userId, person.id))).toEqual([])
  expect(await db.select().from(memberships).where(eq(memberships.userId, person.id))).toEqual([])
  expect(await db.select().from(userRoles).where(eq(userRoles.userId, person.id))).toEqual([])
  expect(await db.select().from(signInAttempts).where(sql`lower(${signInAttempts.email}) = ${person.email}`)).toEqual([])
  expect(await db.select().from(signInAttempts).where(eq(signInAttempts.email, neighbour.email))).toHaveLength(1)

  const trail = await db.select().from(auditLog).where(eq(auditLog.subjectId, person.id))
  expect(trail.find((row) => row.action === 'account.deleted')).toMatchObject({ actorId: null, subjectType: 'user' })
  expect(trail.find((row) => row.action === 'account.signed_in')?.actorId).toBeNull()
  expect(trail.find((row) => row.action === 'role.granted')).toMatchObject({ actorId: neighbour.id, details: { role: 'moderator' } })
  expect(JSON.stringify(await db.select().from(auditLog))).not.toContain(person.email)

  expect(deletedIdentities).toEqual([{ email: person.email, externalId: person.id }])
})

test('the last platform admin cannot delete their account; once there is another, they can', async () => {
  const deletedIdentities = await recordingGateway()
  const admin = await givenPerson({ roles: ['admin'] })

  expect(await deleteAccount(admin)).toEqual({ ok: false, reason: 'last_admin' })
  expect(await getProfile(admin.id)).not.toBeNull()
  expect(deletedIdentities).toEqual([])

  const second = await givenPerson({ roles: ['admin'] })
  expect(await deleteAccount(admin)).toEqual({ ok: true })
  expect(await getProfile(admin.id)).toBeNull()
  expect(await deleteAccount(second)).toEqual({ ok: false, reason: 'last_admin' })
})

test('signing out everywhere ends every session and clears the cookie', async () => {
  const person = await givenPerson()
  await givenSession(person.id)
  await givenSession(person.id)

  const headers = await signOutEverywhere(new Request('http://localhost/account/sign-out-everywhere'), person.id)

  expect(await getDb().select().from(sessions).where(eq(sessions.userId, person.id))).toEqual([])
  expect(headers.get('Set-Cookie')).toMatch(/guth_session=;.*Max-Age=0/)
  const [audit] = await getDb().select().from(auditLog).where(eq(auditLog.action, 'account.signed_out_everywhere'))
  expect(audit).toMatchObject({ actorId: person.id, subjectId: person.id })
})

test('the data download holds the bookings and responses made with the person’s address while signed out', async () => {
  const person = await givenPerson()
  const someoneElse = await givenPerson()
  const { event } = await givenPublishedEvent()
  const booked = await bookPlace(event.id, { name: 'Ailsa', email: person.email.toUpperCase(), accessNeeds: 'A hearing loop' }, { userId: null, language: 'en' })
  expect(booked.ok).toBe(true)
  await bookPlace(event.id, { name: 'Someone', email: someoneElse.email }, { userId: null, language: 'en' })

  const { consultation, questions } = await givenConsultation({ questions: [{ kind: 'long_text', prompt: 'What should change?' }] })
  for (const [email, text] of [
    [person.email, 'More ferries in winter'],
    [someoneElse.email, 'Not mine'],
  ] as const) {
    const { draft } = await startDraft(browserRequest('/'), consultation, 'en')
    await saveRespondentInfo(draft, { respondentType: 'individual', name: 'Ailsa', organisationName: null, email, publishConsent: 'anonymous', contactConsent: false, isBslUser: null })
    await saveAnswers(draft, [{ questionId: questions[0]!.id, answer: { text, choices: [] } }])
    const sent = await submitDraft(consultation, draft.id, await listQuestions(consultation.id))
    expect(sent.ok).toBe(true)
  }

  const myData = await exportMyData(person.id)
  expect(myData.eventBookings).toEqual([
    expect.objectContaining({ event: expect.objectContaining({ slug: event.slug }), name: 'Ailsa', accessNeeds: 'A hearing loop', status: 'confirmed' }),
  ])
  expect(myData.consultationResponses).toEqual([
    expect.objectContaining({
      consultation: { slug: consultation.slug, title: consultation.title },
      status: 'submitted',
      answers: [expect.objectContaining({ question: { en: 'What should change?' }, text: 'More ferries in winter' })],
    }),
  ])
  const text = JSON.stringify(myData)
  expect(text).not.toContain(someoneElse.email)
  expect(text).not.toContain('Not mine')
})
