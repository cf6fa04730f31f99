// The accounts module's public face for anything, browser included: types, permissions, pure functions,
// form parsing. Server code is in index.server.ts. Other modules and routes import only these two
// faces (or schema.ts for foreign keys and types); see docs/decisions/020-module-shape.md.

export { auditActionName } from './audit-names'
export { CodeSchema, EmailSchema, SignInSchema } from './forms'
export { AuditFilterSchema, CreateOrganisationSchema, MembershipActionSchema, pageFrom, RoleChangeSchema, roleNames } from './forms-admin'
export { DeleteAccountSchema, type EmailChoice, ProfileSchema } from './forms-profile'
export { requestLimitNotice, signInFailureNotice } from './messages'
export { type Actor, canActForOrganisation, canRevokeRole, hasRole, isAdmin, type OrganisationMembership, type PlatformRole } from './permissions'
