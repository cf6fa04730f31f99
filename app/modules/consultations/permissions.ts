import { type Actor, hasRole } from '~/modules/accounts'

// Officials write and run consultations; admins may too. Both may read respondents' personal data.
export const canManageConsultations = (actor: Actor | null | undefined) => hasRole(actor, 'official') || hasRole(actor, 'admin')
export const canSeePersonalData = canManageConsultations
