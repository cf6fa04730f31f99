// The accounts module's public face for server code: queries, commands, read models. Never import it
// from code that runs in the browser (a component); index.ts holds what may.

import './jobs.server'
export { auditFilterChoices, countAuditEntries, formatLondon, listAudit } from './audit-queries.server'
export { recordAudit } from './audit.server'
export { findMembership, forbidden, getOptionalUser, requireMember, requireRole, requireUser } from './auth.server'
export { changeMembership, countOrganisations, createOrganisation, getOrganisationManagement, getOrganisationPage, listOrganisationsWithCounts, membershipDoneKeys, membershipRefusalKey } from './organisations.server'
export { countPeople, getPerson, grantRole, revokeRole, searchPeople } from './people.server'
export { deleteAccount, exportAccountData, getProfile, isLastAdmin, signOutEverywhere, updateProfile } from './profile.server'
export { findPeople, hasNoPeople, listOrganisations, listPeopleWithRoles, organisationIdBySlug, peopleWithoutEventUpdates, personExists } from './queries.server'
export { endAllSessions, endSession, findSessionUser, type SignedInUser } from './sessions.server'
export { requestSignIn, verifySignInCode, verifySignInLink } from './sign-in.server'
export { findUnsubscribe, readUnsubscribeToken, unsubscribe, unsubscribeUrl } from './unsubscribe.server'

