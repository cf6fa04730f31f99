import { describe, expect, test } from 'vitest'
import { getDashboard } from '~/modules/analysis/dashboard.server'
import { getConnection } from '~/platform/db.server'
import { withTestDatabase } from '../helpers/db'
import { givenPerson } from '../helpers/people'
import { givenAnalysedConsultation } from '../helpers/consultations'
import { givenResponses } from '../helpers/responses'

withTestDatabase()

// The dashboard reads counts that triggers keep as responses and answers change. Whatever happens
// to them, the kept counts must equal a fresh count of the same rows.

async function keptCounts(consultationId: string) {
  const connection = getConnection()
  const [people] = await connection.query<{ rows: unknown }>(
    `select coalesce(jsonb_agg(t order by day, respondent_type, channel, bsl), '[]') as rows
     from (select day::text, respondent_type, channel, bsl, n from analysis_response_tallies where consultation_id = $1 and n <> 0) t`,
    [consultationId],
  )
  const [answers] = await connection.query<{ rows: unknown }>(
    `select coalesce(jsonb_agg(t order by question_id, measure, choice, respondent_type, channel, consent), '[]') as rows
     from (select question_id, measure, choice, respondent_type, channel, consent, n from analysis_answer_tallies where consultation_id = $1 and n <> 0) t`,
    [consultationId],
  )
  return { people: people!.rows, answers: answers!.rows }
}

async function expectKeptEqualsFresh(consultationId: string) {
  const kept = await keptCounts(consultationId)
  await getConnection().query('select analysis_rebuild_tallies($1)', [consultationId])
  expect(kept).toEqual(await keptCounts(consultationId))
  return kept
}

describe('the counts behind the dashboard', () => {
  test('stay equal to a fresh count through submitting, interpreting, withdrawing, editing and deleting', async () => {
    const { consultation, questions } = await givenAnalysedConsultation()
    const [closed, open] = questions.map((q) => q.id) as [string, string]
    const connection = getConnection()
    const [first, , bsl] = await givenResponses(consultation.id, [closed, open], [
      { type: 'individual', answers: { 0: ['yes'], 1: 'More say for islands' } },
      { type: 'organisation', answers: { 0: ['no'] } },
      { type: 'individual', channel: 'bsl', answers: { 1: { media: true } } },
      { type: 'individual', status: 'draft', answers: { 0: ['maybe'], 1: 'Not sent yet' } },
    ])
    const official = await givenPerson({ roles: ['official'] })
    const before = await getDashboard(official, consultation.id, 'en')
    expect(before!.open[0]).toMatchObject({ answered: 1, uninterpreted: 1 })
    await expectKeptEqualsFresh(consultation.id)

    // An official interprets the BSL answer: it leaves "awaiting interpretation" and is answered.
    await connection.query(`update answers set interpretation = 'Ferries matter' where id = $1`, [bsl![1]])
    expect((await getDashboard(official, consultation.id, 'en'))!.open[0]).toMatchObject({ answered: 2, uninterpreted: 0 })
    await expectKeptEqualsFresh(consultation.id)

    // The draft is submitted: its answers, written earlier, now count.
    await connection.query(`update responses set status = 'submitted', submitted_at = now() where status = 'draft' and consultation_id = $1`, [consultation.id])
    const submitted = await getDashboard(official, consultation.id, 'en')
    expect(submitted!.profile.total).toBe(4)
    expect(submitted!.closed[0]!.table.base.all).toBe(3)
    await expectKeptEqualsFresh(consultation.id)

    // The first response is withdrawn; another respondent's type is corrected; an answer is changed.
    await connection.query(`update responses set status = 'withdrawn' where id = (select response_id from answers where id = $1)`, [first![0]])
    await connection.query(`update responses set respondent_type = 'individual' where respondent_type = 'organisation' and consultation_id = $1`, [consultation.id])
    await connection.query(`update answers set choices = '["yes"]' where choices = '["maybe"]'`)
    const changed = await getDashboard(official, consultation.id, 'en')
    expect(changed!.profile.byType.rows.map((r) => [r.key, r.n])).toEqual([
      ['individual', 3],
      ['organisation', 0],
    ])
    expect(changed!.closed[0]!.table.rows.map((r) => [r.key, r.cells.all.n, r.cells.individual.n])).toEqual([
      ['yes', 1, 1],
      ['no', 1, 1],
      ['maybe', 0, 0],
    ])
    await expectKeptEqualsFresh(consultation.id)

    // A submitted response deleted outright takes its answers' counts with it.
    await connection.query(`delete from responses where id = (select response_id from answers where id = $1)`, [bsl![1]])
    const kept = await expectKeptEqualsFresh(consultation.id)
    expect((await getDashboard(official, consultation.id, 'en'))!.profile.total).toBe(2)

    // Deleting the whole consultation deletes its counts too, without tripping over them.
    expect(kept.answers).not.toEqual([])
    await connection.query('delete from answers where response_id in (select id from responses where consultation_id = $1)', [consultation.id])
    await connection.query('delete from consultations where id = $1', [consultation.id])
    expect(await keptCounts(consultation.id)).toEqual({ people: [], answers: [] })
  })

  test('a bulk insert of many responses and answers is counted as one', async () => {
    const { consultation, questions } = await givenAnalysedConsultation()
    const ids = questions.map((q) => q.id)
    await getConnection().query(
      `with people as (
         insert into responses (consultation_id, reference, status, respondent_type, submitted_at)
         select $1, 'BULK' || g, 'submitted', (case when g % 3 = 0 then 'organisation' else 'individual' end)::respondent_type, now()
         from generate_series(1, 300) g returning id, reference)
       insert into answers (response_id, question_id, choices)
       select id, $2, jsonb_build_array(case when right(reference, 1) in ('1', '2') then 'yes' else 'no' end) from people`,
      [consultation.id, ids[0]],
    )
    const table = (await getDashboard(await givenPerson({ roles: ['official'] }), consultation.id, 'en'))!.closed[0]!.table
    expect(table.base).toEqual({ all: 300, individual: 200, organisation: 100 })
    expect(table.rows[0]!.cells.all.n).toBe(60)
    await expectKeptEqualsFresh(consultation.id)
  })
})
