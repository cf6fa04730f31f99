// Every route, visited by GET as every kind of person, with the status each must get.
// 302 means "sent to sign in" (or another redirect named in `redirectsTo`).

export const roles = ['anonymous', 'citizen', 'organiser', 'moderator', 'official', 'admin'] as const
export type Role = (typeof roles)[number]
export type Expected = Record<Role, number>

export interface RouteCase {
  /** The route file(s) in app/routes this case covers. */
  files: string[]
  path: string
  expect: Expected
}

const everyone = (status: number): Expected => ({
  anonymous: status,
  citizen: status,
  organiser: status,
  moderator: status,
  official: status,
  admin: status,
})

const signedIn = (status: number): Expected => ({ ...everyone(status), anonymous: 302 })
const adminOnly: Expected = { ...everyone(403), anonymous: 302, admin: 200 }

export const routeCases: RouteCase[] = [
  { files: ['_index.tsx'], path: '/', expect: everyone(200) },
  { files: ['accessibility.tsx'], path: '/accessibility', expect: everyone(200) },
  { files: ['privacy.tsx'], path: '/privacy', expect: everyone(200) },
  { files: ['cookies.tsx'], path: '/cookies', expect: everyone(200) },
  { files: ['$.tsx'], path: '/no-such-page', expect: everyone(404) },
  { files: ['language.tsx'], path: '/language', expect: everyone(302) },
  { files: ['sign-in._index.tsx'], path: '/sign-in', expect: everyone(200) },
  { files: ['sign-in.code.$attemptId.tsx'], path: '/sign-in/code/00000000-0000-4000-8000-000000000000', expect: everyone(200) },
  { files: ['sign-in.code.$attemptId.tsx'], path: '/sign-in/code/not-an-attempt', expect: everyone(404) },
  { files: ['sign-in.confirm.tsx'], path: '/sign-in/confirm?attempt=x&token=y', expect: everyone(200) },
  { files: ['sign-out.tsx'], path: '/sign-out', expect: everyone(302) },
  // The outbox exists only on a local run; the test server sends real SMTP.
  { files: ['dev.mail._index.tsx'], path: '/dev/mail', expect: everyone(404) },
  { files: ['dev.mail.$id.tsx'], path: '/dev/mail/1-abc', expect: everyone(404) },
  { files: ['account._index.tsx'], path: '/account', expect: signedIn(200) },
  { files: ['account.data.tsx'], path: '/account/data', expect: signedIn(200) },
  { files: ['account.delete.tsx'], path: '/account/delete', expect: signedIn(200) },
  { files: ['account.sign-out-everywhere.tsx'], path: '/account/sign-out-everywhere', expect: everyone(302) },
  { files: ['admin._index.tsx'], path: '/admin', expect: adminOnly },
  { files: ['admin.people._index.tsx'], path: '/admin/people', expect: adminOnly },
  { files: ['admin.people.$id.tsx'], path: '/admin/people/00000000-0000-4000-8000-000000000000', expect: { ...adminOnly, admin: 404 } },
  { files: ['admin.organisations._index.tsx'], path: '/admin/organisations', expect: adminOnly },
  { files: ['admin.organisations.$slug.tsx'], path: '/admin/organisations/scottish-ogp-civil-society-network', expect: adminOnly },
  { files: ['admin.organisations.$slug.tsx'], path: '/admin/organisations/no-such-organisation', expect: { ...adminOnly, admin: 404 } },
  { files: ['admin.audit.tsx'], path: '/admin/audit', expect: adminOnly },
  { files: ['organisations.$slug.tsx'], path: '/organisations/scottish-ogp-civil-society-network', expect: everyone(200) },
  { files: ['organisations.$slug.tsx'], path: '/organisations/no-such-organisation', expect: everyone(404) },
]
