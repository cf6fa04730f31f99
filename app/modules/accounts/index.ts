// The accounts module's public face for routes and other modules.
export { getOptionalUser, requireMember, requireRole, requireUser, forbidden, findMembership } from './auth.server'
export { recordAudit } from './audit.server'
export { endAllSessions, endSession, type SignedInUser } from './sessions.server'
export { requestSignIn, verifySignInCode, verifySignInLink } from './sign-in.server'
export { unsubscribeUrl } from './unsubscribe.server'
export { peopleWithoutEventUpdates } from './queries.server'
