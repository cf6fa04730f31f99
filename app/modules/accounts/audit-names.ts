import type { TFunction } from 'i18next'

/** The name of an audit action in the reader's language; an action without one shows its code. */
export function auditActionName(t: TFunction, action: string) {
  return t(`admin:audit.actions.${action}`, { defaultValue: action })
}
