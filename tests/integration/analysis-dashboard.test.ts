import { describe, expect, test } from 'vitest'
import { getDashboard } from '~/modules/analysis/dashboard.server'
import { withTestDatabase } from '../helpers/db'
import { givenPerson } from '../helpers/people'
import { givenAnalysedConsultation } from '../helpers/consultations'
import { givenResponses } from '../helpers/responses'

withTestDatabase()

const day = (d: string, hour = 12) => new Date(`${d}T${String(hour).padStart(2, '0')}:00:00Z`)

describe('the analysis dashboard', () => {
  test('counts respondents by type, channel, BSL use and Scottish day, leaving out drafts and withdrawals', async () => {
    const { consultation, questions } = await givenAnalysedConsultation()
    const ids = questions.map((q) => q.id)
    await givenResponses(consultation.id, ids, [
      { type: 'individual', channel: 'web', submittedAt: day('2026-10-01') },
      { type: 'individual', channel: 'web', submittedAt: day('2026-10-01') },
      { type: 'individual', channel: 'bsl', submittedAt: day('2026-10-02') },
      { type: 'organisation', channel: 'email', submittedAt: day('2026-10-02') },
      // 23:30 UTC on 2 October is 00:30 on 3 October in Scotland (BST).
      { type: 'organisation', channel: 'post', submittedAt: new Date('2026-10-02T23:30:00Z') },
      { type: null, channel: 'event', bsl: true, submittedAt: day('2026-10-03') },
      { type: 'individual', status: 'draft' },
      { type: 'individual', status: 'withdrawn' },
    ])
    const dashboard = await getDashboard(await givenPerson({ roles: ['official'] }), consultation.id, 'en')
    const profile = dashboard!.profile
    expect(profile.total).toBe(6)
    expect(profile.byType.rows.map((r) => [r.key, r.n, r.pct])).toEqual([
      ['individual', 3, 50],
      ['organisation', 2, 33.3],
      ['not_given', 1, 16.7],
    ])
    expect(profile.byChannel.rows.map((r) => [r.key, r.n])).toEqual([
      ['web', 2],
      ['bsl', 1],
      ['email', 1],
      ['post', 1],
      ['event', 1],
    ])
    expect(profile.bslUsers).toBe(2)
    expect(profile.overTime).toEqual([
      { day: '2026-10-01', n: 2 },
      { day: '2026-10-02', n: 2 },
      { day: '2026-10-03', n: 2 },
    ])
  })

  test('splits a closed question by respondent type with n and % of those who answered it', async () => {
    const { consultation, questions } = await givenAnalysedConsultation()
    const ids = questions.map((q) => q.id)
    await givenResponses(consultation.id, ids, [
      { type: 'individual', answers: { 0: ['yes'] } },
      { type: 'individual', answers: { 0: ['yes'] } },
      { type: 'individual', answers: { 0: ['no'] } },
      { type: 'individual', answers: { 1: 'No view on the first question' } },
      { type: 'organisation', answers: { 0: ['yes'] } },
      { type: 'organisation', answers: { 0: ['maybe'] } },
      { type: null, answers: { 0: ['no'] } },
      { type: 'organisation', status: 'withdrawn', answers: { 0: ['maybe'] } },
    ])
    const dashboard = await getDashboard(await givenPerson({ roles: ['official'] }), consultation.id, 'en')
    const [table] = dashboard!.closed
    expect(table!.number).toBe('1')
    expect(table!.table.base).toEqual({ all: 6, individual: 3, organisation: 2 })
    const cells = table!.table.rows.map((r) => [r.label, r.cells.all.n, r.cells.all.pct, r.cells.individual.n, r.cells.individual.pct, r.cells.organisation.n, r.cells.organisation.pct])
    expect(cells).toEqual([
      ['Yes', 3, 50, 2, 66.7, 1, 50],
      ['No', 2, 33.3, 1, 33.3, 0, 0],
      ['Maybe', 1, 16.7, 0, 0, 1, 50],
    ])
  })

  test('counts open answers and flags BSL answers that nobody has interpreted yet', async () => {
    const { consultation, questions } = await givenAnalysedConsultation()
    const ids = questions.map((q) => q.id)
    await givenResponses(consultation.id, ids, [
      { answers: { 1: 'More say for island communities' } },
      { channel: 'bsl', answers: { 1: { media: true, interpretation: 'Deaf people need interpreters at meetings' } } },
      { channel: 'bsl', answers: { 1: { media: true } } },
      { channel: 'bsl', answers: { 1: { media: true } } },
    ])
    const dashboard = await getDashboard(await givenPerson({ roles: ['official'] }), consultation.id, 'en')
    expect(dashboard!.open).toMatchObject([{ number: '2', answered: 2, uninterpreted: 2 }])
  })

  test('is for officials only', async () => {
    const { consultation } = await givenAnalysedConsultation()
    await expect(getDashboard(await givenPerson(), consultation.id, 'en')).rejects.toMatchObject({ status: 403 })
  })
})
