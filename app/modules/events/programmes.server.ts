import { fieldErrors } from '~/kernel/form-errors'
import { and, asc, eq, ne } from 'drizzle-orm'
import { recordAudit, forbidden } from '~/modules/accounts/index.server'
import type { Actor } from '~/modules/accounts'
import { isUuid } from '~/kernel/ids'
import { slugify } from '~/kernel/slugs'
import { getDb } from '~/platform/db.server'
import { type ProgrammeField, type ProgrammeInput, ProgrammeSchema } from './forms'
import { canManageProgrammes } from './permissions'
import { programmes } from './schema'

type Invalid = { ok: false; reason: 'invalid'; fieldErrors: Partial<Record<ProgrammeField, string[]>> }
export type ProgrammeOutcome = { ok: true; id: string; slug: string } | Invalid | { ok: false; reason: 'not_found' }

const invalid = (fieldErrors: Invalid['fieldErrors']): Invalid => ({ ok: false, reason: 'invalid', fieldErrors })
const slugTaken = () => invalid({ slug: ['events:errors.slugTaken'] })

/** Refuses (403) anyone but moderators and admins. */
export function assertMayManageProgrammes(actor: Actor | null | undefined): asserts actor is Actor {
  if (!canManageProgrammes(actor)) forbidden()
}

const isUniqueViolation = (error: unknown) => {
  const cause = (error as { cause?: { code?: string } })?.cause ?? error
  return (cause as { code?: string })?.code === '23505'
}

/** The form's values checked, with the web address made from the title when left empty. */
function readProgramme(input: unknown) {
  // Empty fields count as not given, as conform sends them.
  const given = Object.fromEntries(Object.entries((input ?? {}) as Record<string, unknown>).map(([key, value]) => [key, typeof value === 'string' && !value.trim() ? undefined : value]))
  const parsed = ProgrammeSchema.safeParse(given)
  if (!parsed.success) return invalid(fieldErrors<ProgrammeField>(parsed.error.issues))
  const { name, description, nameGd, descriptionGd, target } = parsed.data
  const slug = parsed.data.slug || slugify(name)
  if (!slug) return invalid({ slug: ['events:errors.slugMissing'] })
  return { ok: true as const, slug, values: { slug, name, description: description || null, nameGd: nameGd || null, descriptionGd: descriptionGd || null, targetEvents: target } }
}

/** Every programme for the moderators' list, by name. */
export async function listProgrammesToManage(actor: Actor) {
  assertMayManageProgrammes(actor)
  return getDb()
    .select({ id: programmes.id, slug: programmes.slug, name: programmes.name, target: programmes.targetEvents })
    .from(programmes)
    .orderBy(asc(programmes.name))
}

/** A programme and its form's values, for its edit page; 404 when there is none. */
export async function programmeForEditing(actor: Actor, id: string) {
  assertMayManageProgrammes(actor)
  const [programme] = isUuid(id) ? await getDb().select().from(programmes).where(eq(programmes.id, id)) : []
  if (!programme) throw new Response('Not Found', { status: 404 })
  const values: ProgrammeInput = { name: programme.name, slug: programme.slug, description: programme.description ?? '', nameGd: programme.nameGd ?? '', descriptionGd: programme.descriptionGd ?? '', target: programme.targetEvents }
  return { programme, values }
}

/** Creates a programme (moderators and admins); a web address already in use is refused. */
export async function createProgramme(actor: Actor, input: ProgrammeInput): Promise<ProgrammeOutcome> {
  assertMayManageProgrammes(actor)
  const read = readProgramme(input)
  if (!read.ok) return read
  try {
    return await getDb().transaction(async (tx) => {
      const [created] = await tx.insert(programmes).values(read.values).onConflictDoNothing({ target: programmes.slug }).returning({ id: programmes.id })
      if (!created) return slugTaken()
      await recordAudit({ actorId: actor.id, action: 'programme.created', subjectType: 'programme', subjectId: created.id, details: { slug: read.slug, target: read.values.targetEvents } }, tx)
      return { ok: true as const, id: created.id, slug: read.slug }
    })
  } catch (error) {
    if (isUniqueViolation(error)) return slugTaken()
    throw error
  }
}

/** Changes a programme's title, web address, description or target (moderators and admins). */
export async function updateProgramme(actor: Actor, id: string, input: ProgrammeInput): Promise<ProgrammeOutcome> {
  assertMayManageProgrammes(actor)
  const read = readProgramme(input)
  if (!read.ok) return read
  if (!isUuid(id)) return { ok: false, reason: 'not_found' }
  try {
    return await getDb().transaction(async (tx) => {
      const [current] = await tx.select().from(programmes).where(eq(programmes.id, id)).for('update')
      if (!current) return { ok: false as const, reason: 'not_found' as const }
      const [taken] = await tx
        .select({ id: programmes.id })
        .from(programmes)
        .where(and(eq(programmes.slug, read.slug), ne(programmes.id, id)))
      if (taken) return slugTaken()
      await tx.update(programmes).set(read.values).where(eq(programmes.id, id))
      const changed = (['slug', 'name', 'description', 'nameGd', 'descriptionGd', 'targetEvents'] as const).filter((field) => current[field] !== read.values[field])
      await recordAudit({ actorId: actor.id, action: 'programme.updated', subjectType: 'programme', subjectId: id, details: { slug: read.slug, changed } }, tx)
      return { ok: true as const, id, slug: read.slug }
    })
  } catch (error) {
    if (isUniqueViolation(error)) return slugTaken()
    throw error
  }
}
