import { sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { createCode, deleteCode } from '~/modules/analysis/coding.server'
import { redactPassage } from '~/modules/analysis/redactions.server'
import { listPublishedResponses, publishedTableCsv } from '~/modules/analysis/publication.server'
import { addQuote, changeReport, getPublishedReport, getReportForEditing, publishReport } from '~/modules/analysis/report.server'
import { getPublicConsultation } from '~/modules/consultations/queries.server'
import { getDb } from '~/platform/db.server'
import { withTestDatabase } from '../helpers/db'
import { givenPerson } from '../helpers/people'
import { givenAnalysedConsultation } from '../helpers/consultations'
import { givenResponses } from '../helpers/responses'

withTestDatabase()

const form = (fields: Record<string, string>) => {
  const data = new FormData()
  for (const [k, v] of Object.entries(fields)) data.set(k, v)
  return data
}

async function givenReport() {
  const { consultation, questions: qs } = await givenAnalysedConsultation()
  const ids = qs.map((q) => q.id)
  const answers = await givenResponses(consultation.id, ids, [
    { type: 'individual', consent: 'anonymous', answers: { 0: ['yes'], 1: 'Community councils need budgets. My neighbour John Smith agrees.' } },
    { type: 'organisation', consent: 'with_name', organisation: 'Orkney Development Trust', answers: { 0: ['no'], 1: 'Island communities need a say on ferries.' } },
    { type: 'individual', consent: 'not_published', answers: { 0: ['yes'], 1: 'Please keep this private.' } },
  ])
  return { consultation, questionIds: ids, answerIds: answers.map((a) => a[1]!), official: await givenPerson({ roles: ['official'] }) }
}

describe('the analysis report', () => {
  test('a quotation is refused unless the respondent consented to publication', async () => {
    const { consultation, answerIds, official } = await givenReport()
    expect(await addQuote(official, consultation.id, answerIds[2]!, 'questions')).toEqual({ ok: false, reason: 'not_consented' })
    expect(await addQuote(official, consultation.id, answerIds[1]!, 'questions')).toEqual({ ok: true })
  })

  test('publishing freezes the numbers and labels quotations by consent, with redactions applied', async () => {
    const { consultation, questionIds, answerIds, official } = await givenReport()
    await changeReport(official, consultation.id, form({ intent: 'add:questions:closedQuestion', 'questions-closedQuestion': questionIds[0]!, 'questions-display': 'chart', weDid: 'We changed the Bill.' }))
    await addQuote(official, consultation.id, answerIds[0]!, 'questions')
    await addQuote(official, consultation.id, answerIds[1]!, 'questions')
    await redactPassage(official, consultation.id, questionIds[1]!, answerIds[0]!, { passage: 'John Smith', reason: 'Names a third party' })
    expect(await publishReport(official, consultation.id)).toEqual({ status: 'published' })
    await givenResponses(consultation.id, questionIds, [{ answers: { 0: ['maybe'] } }])
    const published = await getPublishedReport(consultation.slug, 'en')
    const questionsSection = published!.report.sections.find((s) => s.key === 'questions')!
    const table = questionsSection.blocks.find((b) => b.type === 'closedQuestion')!
    expect(table.type === 'closedQuestion' && table.table.rows.map((r) => [r.label, r.cells.all.n])).toEqual([
      ['Yes', 2],
      ['No', 1],
      ['Maybe', 0],
    ])
    const profile = published!.report.sections.find((s) => s.key === 'profile')!.blocks[0]!
    expect(profile.type === 'profile' && profile.total).toBe(3)
    const quotes = questionsSection.blocks.filter((b) => b.type === 'quote')
    expect(quotes.map((q) => q.type === 'quote' && [q.text, q.attribution])).toEqual([
      ['Community councils need budgets. My neighbour [redacted] agrees.', { kind: 'individual', name: null }],
      ['Island communities need a say on ferries.', { kind: 'organisation', name: 'Orkney Development Trust' }],
    ])
    expect(published!.report.summary.weDid).toBe('We changed the Bill.')

    const csv = await publishedTableCsv(consultation.slug, table.id, 'en', (key) => key)
    expect(csv!.csv.split('\r\n')[1]).toBe('Yes,2,66.7,2,100,0,0')
  })

  test('publishing moves the consultation to "analysis published", and publishing again keeps the first date', async () => {
    const { consultation, official } = await givenReport()
    expect((await getPublicConsultation(consultation.slug))!.status).not.toBe('analysis_published')
    await publishReport(official, consultation.id)
    const first = await getPublicConsultation(consultation.slug)
    expect(first!.status).toBe('analysis_published')
    await publishReport(official, consultation.id)
    expect((await getPublicConsultation(consultation.slug))!.consultation.analysisPublishedAt).toEqual(first!.consultation.analysisPublishedAt)
  })

  test('published responses show only those who consented, named only with consent, redactions applied', async () => {
    const { consultation, questionIds, answerIds, official } = await givenReport()
    expect(await listPublishedResponses(consultation.slug, 'en', 1)).toBeNull()
    await redactPassage(official, consultation.id, questionIds[1]!, answerIds[0]!, { passage: 'John Smith', reason: 'Names a third party' })
    await publishReport(official, consultation.id)
    const list = await listPublishedResponses(consultation.slug, 'en', 1)
    expect(list!.total).toBe(2)
    expect(list!.responses.map((r) => [r.attribution, r.answers.map((a) => a.words)])).toEqual([
      [{ kind: 'individual', name: null }, ['Yes', 'Community councils need budgets. My neighbour [redacted] agrees.']],
      [{ kind: 'organisation', name: 'Orkney Development Trust' }, ['No', 'Island communities need a say on ferries.']],
    ])
    expect(JSON.stringify(list)).not.toContain('Please keep this private')
    expect(JSON.stringify(list)).not.toContain('Person 0')
  })

  test('publishing is blocked, with reasons, for a deleted code or an empty consultation', async () => {
    const { consultation, questionIds, official } = await givenReport()
    const code = await createCode(official, consultation.id, questionIds[1]!, { label: 'Budgets' })
    if (!code.ok) throw new Error('code')
    await changeReport(official, consultation.id, form({ intent: 'add:questions:codeFrequency', 'questions-codeQuestion': questionIds[1]! }))
    await changeReport(official, consultation.id, form({ intent: 'add:questions:closedQuestion', 'questions-closedQuestion': questionIds[0]!, 'questions-display': 'table' }))
    await deleteCode(official, consultation.id, questionIds[1]!, code.id, true)
    const outcome = await publishReport(official, consultation.id)
    expect(outcome.status).toBe('blocked')
    expect(outcome.status === 'blocked' && outcome.problems.map((p) => p.key)).toContain('codeDeleted')
    expect((await getReportForEditing(official, consultation.id))!.status).toBe('draft')
    expect(await getPublishedReport(consultation.slug, 'en')).toBeNull()

    const empty = await givenAnalysedConsultation()
    const blocked = await publishReport(official, empty.consultation.id)
    expect(blocked.status === 'blocked' && blocked.problems.map((p) => p.key)).toEqual(['empty'])
  })

  test('an analysis cannot be published while the consultation is still open', async () => {
    const { consultation, questions: qs } = await givenAnalysedConsultation({ open: true })
    await givenResponses(consultation.id, qs.map((q) => q.id), [{ answers: { 0: ['yes'] } }])
    expect(await publishReport(await givenPerson({ roles: ['official'] }), consultation.id)).toEqual({ status: 'blocked', problems: [{ key: 'stillOpen' }] })
  })

  test('a closed-question block whose question was removed blocks publication', async () => {
    const { consultation, official } = await givenReport()
    await changeReport(official, consultation.id, form({ intent: 'add:questions:closedQuestion', 'questions-closedQuestion': '00000000-0000-4000-8000-000000000000' }))
    const outcome = await publishReport(official, consultation.id)
    expect(outcome).toMatchObject({ status: 'blocked', problems: [{ key: 'questionRemoved', section: 'questions' }] })
  })

  test('a quoted respondent who withdraws blocks publication until the quotation goes', async () => {
    const { consultation, answerIds, official } = await givenReport()
    await addQuote(official, consultation.id, answerIds[1]!, 'questions')
    await getDb().execute(sql`update responses set status = 'withdrawn' where id = (select response_id from answers where id = ${answerIds[1]})`)
    expect(await publishReport(official, consultation.id)).toMatchObject({ status: 'blocked', problems: [{ key: 'quoteNotConsented' }] })
  })
})
