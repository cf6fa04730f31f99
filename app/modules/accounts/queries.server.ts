import { and, asc, count, eq, inArray } from 'drizzle-orm'
import { getDb } from '~/platform/db.server'
import { publicRead } from '~/platform/public-reads.server'
import type { Language } from '~/platform/i18n/config'
import type { PlatformRole } from './permissions'
import { organisations, userRoles, users } from './schema'

/** The organisations on Guth, named in the reader's language where a translation exists. */
export function listOrganisations(language: Language) {
  // On the home page for everyone: kept until an organisation changes.
  return publicRead(['organisations'], `organisations:${language}`, async () => {
    const rows = await getDb()
      .select({ slug: organisations.slug, name: organisations.name, website: organisations.website })
      .from(organisations)
      .orderBy(asc(organisations.slug))
    return rows
      .map((row) => ({ slug: row.slug, website: row.website, name: row.name[language] ?? row.name.en }))
      .sort((a, b) => a.name.localeCompare(b.name, language))
  })
}

/** Everyone holding any of these platform roles, once each (for emails to officials), with whether they want milestone emails. */
export function listPeopleWithRoles(roles: PlatformRole[]) {
  return getDb()
    .selectDistinct({ id: users.id, email: users.email, displayName: users.displayName, locale: users.locale, notifyMilestones: users.notifyMilestones })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(inArray(userRoles.role, roles))
    .orderBy(asc(users.email))
}

/** Names and emails of these people, by id (for showing who did something). */
export async function findPeople(ids: string[]) {
  if (!ids.length) return new Map<string, { displayName: string | null; email: string }>()
  const rows = await getDb()
    .select({ id: users.id, displayName: users.displayName, email: users.email })
    .from(users)
    .where(inArray(users.id, ids))
  return new Map(rows.map((row) => [row.id, { displayName: row.displayName, email: row.email }]))
}

/** Which of these people have turned emails about changes to events they booked off (in the caller's transaction, if given). */
export async function peopleWithoutEventUpdates(ids: string[], db: Pick<ReturnType<typeof getDb>, 'select'> = getDb()) {
  if (!ids.length) return new Set<string>()
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.notifyEventUpdates, false)))
  return new Set(rows.map((row) => row.id))
}

/** True while nobody has an account: a fresh embedded database that start-up fills with demo content. */
export async function hasNoPeople() {
  const [row] = await getDb().select({ n: count() }).from(users)
  return (row?.n ?? 0) === 0
}

/** The organisation's id for its slug, or null: for other modules that link rows to an organisation. */
export async function organisationIdBySlug(slug: string) {
  const [row] = await getDb().select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, slug))
  return row?.id ?? null
}

/** Whether someone has an account with this id. */
export async function personExists(userId: string) {
  const [row] = await getDb().select({ id: users.id }).from(users).where(eq(users.id, userId))
  return Boolean(row)
}
