import { describe, expect, test } from 'vitest'
import { auditLog } from '~/modules/accounts/schema'
import { answerCodeHistory, codeAnswer, codeFrequencies, createCode, deleteCode, listCodes } from '~/modules/analysis/coding.server'
import { getAnswerForCoding, listOpenAnswers } from '~/modules/analysis/reading.server'
import { redactPassage } from '~/modules/analysis/redactions.server'
import { getConnection, getDb } from '~/platform/db.server'
import { withTestDatabase } from '../helpers/db'
import { givenPerson } from '../helpers/people'
import { givenAnalysedConsultation } from '../helpers/consultations'
import { givenResponses } from '../helpers/responses'

withTestDatabase()

async function givenOpenAnswers() {
  const { consultation, questions } = await givenAnalysedConsultation()
  const ids = questions.map((q) => q.id)
  const day = (n: number) => new Date(Date.UTC(2026, 9, n, 12))
  const answers = await givenResponses(consultation.id, ids, [
    { type: 'individual', consent: 'anonymous', submittedAt: day(1), answers: { 1: 'Community councils should decide how budgets are spent.' } },
    { type: 'organisation', consent: 'with_name', organisation: 'Orkney Trust', submittedAt: day(2), answers: { 1: 'Island communities need a voice on ferries.' } },
    { type: 'individual', consent: 'not_published', submittedAt: day(3), answers: { 1: 'Participatory budgeting worked well in our town.' } },
    { type: 'individual', channel: 'bsl', submittedAt: day(4), answers: { 1: { media: true, interpretation: 'Deaf people want BSL at council meetings.' } } },
    { type: 'individual', channel: 'bsl', submittedAt: day(5), answers: { 1: { media: true } } },
    { type: 'individual', status: 'withdrawn', submittedAt: day(6), answers: { 1: 'Withdrawn budget comment.' } },
  ])
  const official = await givenPerson({ roles: ['official'], name: 'Morag Analyst' })
  return { consultationId: consultation.id, questionId: ids[1]!, answerIds: answers.map((a) => a[1]!), official }
}

describe('reading open answers', () => {
  test('searches with English stemming over text and BSL interpretations, and filters by respondent type and consent', async () => {
    const { consultationId, questionId, official } = await givenOpenAnswers()
    const read = (filters: object) => listOpenAnswers(official, consultationId, questionId, filters, 1, 'en')
    // "budget" finds "budgets" and "budgeting", but not the withdrawn response.
    expect((await read({ q: 'budget' }))!.answers.map((a) => a.text)).toEqual([
      'Community councils should decide how budgets are spent.',
      'Participatory budgeting worked well in our town.',
    ])
    expect((await read({ q: 'meeting' }))!.answers.map((a) => a.interpretation)).toEqual(['Deaf people want BSL at council meetings.'])
    expect((await read({ type: 'organisation' }))!.answers.map((a) => a.reference.length > 0 && a.text)).toEqual(['Island communities need a voice on ferries.'])
    expect((await read({ consent: 'not_published' }))!.total).toBe(1)
  })

  test('counts and flags the BSL answer nobody has interpreted, so it is never silently left out', async () => {
    const { consultationId, questionId, official } = await givenOpenAnswers()
    const all = await listOpenAnswers(official, consultationId, questionId, {}, 1, 'en')
    expect(all!.total).toBe(5)
    expect(all!.uninterpreted).toBe(1)
    expect(all!.answers.filter((a) => a.uninterpreted)).toHaveLength(1)
    expect((await listOpenAnswers(official, consultationId, questionId, { bsl: 'uninterpreted' }, 1, 'en'))!.total).toBe(1)
  })

  test('totals per respondent type and of reviewed answers match the answers listed', async () => {
    const { consultationId, questionId, answerIds, official } = await givenOpenAnswers()
    const read = (filters: object) => listOpenAnswers(official, consultationId, questionId, filters, 1, 'en')
    const individuals = await read({ type: 'individual' })
    expect([individuals!.total, individuals!.uninterpreted, individuals!.answers.length]).toEqual([4, 1, 4])
    expect((await read({ type: 'organisation', bsl: 'uninterpreted' }))!.total).toBe(0)
    await codeAnswer(official, consultationId, questionId, answerIds[1]!, [], true)
    await codeAnswer(official, consultationId, questionId, answerIds[2]!, [], true)
    expect((await read({}))!.reviewed).toBe(2)
    expect((await read({ type: 'individual' }))!.reviewed).toBe(1)
    expect((await read({ reviewed: 'no' }))!.total).toBe(3)
    expect((await read({ reviewed: 'no', type: 'individual' }))!.total).toBe(3)
    expect((await read({ reviewed: 'no', bsl: 'uninterpreted' }))!.total).toBe(1)
    expect([(await read({ channel: 'bsl' }))!.total, (await read({ channel: 'bsl', consent: 'anonymous' }))!.uninterpreted]).toEqual([2, 1])
  })

  test('search finds words added after sending (an interpretation) and forgets words taken away', async () => {
    const { consultationId, questionId, answerIds, official } = await givenOpenAnswers()
    const search = async (q: string) => (await listOpenAnswers(official, consultationId, questionId, { q }, 1, 'en'))!.answers.map((a) => a.id)
    expect(await search('ferry')).toEqual([answerIds[1]])
    await getConnection().query(`update answers set interpretation = 'Ferries to the islands are too dear.' where id = $1`, [answerIds[4]])
    await getConnection().query(`update answers set text = 'Island voices matter.' where id = $1`, [answerIds[1]])
    expect(await search('ferry')).toEqual([answerIds[4]])
    expect(await search('islands')).toEqual([answerIds[1], answerIds[4]])
  })

  test("search sees sent answers only: a draft's words are found once it is sent, and not after it is withdrawn", async () => {
    const { consultation, questions } = await givenAnalysedConsultation()
    const ids = questions.map((q) => q.id)
    await givenResponses(consultation.id, ids, [
      { status: 'draft', answers: { 1: 'Ferries for the small isles, please.' } },
      { answers: { 1: 'The ferries are always late.' } },
    ])
    const official = await givenPerson({ roles: ['official'], name: 'Morag Analyst' })
    const search = async () => {
      const found = await listOpenAnswers(official, consultation.id, ids[1]!, { q: 'ferry' }, 1, 'en')
      return [found!.total, found!.answers.length]
    }
    expect(await search()).toEqual([1, 1])
    await getConnection().query(`update responses set status = 'submitted', submitted_at = now() where consultation_id = $1 and status = 'draft'`, [consultation.id])
    expect(await search()).toEqual([2, 2])
    await getConnection().query(`update responses set status = 'withdrawn' where consultation_id = $1 and submitted_at > now() - interval '1 minute'`, [consultation.id])
    expect(await search()).toEqual([1, 1])
  })

  test('next and previous follow the reading order within the filters', async () => {
    const { consultationId, questionId, answerIds, official } = await givenOpenAnswers()
    const second = await getAnswerForCoding(official, consultationId, questionId, answerIds[1]!, {}, 'en')
    expect([second!.previousId, second!.nextId]).toEqual([answerIds[0], answerIds[2]])
    const individualsOnly = await getAnswerForCoding(official, consultationId, questionId, answerIds[0]!, { type: 'individual' }, 'en')
    expect(individualsOnly!.nextId).toBe(answerIds[2])
    expect(individualsOnly!.previousId).toBeNull()
  })
})

describe('the coding frame', () => {
  test('codes and sub-codes count their answers by respondent type, and who applied each is kept', async () => {
    const { consultationId, questionId, answerIds, official } = await givenOpenAnswers()
    const money = await createCode(official, consultationId, questionId, { label: 'Money' })
    const pb = await createCode(official, consultationId, questionId, { label: 'Participatory budgeting', parentId: money.ok ? money.id : '' })
    const islands = await createCode(official, consultationId, questionId, { label: 'Islands' })
    expect(await createCode(official, consultationId, questionId, { label: 'islands' })).toEqual({ ok: false, reason: 'duplicate' })
    if (!money.ok || !pb.ok || !islands.ok) throw new Error('codes not created')
    await codeAnswer(official, consultationId, questionId, answerIds[0]!, [money.id], true)
    await codeAnswer(official, consultationId, questionId, answerIds[1]!, [islands.id, money.id], true)
    await codeAnswer(official, consultationId, questionId, answerIds[2]!, [pb.id], false)
    expect((await listCodes(questionId)).map((c) => [c.label, c.depth])).toEqual([
      ['Islands', 0],
      ['Money', 0],
      ['Participatory budgeting', 1],
    ])
    const table = await codeFrequencies(questionId)
    // 4 answers with words (the uninterpreted BSL video has none yet): 3 individuals, 1 organisation.
    expect(table.base).toEqual({ all: 4, individual: 3, organisation: 1 })
    expect(table.rows.map((r) => [r.label, r.cells.all.n, r.cells.all.pct, r.cells.individual.n, r.cells.organisation.n])).toEqual([
      ['Islands', 1, 25, 0, 1],
      ['Money', 3, 75, 2, 1],
      ['— Participatory budgeting', 1, 25, 1, 0],
    ])
    const history = await answerCodeHistory(answerIds[1]!)
    expect(history.map((h) => [h.label, h.source, h.applied_by])).toEqual([
      ['Islands', 'human', 'Morag Analyst'],
      ['Money', 'human', 'Morag Analyst'],
    ])
    const reviewed = await listOpenAnswers(official, consultationId, questionId, { reviewed: 'no' }, 1, 'en')
    expect(reviewed!.answers.map((a) => a.id)).toEqual([answerIds[2], answerIds[3], answerIds[4]])
    expect((await listOpenAnswers(official, consultationId, questionId, { code: money.id }, 1, 'en'))!.total).toBe(3)
    expect((await listOpenAnswers(official, consultationId, questionId, { code: 'none' }, 1, 'en'))!.total).toBe(2)
    // Answer 1 is coded and reviewed: it is taken away once.
    expect((await listOpenAnswers(official, consultationId, questionId, { code: 'none', reviewed: 'no' }, 1, 'en'))!.total).toBe(2)
    expect((await listOpenAnswers(official, consultationId, questionId, { code: 'none', type: 'organisation' }, 1, 'en'))!.total).toBe(0)
  })

  test('deleting a code in use is refused until confirmed, then audited', async () => {
    const { consultationId, questionId, answerIds, official } = await givenOpenAnswers()
    const code = await createCode(official, consultationId, questionId, { label: 'Ferries' })
    if (!code.ok) throw new Error('not created')
    await codeAnswer(official, consultationId, questionId, answerIds[1]!, [code.id], true)
    expect(await deleteCode(official, consultationId, questionId, code.id, false)).toEqual({ ok: false, reason: 'applied', applied: 1, subCodes: 0 })
    expect(await deleteCode(official, consultationId, questionId, code.id, true)).toEqual({ ok: true, label: 'Ferries' })
    expect(await answerCodeHistory(answerIds[1]!)).toEqual([])
    const audit = await getDb().select().from(auditLog)
    expect(audit.some((row) => row.action === 'analysis.code_deleted' && row.subjectId === code.id)).toBe(true)
  })

  test('a passage can only be redacted if the answer contains it, with a reason, audited', async () => {
    const { consultationId, questionId, answerIds, official } = await givenOpenAnswers()
    expect(await redactPassage(official, consultationId, questionId, answerIds[1]!, { passage: 'not in the answer', reason: 'Names a person' })).toEqual({
      ok: false,
      reason: 'passage_not_found',
    })
    expect(await redactPassage(official, consultationId, questionId, answerIds[1]!, { passage: 'ferries', reason: 'Test reason' })).toEqual({ ok: true })
    const audit = await getDb().select().from(auditLog)
    expect(audit.some((row) => row.action === 'analysis.passage_redacted' && row.subjectId === answerIds[1])).toBe(true)
  })
})
