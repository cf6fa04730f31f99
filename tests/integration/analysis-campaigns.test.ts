import { describe, expect, test } from 'vitest'
import { listCampaignGroups, refreshCampaignGroups } from '~/modules/analysis/campaigns.server'
import { withTestDatabase } from '../helpers/db'
import { givenPerson } from '../helpers/people'
import { givenAnalysedConsultation } from '../helpers/consultations'
import { givenResponses } from '../helpers/responses'

withTestDatabase()

// The campaigns page reads the stored groups: most copied standard text first, whatever the size.

const bill = 'I support the Local Democracy Bill and call on ministers to give every community council a guaranteed budget and real powers.'
const generic = 'In my view community councils should have real powers over local decisions, because people trust the folk who live beside them.'

describe('campaign groups, as the page shows them', () => {
  test('rank by exact copies, count near-copies, and show how each near-copy differs', async () => {
    const { consultation, questions } = await givenAnalysedConsultation()
    const ids = questions.map((q) => q.id)
    const texts = [bill, bill, bill, `${bill} Thank you.`, generic, generic, `${generic} Thank you for the chance to respond.`, generic.replace('In my view', 'I think'), generic.replace('In my view', 'We believe')]
    await givenResponses(consultation.id, ids, texts.map((text) => ({ answers: { 1: text } })))
    expect(await refreshCampaignGroups(await givenPerson({ roles: ['official'] }), consultation.id, ids[1]!)).toBe(2)
    const groups = await listCampaignGroups(ids[1]!)
    expect(groups.map((g) => ({ text: g.text, exact: g.exact, near: g.near }))).toEqual([
      { text: bill, exact: 3, near: 1 },
      { text: generic, exact: 2, near: 3 },
    ])
    expect(groups[0]!.variants).toEqual([{ n: 1, parts: [{ change: 'same', text: bill }, { change: 'added', text: 'Thank you.' }] }])
  })
})
