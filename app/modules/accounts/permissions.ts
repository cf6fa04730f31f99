// Who may do what, as plain functions: used by commands (to refuse) and by pages (to offer).

export type PlatformRole = 'moderator' | 'official' | 'admin'

export interface Actor {
  id: string
  roles: readonly PlatformRole[]
}

export interface OrganisationMembership {
  role: 'member' | 'admin'
  status: 'pending' | 'approved'
}

export const hasRole = (actor: Actor | null | undefined, role: PlatformRole) =>
  Boolean(actor?.roles.includes(role))

export const isAdmin = (actor: Actor | null | undefined) => hasRole(actor, 'admin')

export const canManagePeople = isAdmin
export const canCreateOrganisation = isAdmin
export const canReadAuditLog = isAdmin

/** Approving join requests and managing members: the organisation's own admins, or a platform admin. */
export function canManageOrganisation(actor: Actor | null | undefined, membership: OrganisationMembership | null) {
  if (isAdmin(actor)) return true
  return membership?.status === 'approved' && membership.role === 'admin'
}

/** Organiser rights (scheduling events for the organisation) come from approved membership. */
export function canActForOrganisation(membership: OrganisationMembership | null) {
  return membership?.status === 'approved'
}

/** Anyone signed in may ask to join an organisation; approval is up to its admins. */
export const canAskToJoin = (actor: Actor | null | undefined) => Boolean(actor)

/** Platform admins change roles, but never take away their own admin role (nobody would be left to give it back). */
export function canRevokeRole(actor: Actor | null | undefined, subjectId: string, role: PlatformRole) {
  return isAdmin(actor) && !(role === 'admin' && actor?.id === subjectId)
}
