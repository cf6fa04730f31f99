import { and, asc, count, eq, ne, sql } from 'drizzle-orm'
import { slugify } from '~/kernel/slugs'
import { getDb } from '~/platform/db.server'
import type { Language } from '~/platform/i18n/config'
import { recordAudit } from './audit.server'
import { forbidden } from './auth.server'
import type { CreateOrganisationInput, MembershipAction } from './forms-admin'
import { localName } from './people.server'
import { type Actor, canAskToJoin, canCreateOrganisation, canManageOrganisation, isAdmin } from './permissions'
import { memberships, organisations, users } from './schema'

type Db = ReturnType<typeof getDb>
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

async function findOrganisation(db: Db | Tx, slug: string) {
  const [organisation] = await db.select().from(organisations).where(eq(organisations.slug, slug))
  return organisation ?? null
}

async function membershipOf(db: Db | Tx, organisationId: string, userId: string) {
  const [membership] = await db
    .select({ id: memberships.id, role: memberships.role, status: memberships.status })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
  return membership ?? null
}

/** How many organisations there are. Platform admins only. */
export async function countOrganisations(actor: Actor) {
  if (!isAdmin(actor)) forbidden()
  const [row] = await getDb().select({ total: count() }).from(organisations)
  return row?.total ?? 0
}

/** Every organisation with its number of members and of requests waiting. Platform admins only. */
export async function listOrganisationsWithCounts(actor: Actor, language: Language) {
  if (!isAdmin(actor)) forbidden()
  const rows = await getDb()
    .select({
      slug: organisations.slug,
      name: organisations.name,
      members: sql<number>`count(${memberships.id}) filter (where ${memberships.status} = 'approved')`.mapWith(Number),
      pending: sql<number>`count(${memberships.id}) filter (where ${memberships.status} = 'pending')`.mapWith(Number),
    })
    .from(organisations)
    .leftJoin(memberships, eq(memberships.organisationId, organisations.id))
    .groupBy(organisations.id)
  return rows
    .map((row) => ({ ...row, name: localName(row.name, language) }))
    .sort((a, b) => a.name.localeCompare(b.name, language))
}

/**
 * Adds an organisation; the slug is the one given or one made from the English name, and must
 * be unused. Platform admins only.
 */
export async function createOrganisation(
  actor: Actor,
  input: CreateOrganisationInput,
): Promise<{ ok: true; slug: string } | { ok: false; reason: 'slug_taken' | 'slug_missing' }> {
  if (!canCreateOrganisation(actor)) forbidden()
  const slug = input.slug || slugify(input.nameEn, 60)
  if (!slug) return { ok: false, reason: 'slug_missing' }
  return getDb().transaction(async (tx) => {
    const [created] = await tx
      .insert(organisations)
      .values({
        slug,
        name: { en: input.nameEn, ...(input.nameGd ? { gd: input.nameGd } : {}) },
        description: input.descriptionEn
          ? { en: input.descriptionEn, ...(input.descriptionGd ? { gd: input.descriptionGd } : {}) }
          : null,
        website: input.website ?? null,
      })
      .onConflictDoNothing({ target: organisations.slug })
      .returning({ id: organisations.id })
    if (!created) return { ok: false, reason: 'slug_taken' } as const
    await recordAudit(
      { actorId: actor.id, action: 'organisation.created', subjectType: 'organisation', subjectId: created.id, details: { slug, name: input.nameEn } },
      tx,
    )
    return { ok: true, slug } as const
  })
}

async function membersOf(organisationId: string) {
  return getDb()
    .select({
      userId: users.id,
      displayName: users.displayName,
      email: users.email,
      role: memberships.role,
      status: memberships.status,
      since: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(sql`lower(coalesce(${users.displayName}, ${users.email}))`))
}

export type OrganisationMember = Awaited<ReturnType<typeof membersOf>>[number]

function management(members: OrganisationMember[]) {
  return {
    members: members.filter((member) => member.status === 'approved'),
    pending: members.filter((member) => member.status === 'pending'),
  }
}

/**
 * An organisation's public page: who it is and its approved members' names (never emails); what
 * the viewer may do; and, for those who manage it, members and requests in full. Null if unknown.
 */
export async function getOrganisationPage(viewer: Actor | null, slug: string, language: Language) {
  const organisation = await findOrganisation(getDb(), slug)
  if (!organisation) return null
  const members = await membersOf(organisation.id)
  const own = viewer ? (members.find((member) => member.userId === viewer.id) ?? null) : null
  const manages = canManageOrganisation(viewer, own)
  const approved = members.filter((member) => member.status === 'approved')
  return {
    slug: organisation.slug,
    name: localName(organisation.name, language),
    description: organisation.description ? localName(organisation.description, language) : null,
    website: organisation.website,
    memberNames: approved.flatMap((member) => (member.displayName ? [member.displayName] : [])),
    unnamedMembers: approved.filter((member) => !member.displayName).length,
    viewerMembership: own ? { role: own.role, status: own.status } : null,
    canAskToJoin: canAskToJoin(viewer) && !own,
    management: manages ? management(members) : null,
  }
}

/** Members and requests of one organisation, for those who manage it; null if unknown. */
export async function getOrganisationManagement(actor: Actor, slug: string, language: Language) {
  const organisation = await findOrganisation(getDb(), slug)
  if (!organisation) {
    if (!isAdmin(actor)) forbidden()
    return null
  }
  if (!canManageOrganisation(actor, await membershipOf(getDb(), organisation.id, actor.id))) forbidden()
  return {
    slug: organisation.slug,
    name: localName(organisation.name, language),
    website: organisation.website,
    ...management(await membersOf(organisation.id)),
  }
}

export type MembershipOutcome =
  | { ok: true; done: 'requested' | 'approved' | 'rejected' | 'madeAdmin' | 'madeMember' | 'removed' }
  | { ok: false; reason: 'organisation_not_found' | 'already_member' | 'request_not_found' | 'member_not_found' | 'last_admin' }

/**
 * One change to an organisation's membership: someone asking to join, or its admins (or a
 * platform admin) approving, rejecting, promoting, demoting or removing. Throws 403 for anyone else.
 */
export async function changeMembership(actor: Actor, slug: string, action: MembershipAction): Promise<MembershipOutcome> {
  return getDb().transaction(async (tx): Promise<MembershipOutcome> => {
    if (action.intent === 'join' && !canAskToJoin(actor)) forbidden()
    const organisation = await findOrganisation(tx, slug)
    if (!organisation) return { ok: false, reason: 'organisation_not_found' }
    const audit = (name: string, membershipId: string, userId: string, details: Record<string, unknown> = {}) =>
      recordAudit(
        {
          actorId: actor.id,
          action: name,
          subjectType: 'membership',
          subjectId: membershipId,
          details: { organisation: slug, userId, ...details },
        },
        tx,
      )

    if (action.intent === 'join') {
      const existing = await membershipOf(tx, organisation.id, actor.id)
      if (existing?.status === 'approved') return { ok: false, reason: 'already_member' }
      // Asking again while the first request waits changes nothing.
      if (existing) return { ok: true, done: 'requested' }
      const [created] = await tx
        .insert(memberships)
        .values({ organisationId: organisation.id, userId: actor.id })
        .onConflictDoNothing()
        .returning({ id: memberships.id })
      if (created) await audit('membership.requested', created.id, actor.id)
      return { ok: true, done: 'requested' }
    }

    if (!canManageOrganisation(actor, await membershipOf(tx, organisation.id, actor.id))) forbidden()
    const target = await membershipOf(tx, organisation.id, action.userId)
    const where = and(eq(memberships.organisationId, organisation.id), eq(memberships.userId, action.userId))

    if (action.intent === 'approve' || action.intent === 'reject') {
      if (target?.status !== 'pending') return { ok: false, reason: 'request_not_found' }
      if (action.intent === 'approve') {
        await tx.update(memberships).set({ status: 'approved' }).where(where)
        await audit('membership.approved', target.id, action.userId)
        return { ok: true, done: 'approved' }
      }
      await tx.delete(memberships).where(where)
      await audit('membership.rejected', target.id, action.userId)
      return { ok: true, done: 'rejected' }
    }

    if (target?.status !== 'approved') return { ok: false, reason: 'member_not_found' }
    if (action.intent === 'makeAdmin') {
      if (target.role !== 'admin') {
        await tx.update(memberships).set({ role: 'admin' }).where(where)
        await audit('membership.role_changed', target.id, action.userId, { from: target.role, to: 'admin' })
      }
      return { ok: true, done: 'madeAdmin' }
    }
    // An organisation must keep an admin of its own, unless a platform admin is deciding.
    if (target.role === 'admin' && !isAdmin(actor)) {
      const [others] = await tx
        .select({ total: count() })
        .from(memberships)
        .where(
          and(
            eq(memberships.organisationId, organisation.id),
            eq(memberships.role, 'admin'),
            eq(memberships.status, 'approved'),
            ne(memberships.userId, action.userId),
          ),
        )
      if (!others?.total) return { ok: false, reason: 'last_admin' }
    }
    if (action.intent === 'makeMember') {
      if (target.role !== 'member') {
        await tx.update(memberships).set({ role: 'member' }).where(where)
        await audit('membership.role_changed', target.id, action.userId, { from: target.role, to: 'member' })
      }
      return { ok: true, done: 'madeMember' }
    }
    await tx.delete(memberships).where(where)
    await audit('membership.removed', target.id, action.userId, { role: target.role })
    return { ok: true, done: 'removed' }
  })
}

const membershipRefusals = {
  already_member: 'admin:errors.alreadyMember',
  request_not_found: 'admin:errors.requestNotFound',
  member_not_found: 'admin:errors.memberNotFound',
  last_admin: 'admin:errors.lastAdmin',
} as const

/** What to tell someone whose membership change was refused (an unknown organisation is a 404 instead). */
export const membershipRefusalKey = (reason: keyof typeof membershipRefusals) => membershipRefusals[reason]

export const membershipDoneKeys = ['requested', 'approved', 'rejected', 'madeAdmin', 'madeMember', 'removed'] as const
