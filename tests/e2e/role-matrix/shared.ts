// The kinds of person the role matrix visits as, and the usual sets of statuses they get.
// 302 means "sent to sign in" (or another redirect named in `redirectsTo`).

export const roles = ['anonymous', 'citizen', 'organiser', 'moderator', 'official', 'admin'] as const
export type Role = (typeof roles)[number]
export type Expected = Record<Role, number>

export interface RouteCase {
  /** The route file(s) in app/routes this case covers. */
  files: string[]
  /** `{consultation}` and `{question}` stand for the seeded local democracy consultation's ids. */
  path: string
  expect: Expected
  /** Where a 302 leads when it is not to the sign-in page. */
  redirectsTo?: string
}

export const everyone = (status: number): Expected => ({
  anonymous: status,
  citizen: status,
  organiser: status,
  moderator: status,
  official: status,
  admin: status,
})

export const signedIn = (status: number): Expected => ({ ...everyone(status), anonymous: 302 })
export const adminOnly: Expected = { ...everyone(403), anonymous: 302, admin: 200 }
export const officials: Expected = { ...everyone(403), anonymous: 302, official: 200, admin: 200 }
export const officialsFind = (status: number): Expected => ({ ...officials, official: status, admin: status })
export const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000'
export const consultation = '/consultations/local-democracy-bill'
export const respond = `${consultation}/respond`
export const manage = '/manage/consultations/{consultation}'

