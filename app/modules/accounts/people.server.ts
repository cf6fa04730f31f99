import { and, asc, count, eq, ilike, inArray, or, sql } from 'drizzle-orm'
import { getDb } from '~/platform/db.server'
import type { Language } from '~/platform/i18n/config'
import { recordAudit } from './audit.server'
import { forbidden } from './auth.server'
import { roleNames } from './forms-admin'
import { isUuid } from '~/kernel/ids'
import { type Actor, canManagePeople, type PlatformRole } from './permissions'
import { memberships, organisations, userRoles, users } from './schema'

export const PEOPLE_PAGE_SIZE = 50

type Outcome<Reason extends string> = { ok: true } | { ok: false; reason: Reason }

/** A LIKE pattern that finds `text` anywhere, with its own % and _ taken literally. */
export function containsPattern(text: string) {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

export const localName = (name: { en: string; gd?: string }, language: Language) =>
  (language === 'gd' && name.gd) || name.en

const byRoleOrder = (a: PlatformRole, b: PlatformRole) => roleNames.indexOf(a) - roleNames.indexOf(b)

async function rolesAndOrganisations(userIds: string[], language: Language) {
  if (!userIds.length) return { roles: new Map<string, PlatformRole[]>(), organisations: new Map<string, PersonOrganisation[]>() }
  const db = getDb()
  const [roleRows, membershipRows] = await Promise.all([
    db.select({ userId: userRoles.userId, role: userRoles.role }).from(userRoles).where(inArray(userRoles.userId, userIds)),
    db
      .select({
        userId: memberships.userId,
        slug: organisations.slug,
        name: organisations.name,
        role: memberships.role,
        status: memberships.status,
      })
      .from(memberships)
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(inArray(memberships.userId, userIds))
      .orderBy(asc(organisations.slug)),
  ])
  const roles = new Map<string, PlatformRole[]>()
  for (const row of roleRows) roles.set(row.userId, [...(roles.get(row.userId) ?? []), row.role].sort(byRoleOrder))
  const organisationsByUser = new Map<string, PersonOrganisation[]>()
  for (const row of membershipRows) {
    const entry = { slug: row.slug, name: localName(row.name, language), role: row.role, status: row.status }
    organisationsByUser.set(row.userId, [...(organisationsByUser.get(row.userId) ?? []), entry])
  }
  return { roles, organisations: organisationsByUser }
}

export interface PersonOrganisation {
  slug: string
  name: string
  role: 'member' | 'admin'
  status: 'pending' | 'approved'
}

/** People whose email or display name contains `q` (any case), 50 to a page. Platform admins only. */
export async function searchPeople(actor: Actor, options: { q?: string; page?: number; language: Language }) {
  if (!canManagePeople(actor)) forbidden()
  const db = getDb()
  const page = Math.max(1, options.page ?? 1)
  const q = options.q?.trim()
  const where = q ? or(ilike(users.email, containsPattern(q)), ilike(users.displayName, containsPattern(q))) : undefined
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(users).where(where)
  const rows = await db
    .select({ id: users.id, email: users.email, displayName: users.displayName, lastSignedInAt: users.lastSignedInAt })
    .from(users)
    .where(where)
    .orderBy(asc(sql`lower(coalesce(${users.displayName}, ${users.email}))`), asc(users.id))
    .limit(PEOPLE_PAGE_SIZE)
    .offset((page - 1) * PEOPLE_PAGE_SIZE)
  const extra = await rolesAndOrganisations(
    rows.map((row) => row.id),
    options.language,
  )
  return {
    people: rows.map((row) => ({
      ...row,
      roles: extra.roles.get(row.id) ?? [],
      organisations: extra.organisations.get(row.id) ?? [],
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / PEOPLE_PAGE_SIZE)),
  }
}

/** How many people have an account. Platform admins only. */
export async function countPeople(actor: Actor) {
  if (!canManagePeople(actor)) forbidden()
  const [row] = await getDb().select({ total: count() }).from(users)
  return row?.total ?? 0
}

/** One person with their roles and organisations, or null when there is no such person. Platform admins only. */
export async function getPerson(actor: Actor, id: string, language: Language) {
  if (!canManagePeople(actor)) forbidden()
  if (!isUuid(id)) return null
  const [person] = await getDb()
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      locale: users.locale,
      lastSignedInAt: users.lastSignedInAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, id))
  if (!person) return null
  const extra = await rolesAndOrganisations([person.id], language)
  return { ...person, roles: extra.roles.get(person.id) ?? [], organisations: extra.organisations.get(person.id) ?? [] }
}

/** Gives a person a platform role, recorded in the audit log. Platform admins only. */
export async function grantRole(
  actor: Actor,
  userId: string,
  role: PlatformRole,
): Promise<Outcome<'person_not_found' | 'role_already_granted'>> {
  if (!canManagePeople(actor)) forbidden()
  if (!isUuid(userId)) return { ok: false, reason: 'person_not_found' }
  return getDb().transaction(async (tx) => {
    const [person] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId))
    if (!person) return { ok: false, reason: 'person_not_found' } as const
    const granted = await tx
      .insert(userRoles)
      .values({ userId, role, grantedBy: actor.id })
      .onConflictDoNothing()
      .returning({ id: userRoles.id })
    if (!granted.length) return { ok: false, reason: 'role_already_granted' } as const
    await recordAudit(
      { actorId: actor.id, action: 'role.granted', subjectType: 'user', subjectId: userId, details: { role, email: person.email } },
      tx,
    )
    return { ok: true } as const
  })
}

/**
 * Takes a platform role away, recorded in the audit log. Platform admins only, and never their
 * own admin role: that could leave nobody able to give it back.
 */
export async function revokeRole(
  actor: Actor,
  userId: string,
  role: PlatformRole,
): Promise<Outcome<'person_not_found' | 'role_not_granted' | 'own_admin_role'>> {
  if (!canManagePeople(actor)) forbidden()
  if (role === 'admin' && userId === actor.id) return { ok: false, reason: 'own_admin_role' }
  if (!isUuid(userId)) return { ok: false, reason: 'person_not_found' }
  return getDb().transaction(async (tx) => {
    const [person] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId))
    if (!person) return { ok: false, reason: 'person_not_found' } as const
    const revoked = await tx
      .delete(userRoles)
      .where(and(eq(userRoles.userId, userId), eq(userRoles.role, role)))
      .returning({ id: userRoles.id })
    if (!revoked.length) return { ok: false, reason: 'role_not_granted' } as const
    await recordAudit(
      { actorId: actor.id, action: 'role.revoked', subjectType: 'user', subjectId: userId, details: { role, email: person.email } },
      tx,
    )
    return { ok: true } as const
  })
}
