import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { postComment } from '~/modules/comments/commands.server'
import { countCommentsByBlock, loadThreadPage } from '~/modules/comments/queries.server'
import { getPublicConsultation, listQuestions } from '~/modules/consultations/queries.server'
import { consultations } from '~/modules/consultations/schema'
import { getDb } from '~/platform/db.server'
import { givenConsultation } from '../helpers/consultations'
import { withTestDatabase } from '../helpers/db'
import { givenPerson } from '../helpers/people'
import { givenDiscussion, PARAGRAPH } from '../helpers/comments'

// Public reads are kept until the database says their table changed (docs/decisions/018).
const database = withTestDatabase()

test('a consultation edited through the app is read afresh at once', async () => {
  const { consultation } = await givenConsultation()
  expect((await getPublicConsultation(consultation.slug))?.consultation.title.en).toBe(`Consultation ${consultation.slug}`)
  await getDb().update(consultations).set({ title: { en: 'Renamed' } }).where(eq(consultations.id, consultation.id))
  expect((await getPublicConsultation(consultation.slug))?.consultation.title.en).toBe('Renamed')
  // Retracted: no longer public, at once.
  await getDb().update(consultations).set({ retractedAt: new Date() }).where(eq(consultations.id, consultation.id))
  expect(await getPublicConsultation(consultation.slug)).toBeNull()
})

test('a change the app did not send itself (another process, a trigger, an operator) arrives as a notice', async () => {
  const { consultation } = await givenConsultation()
  expect((await listQuestions(consultation.id)).map((q) => q.prompt.en)).toEqual(['What do you think?'])
  // A DO block is not an insert, update or delete this process can see: only the table's notice tells.
  await database.current.exec(`DO $$ BEGIN UPDATE questions SET prompt = '{"en": "Changed elsewhere"}'::jsonb WHERE consultation_id = '${consultation.id}'; END $$`)
  await expect.poll(async () => (await listQuestions(consultation.id)).map((q) => q.prompt.en)).toEqual(['Changed elsewhere'])
})

test('what is kept is shared, so it cannot be changed by the code that reads it', async () => {
  const { consultation } = await givenConsultation()
  const found = await getPublicConsultation(consultation.slug)
  expect(() => {
    ;(found!.documents as unknown[]).push({})
  }).toThrow(TypeError)
  expect(() => {
    ;(found!.consultation as { team: string }).team = 'Someone else'
  }).toThrow(TypeError)
  expect((await getPublicConsultation(consultation.slug))?.consultation.team).toBe('Test Team')
})

test('an anonymous reader sees a comment, and the count beside its paragraph, as soon as it is posted', async () => {
  const consultation = await givenDiscussion()
  const subject = { type: 'consultation' as const, id: consultation.id, anchor: PARAGRAPH }
  expect((await loadThreadPage(null, subject)).total).toBe(0)
  expect(await countCommentsByBlock(consultation.id)).toEqual({})
  const ailsa = await givenPerson({ name: 'Ailsa' })
  expect(await postComment(ailsa, { subjectType: 'consultation', subjectId: consultation.id, anchor: PARAGRAPH, body: 'Panels need a budget.' })).toMatchObject({ ok: true })
  expect((await loadThreadPage(null, subject)).total).toBe(1)
  expect(await countCommentsByBlock(consultation.id)).toEqual({ [PARAGRAPH]: 1 })
})
