import { and, asc, eq, gt, or, sql } from 'drizzle-orm'
import { getAuthGateway } from '~/platform/auth-gateway.server'
import { getDb } from '~/platform/db.server'
import { getTranslator } from '~/platform/i18n/i18next.server'
import { recordAudit } from './audit.server'
import { ProfileSchema } from './forms-profile'
import { auditLog, memberships, organisations, sessions, signInAttempts, userRoles, users } from './schema'
import { endAllSessions } from './sessions.server'

// Only officials and admins are told when a consultation opens or closes.
const getsMilestoneEmails = (userId: string) =>
  sql<boolean>`exists (select 1 from ${userRoles} where ${userRoles.userId} = ${userId} and ${userRoles.role} in ('official', 'admin'))`

/** What the person can see and change on their account page. */
export async function getProfile(userId: string) {
  const [profile] = await getDb()
    .select({
      email: users.email,
      displayName: users.displayName,
      locale: users.locale,
      notifyReplies: users.notifyReplies,
      notifyEventUpdates: users.notifyEventUpdates,
      notifyMilestones: users.notifyMilestones,
      getsMilestoneEmails: getsMilestoneEmails(userId),
    })
    .from(users)
    .where(eq(users.id, userId))
  return profile ?? null
}

/** Saves name, language and email choices; invalid input changes nothing and says why. */
export async function updateProfile(userId: string, input: unknown) {
  const parsed = ProfileSchema.safeParse(input)
  if (!parsed.success) {
    return { ok: false as const, reason: 'invalid' as const, errors: parsed.error.flatten().fieldErrors }
  }
  const { displayName, locale, notify } = parsed.data
  await getDb()
    .update(users)
    .set({
      displayName,
      locale,
      notifyReplies: notify.includes('replies'),
      notifyEventUpdates: notify.includes('eventUpdates'),
      // The choice is offered only to people who get these emails; for others it stays as it was.
      notifyMilestones: sql`case when ${getsMilestoneEmails(userId)} then ${notify.includes('milestones')} else ${users.notifyMilestones} end`,
    })
    .where(eq(users.id, userId))
  return { ok: true as const, locale }
}

/** Ends every session the person has, here and at the identity provider. Returns the Set-Cookie headers. */
export async function signOutEverywhere(request: Request, userId: string) {
  const headers = new Headers((await (await getAuthGateway()).signOut(request, 'global')) ?? undefined)
  await recordAudit({ actorId: userId, action: 'account.signed_out_everywhere', subjectType: 'user', subjectId: userId })
  headers.append('Set-Cookie', await endAllSessions(userId))
  return headers
}

export interface ExportSubject {
  id: string
  email: string
}

// One function per part of the download that accounts holds. The parts other modules hold
// (responses, comments, bookings) are added where the download is put together,
// app/personal-data.server.ts, so that accounts imports none of them.
const exportSections = {
  profile: async (person: ExportSubject) => {
    const [row] = await getDb().select().from(users).where(eq(users.id, person.id))
    return {
      email: row!.email,
      displayName: row!.displayName,
      language: row!.locale,
      emailNotifications: { replies: row!.notifyReplies, eventUpdates: row!.notifyEventUpdates, milestones: row!.notifyMilestones },
      createdAt: row!.createdAt,
      updatedAt: row!.updatedAt,
      lastSignedInAt: row!.lastSignedInAt,
    }
  },

  platformRoles: (person: ExportSubject) =>
    getDb()
      .select({ role: userRoles.role, since: userRoles.createdAt })
      .from(userRoles)
      .where(eq(userRoles.userId, person.id))
      .orderBy(asc(userRoles.createdAt)),

  organisationMemberships: (person: ExportSubject) =>
    getDb()
      .select({
        organisation: { slug: organisations.slug, name: organisations.name },
        role: memberships.role,
        status: memberships.status,
        since: memberships.createdAt,
      })
      .from(memberships)
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(eq(memberships.userId, person.id))
      .orderBy(asc(memberships.createdAt)),

  // Session ids are bearer secrets: never part of the download.
  activeSessions: (person: ExportSubject) =>
    getDb()
      .select({ createdAt: sessions.createdAt, expiresAt: sessions.expiresAt, userAgent: sessions.userAgent })
      .from(sessions)
      .where(and(eq(sessions.userId, person.id), gt(sessions.expiresAt, new Date())))
      .orderBy(asc(sessions.createdAt)),

  // Likewise the code and link hashes.
  signInAttempts: (person: ExportSubject) =>
    getDb()
      .select({ createdAt: signInAttempts.createdAt, expiresAt: signInAttempts.expiresAt, usedAt: signInAttempts.usedAt })
      .from(signInAttempts)
      .where(sql`lower(${signInAttempts.email}) = lower(${person.email})`)
      .orderBy(asc(signInAttempts.createdAt)),

  auditLog: (person: ExportSubject) =>
    getDb()
      .select({
        action: auditLog.action,
        subjectType: auditLog.subjectType,
        subjectId: auditLog.subjectId,
        at: auditLog.createdAt,
        details: auditLog.details,
      })
      .from(auditLog)
      .where(
        or(eq(auditLog.actorId, person.id), and(eq(auditLog.subjectType, 'user'), eq(auditLog.subjectId, person.id))),
      )
      .orderBy(asc(auditLog.createdAt)),
} satisfies Record<string, (person: ExportSubject) => Promise<unknown>>

type ExportSections = { [K in keyof typeof exportSections]: Awaited<ReturnType<(typeof exportSections)[K]>> }

/** The account's part of the person's download (the right of access), with who it is for. */
export async function exportAccountData(userId: string) {
  const [person] = await getDb().select({ id: users.id, email: users.email, locale: users.locale }).from(users).where(eq(users.id, userId))
  if (!person) throw new Error(`No user ${userId}`)
  const t = await getTranslator(person.locale, 'account')
  const entries = await Promise.all(
    Object.entries(exportSections).map(async ([name, read]) => [name, await read(person)] as const),
  )
  return {
    person,
    about: t('data.about'),
    generatedAt: new Date(),
    sections: Object.fromEntries(entries) as ExportSections,
  }
}

/** Whether the person is the only platform admin left (who then may not delete their account). */
export async function isLastAdmin(userId: string) {
  const admins = await getDb().select({ userId: userRoles.userId }).from(userRoles).where(eq(userRoles.role, 'admin'))
  return admins.length === 1 && admins[0]!.userId === userId
}

/**
 * Deletes the account: the person, their sessions, memberships and roles, and their sign-in
 * attempts; the audit log keeps that an account was deleted, not whose. Refused for the last
 * platform admin, or nobody could administer Guth.
 */
export async function deleteAccount(user: { id: string; email: string }) {
  const outcome = await getDb().transaction(async (tx) => {
    // Locking the admin rows makes two last admins deleting at once take turns.
    const admins = await tx
      .select({ userId: userRoles.userId })
      .from(userRoles)
      .where(eq(userRoles.role, 'admin'))
      .for('update')
    if (admins.length === 1 && admins[0]!.userId === user.id) return { ok: false as const, reason: 'last_admin' as const }
    await recordAudit({ actorId: null, action: 'account.deleted', subjectType: 'user', subjectId: user.id }, tx)
    // Admin actions on the person wrote their address down (role.granted…); the record of the
    // action stays, the address goes.
    await tx
      .update(auditLog)
      .set({ details: sql`${auditLog.details} - 'email'` })
      .where(and(eq(auditLog.subjectType, 'user'), eq(auditLog.subjectId, user.id)))
    await tx.delete(users).where(eq(users.id, user.id))
    await tx.delete(signInAttempts).where(sql`lower(${signInAttempts.email}) = lower(${user.email})`)
    return { ok: true as const }
  })
  if (outcome.ok) await (await getAuthGateway()).deleteIdentity({ email: user.email, externalId: user.id })
  return outcome
}
