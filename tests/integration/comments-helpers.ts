import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { Actor, PlatformRole } from '~/modules/accounts/permissions'
import { userRoles, users } from '~/modules/accounts/schema'
import { postComment } from '~/modules/comments/commands.server'
import { consultations } from '~/modules/consultations/schema'
import { getDb } from '~/platform/db.server'
import { givenConsultation } from '../helpers/consultations'

/** Someone signed up, with the platform roles given. */
export async function givenPerson(name: string, roles: PlatformRole[] = []): Promise<Actor & { email: string }> {
  const email = `${name.toLowerCase()}-${randomUUID().slice(0, 8)}@example.org`
  const [user] = await getDb().insert(users).values({ email, displayName: name }).returning()
  for (const role of roles) await getDb().insert(userRoles).values({ userId: user!.id, role })
  return { id: user!.id, roles, email }
}

export const PARAGRAPH = 'p-abc1234567'
export const SECOND_PARAGRAPH = 'p-def1234567'

/** An open consultation whose paper has two paragraphs (with block ids comments can anchor to). */
export async function givenDiscussion(options: { closesAt?: Date } = {}) {
  const { consultation } = await givenConsultation({ closesAt: options.closesAt })
  const body = {
    type: 'doc',
    content: [
      { type: 'paragraph', attrs: { id: PARAGRAPH }, content: [{ type: 'text', text: 'Section 1 gives councils a duty.' }] },
      { type: 'paragraph', attrs: { id: SECOND_PARAGRAPH }, content: [{ type: 'text', text: 'Section 2 sets up panels.' }] },
    ],
  }
  await getDb().update(consultations).set({ body }).where(eq(consultations.id, consultation.id))
  return consultation
}

/** Posts and insists it worked (the rate limit is per person, so tests spread posts over people). */
export async function say(actor: Actor, subjectId: string, body: string, extra: { parentId?: string; anchor?: string } = {}) {
  const result = await postComment(actor, { subjectType: 'consultation', subjectId, body, ...extra })
  if (!result.ok) throw new Error(`comment refused: ${result.reason}`)
  return result.id
}
