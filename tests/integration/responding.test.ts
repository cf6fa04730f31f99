import { count, eq } from 'drizzle-orm'
import { afterAll, describe, expect, test } from 'vitest'
import { listQuestions } from '~/modules/consultations/queries.server'
import {
  createResumeToken,
  findDraft,
  resumeDraft,
  saveAnswers,
  saveRespondentInfo,
  startDraft,
  submitDraft,
} from '~/modules/consultations/responding.server'
import { consultations, responses } from '~/modules/consultations/schema'
import { sendResponse } from '~/modules/consultations/send-response.server'
import { getDb } from '~/platform/db.server'
import { stopJobs } from '~/platform/jobs.server'
import { mailDeliveries } from '~/platform/tables'
import { givenConsultation } from '../helpers/consultations'
import { withTestDatabase } from '../helpers/db'
import { browserRequest } from '../helpers/requests'

withTestDatabase()
afterAll(() => stopJobs())

const about = {
  respondentType: 'individual' as const,
  name: 'Ailsa',
  organisationName: null,
  email: 'ailsa@example.org',
  publishConsent: 'anonymous' as const,
  contactConsent: false,
  isBslUser: null,
}

async function respondent(consultation: Awaited<ReturnType<typeof givenConsultation>>['consultation']) {
  const started = await startDraft(browserRequest('/'), consultation, 'en')
  const cookies = started.cookie ? [started.cookie] : []
  return { draft: started.draft, cookies }
}

async function readyToSend() {
  const given = await givenConsultation({
    questions: [
      { kind: 'scale', prompt: 'Decisions should be made locally', required: true, followUp: true },
      { kind: 'text', prompt: 'Where do you live?' },
    ],
  })
  const { draft, cookies } = await respondent(given.consultation)
  await saveRespondentInfo(draft, about)
  await saveAnswers(draft, [{ questionId: given.questions[0]!.id, answer: { text: null, choices: ['agree'] } }])
  return { ...given, draft, cookies, questionViews: await listQuestions(given.consultation.id) }
}

describe('a draft belongs to the browser that started it', () => {
  test('the cookie brings the draft back; another browser has none', async () => {
    const { consultation } = await givenConsultation()
    const { draft, cookies } = await respondent(consultation)
    expect((await findDraft(browserRequest('/', cookies), consultation.id))?.id).toBe(draft.id)
    expect(await findDraft(browserRequest('/'), consultation.id)).toBeNull()
    const again = await startDraft(browserRequest('/', cookies), consultation, 'en')
    expect(again.draft.id).toBe(draft.id)
  })
})

describe('sending a response', () => {
  const receiptsFor = async (responseId: string) =>
    (await getDb().select({ category: mailDeliveries.category }).from(mailDeliveries).where(eq(mailDeliveries.subjectId, responseId))).map((row) => row.category)

  test('its receipt is queued with it, once, however many times it is sent', async () => {
    const { consultation, draft, questionViews } = await readyToSend()
    const results = await Promise.all([1, 2, 3].map(() => sendResponse(consultation, draft, questionViews)))
    expect(results.filter((r) => r.ok && !r.alreadySubmitted)).toHaveLength(1)
    expect(await receiptsFor(draft.id)).toEqual(['receipt'])
  })

  test('a receipt that cannot be prepared leaves the response a draft, to be sent again', async () => {
    const { consultation, draft, questionViews } = await readyToSend()
    const broken = () => {
      throw new Error('the receipt could not be written')
    }
    await expect(sendResponse(consultation, draft, questionViews, { videoLines: broken })).rejects.toThrow('the receipt could not be written')
    const [kept] = await getDb().select({ status: responses.status }).from(responses).where(eq(responses.id, draft.id))
    expect(kept!.status).toBe('draft')
    expect(await receiptsFor(draft.id)).toEqual([])
    expect(await sendResponse(consultation, draft, questionViews)).toMatchObject({ ok: true, alreadySubmitted: false })
    expect(await receiptsFor(draft.id)).toEqual(['receipt'])
  })

  test('it is stored exactly once, however many times it is sent', async () => {
    const { consultation, draft, questionViews } = await readyToSend()
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => submitDraft(consultation, draft.id, questionViews)))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(results.filter((r) => r.ok && !r.alreadySubmitted)).toHaveLength(1)
    expect(new Set(results.map((r) => r.ok && r.reference)).size).toBe(1)
    const [stored] = await getDb().select({ n: count() }).from(responses).where(eq(responses.consultationId, consultation.id))
    expect(stored!.n).toBe(1)
  })

  test('drafts are not responses until sent, and sending locks the questions', async () => {
    const { consultation, draft, questionViews } = await readyToSend()
    const [before] = await getDb().select().from(consultations).where(eq(consultations.id, consultation.id))
    expect(before!.questionsLockedAt).toBeNull()
    await submitDraft(consultation, draft.id, questionViews)
    const [after] = await getDb().select().from(consultations).where(eq(consultations.id, consultation.id))
    expect(after!.questionsLockedAt).not.toBeNull()
  })

  test('a required question left blank stops it, saying which', async () => {
    const given = await givenConsultation({ questions: [{ kind: 'yes_no', prompt: 'Should communities decide?', required: true }] })
    const { draft } = await respondent(given.consultation)
    await saveRespondentInfo(draft, about)
    const result = await submitDraft(given.consultation, draft.id, await listQuestions(given.consultation.id))
    expect(result).toEqual({ ok: false, reason: 'incomplete', missing: [given.questions[0]!.id] })
  })

  test('without the Respondent Information Form it cannot be sent', async () => {
    const given = await givenConsultation()
    const { draft } = await respondent(given.consultation)
    const result = await submitDraft(given.consultation, draft.id, await listQuestions(given.consultation.id))
    expect(result).toMatchObject({ ok: false, reason: 'incomplete', missing: ['about-you'] })
  })

  test('after closing nothing can be sent, whatever the page showed', async () => {
    const { consultation, draft, questionViews } = await readyToSend()
    await getDb().update(consultations).set({ closesAt: new Date(Date.now() - 1000) }).where(eq(consultations.id, consultation.id))
    const closed = { ...consultation, closesAt: new Date(Date.now() - 1000) }
    expect(await submitDraft(closed, draft.id, questionViews)).toEqual({ ok: false, reason: 'closed' })
    // Even if the page still believed it open, the database's clock decides.
    expect(await submitDraft(consultation, draft.id, questionViews)).toEqual({ ok: false, reason: 'closed' })
    const [row] = await getDb().select({ status: responses.status }).from(responses).where(eq(responses.id, draft.id))
    expect(row!.status).toBe('draft')
  })
})

describe('save and come back later', () => {
  test('the emailed link brings the draft to another device once', async () => {
    const { consultation } = await givenConsultation()
    const { draft } = await respondent(consultation)
    const token = await createResumeToken(draft, 'ruairidh@example.org')
    const resumed = await resumeDraft(browserRequest('/'), consultation, token)
    expect(resumed?.draft.id).toBe(draft.id)
    expect((await findDraft(browserRequest('/', [resumed!.cookie]), consultation.id))?.id).toBe(draft.id)
    expect(await resumeDraft(browserRequest('/'), consultation, token)).toBeNull()
  })

  test('a tampered link brings back nothing', async () => {
    const { consultation } = await givenConsultation()
    const { draft } = await respondent(consultation)
    const token = await createResumeToken(draft, 'ruairidh@example.org')
    expect(await resumeDraft(browserRequest('/'), consultation, `${token.slice(0, -2)}zz`)).toBeNull()
  })

  test('a link for one consultation does not open a draft of another', async () => {
    const first = await givenConsultation()
    const second = await givenConsultation()
    const { draft } = await respondent(first.consultation)
    const token = await createResumeToken(draft, 'ruairidh@example.org')
    expect(await resumeDraft(browserRequest('/'), second.consultation, token)).toBeNull()
  })
})
