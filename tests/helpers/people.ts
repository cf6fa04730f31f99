import { randomUUID } from 'node:crypto'
import type { SignedInUser } from '~/modules/accounts/index.server'
import type { PlatformRole } from '~/modules/accounts/permissions'
import { userRoles, users } from '~/modules/accounts/schema'
import { getDb } from '~/platform/db.server'

export interface PersonOptions {
  roles?: PlatformRole[]
  /** The display name; null for someone who never gave one. Default "Person <random>". */
  name?: string | null
  /** Default `<name>-<random>@example.org`, lower case. */
  email?: string
  locale?: 'en' | 'gd'
}

/** Someone signed up (a real users row), with the platform roles given. */
export async function givenPerson(options: PersonOptions = {}) {
  const tag = randomUUID().slice(0, 8)
  const name = options.name === undefined ? `Person ${tag}` : options.name
  const email = options.email ?? `${(name ?? 'person').toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${tag}@example.org`
  const roles = options.roles ?? []
  const [user] = await getDb()
    .insert(users)
    .values({ email, displayName: name, locale: options.locale ?? 'en' })
    .returning()
  for (const role of roles) await getDb().insert(userRoles).values({ userId: user!.id, role })
  return { ...user!, roles }
}

export type GivenPerson = Awaited<ReturnType<typeof givenPerson>>

/** The person as a route sees them once signed in, for module functions that take a SignedInUser. */
export function asSignedInUser(person: GivenPerson): SignedInUser {
  return { id: person.id, email: person.email, displayName: person.displayName, locale: person.locale, roles: [...person.roles] as SignedInUser['roles'], sessionId: '', sessionVerifiedAt: new Date() }
}
