import { type Actor, canActForOrganisation, hasRole, isAdmin, type OrganisationMembership } from '~/modules/accounts'

// Organisers act for an organisation they are an approved member of; moderators look after every
// event (approve, return, edit, cancel) and publish their own without review.
export const isModerator = (actor: Actor | null | undefined) => hasRole(actor, 'moderator') || isAdmin(actor)

export const canModerateEvents = isModerator

/** May change, cancel and see the attendees of an event of this organisation. */
export function canOrganise(actor: Actor | null | undefined, membership: OrganisationMembership | null) {
  return Boolean(actor) && (isModerator(actor) || canActForOrganisation(membership))
}

/** Moderators' own events skip the queue. */
export const publishesDirectly = isModerator

/** Programmes (a named series of events with a target) are created and changed by moderators. */
export const canManageProgrammes = isModerator
