import { eq } from 'drizzle-orm'
import type { Actor } from '~/modules/accounts/permissions'
import { postComment } from '~/modules/comments/commands.server'
import { consultations } from '~/modules/consultations/schema'
import { getDb } from '~/platform/db.server'
import { givenConsultation } from './consultations'

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
