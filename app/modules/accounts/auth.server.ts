import { and, eq } from 'drizzle-orm'
import { getAuthGateway } from '~/platform/auth-gateway.server'
import { getDb } from '~/platform/db.server'
import { type PlatformRole, canActForOrganisation, canManageOrganisation, hasRole } from './permissions'
import { memberships } from './schema'
import { endSession, findSessionUser, markSessionVerified, type SignedInUser, signInRedirect } from './sessions.server'

// How long a session is trusted before Guth asks the identity provider again (Supabase only).
const REVERIFY_MS = 10 * 60_000

/**
 * The signed-in person, or null. With Supabase, re-confirmed with getUser() every few minutes;
 * refreshed Supabase cookies are added to `responseHeaders` when given (the root loader does).
 */
export async function getOptionalUser(request: Request, responseHeaders?: Headers): Promise<SignedInUser | null> {
  const user = await findSessionUser(request)
  if (!user) return null
  if (Date.now() - user.sessionVerifiedAt.getTime() > REVERIFY_MS) {
    const gateway = await getAuthGateway()
    if (gateway.kind !== 'embedded') {
      const confirmed = await gateway.confirmIdentity(request)
      confirmed.headers?.forEach((value, name) => responseHeaders?.append(name, value))
      if (!confirmed.ok) {
        responseHeaders?.append('Set-Cookie', await endSession(request))
        return null
      }
      await markSessionVerified(user.sessionId)
    }
  }
  return user
}

/** The signed-in person; anyone else is sent to sign in and brought back here afterwards. */
export async function requireUser(request: Request): Promise<SignedInUser> {
  const user = await getOptionalUser(request)
  if (!user) throw signInRedirect(request)
  return user
}

export function forbidden(): never {
  throw new Response('Forbidden', { status: 403 })
}

/** Refuses (403) anyone without the platform role. */
export function requireRole(user: SignedInUser, role: PlatformRole) {
  if (!hasRole(user, role)) forbidden()
  return user
}

export async function findMembership(userId: string, organisationId: string) {
  const [membership] = await getDb()
    .select({ role: memberships.role, status: memberships.status })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)))
  return membership ?? null
}

/**
 * Refuses (403) anyone who is not an approved member of the organisation; with `manage`, only
 * its admins (or a platform admin) pass.
 */
export async function requireMember(user: SignedInUser, organisationId: string, options: { manage?: boolean } = {}) {
  const membership = await findMembership(user.id, organisationId)
  const allowed = options.manage ? canManageOrganisation(user, membership) : canActForOrganisation(membership)
  if (!allowed) forbidden()
  return membership
}
