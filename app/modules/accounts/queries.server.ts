import { asc } from 'drizzle-orm'
import { getDb } from '~/platform/db.server'
import type { Language } from '~/platform/i18n/config'
import { organisations } from './schema'

/** The organisations on Guth, named in the reader's language where a translation exists. */
export async function listOrganisations(language: Language) {
  const rows = await getDb()
    .select({ slug: organisations.slug, name: organisations.name, website: organisations.website })
    .from(organisations)
    .orderBy(asc(organisations.slug))
  return rows
    .map((row) => ({ slug: row.slug, website: row.website, name: row.name[language] ?? row.name.en }))
    .sort((a, b) => a.name.localeCompare(b.name, language))
}
