import { describe, expect, test } from 'vitest'
import { listCampaignGroups, refreshCampaignGroups } from '~/modules/analysis/campaigns.server'
import { answerCodeHistory, listCodes } from '~/modules/analysis/coding.server'
import { acceptSuggestion, computeSuggestions, listSuggestions, mergeSuggestion, rejectSuggestion } from '~/modules/analysis/suggestions.server'
import { withTestDatabase } from '../helpers/db'
import { givenPerson } from '../helpers/people'
import { givenAnalysedConsultation } from '../helpers/consultations'
import { givenResponses } from '../helpers/responses'

withTestDatabase()

const campaign = 'I support the Local Democracy Bill and call on ministers to give every community council a guaranteed budget and real powers.'
const texts = [
  'Island ferries are cancelled too often and nobody on the islands is asked.',
  'Ferries to the islands are unreliable in winter.',
  'The island ferry timetable ignores island people.',
  'Participatory budgeting gave our town a real say.',
  'More participatory budgeting in every council please.',
  'Participatory budgeting works and should grow.',
  campaign,
  campaign,
  campaign.replace('real', 'proper'),
]

async function givenThemedQuestion() {
  const { consultation, questions } = await givenAnalysedConsultation()
  const ids = questions.map((q) => q.id)
  const answers = await givenResponses(consultation.id, ids, texts.map((text) => ({ answers: { 1: text } })))
  return { consultationId: consultation.id, questionId: ids[1]!, answerIds: answers.map((a) => a[1]!), official: await givenPerson({ roles: ['official'], name: 'Morag Analyst' }) }
}

describe('suggested themes, stored', () => {
  test('an accepted suggestion becomes a code, applied to its answers as "suggested" by the official who accepted it', async () => {
    const { consultationId, questionId, official, answerIds } = await givenThemedQuestion()
    expect(await computeSuggestions(official, consultationId, questionId)).toBeGreaterThan(1)
    const first = await listSuggestions(questionId)
    // Recomputing gives the same suggestions.
    await computeSuggestions(official, consultationId, questionId)
    expect((await listSuggestions(questionId)).map(({ id: _id, ...rest }) => rest)).toEqual(first.map(({ id: _id, ...rest }) => rest))
    const ferries = (await listSuggestions(questionId)).find((s) => s.phrases.some((p) => p.phrase.startsWith('ferr')))!
    expect(ferries.examples[0]!.text).toMatch(/ferr/i)
    const accepted = await acceptSuggestion(official, consultationId, questionId, ferries.id, 'Ferries', true)
    expect(accepted).toEqual({ ok: true, applied: ferries.size })
    const [code] = await listCodes(questionId)
    expect(code!.label).toBe('Ferries')
    expect((await answerCodeHistory(answerIds[1]!)).map((h) => [h.label, h.source, h.applied_by])).toEqual([['Ferries', 'suggested', 'Morag Analyst']])
    const after = await listSuggestions(questionId)
    expect(after.find((s) => s.id === ferries.id)).toMatchObject({ status: 'accepted', codeId: code!.id })
    expect(await acceptSuggestion(official, consultationId, questionId, ferries.id, 'Again', true)).toEqual({ ok: false, reason: 'not_pending' })
  })

  test('merging joins answers; rejecting keeps the decision', async () => {
    const { consultationId, questionId, official, answerIds } = await givenThemedQuestion()
    await computeSuggestions(official, consultationId, questionId)
    const [a, b] = await listSuggestions(questionId)
    expect(await mergeSuggestion(official, consultationId, questionId, b!.id, a!.id)).toEqual({ ok: true })
    const merged = (await listSuggestions(questionId)).find((s) => s.id === a!.id)!
    expect(merged.size).toBe(a!.size + b!.size)
    expect(await rejectSuggestion(official, consultationId, questionId, a!.id)).toEqual({ ok: true })
    expect((await listSuggestions(questionId)).map((s) => s.status).sort()).toContain('rejected')
    expect(await answerCodeHistory(answerIds[0]!)).toEqual([])
  })
})

describe('campaign groups, stored', () => {
  test('the planted standard text is one group of three, two of them word for word', async () => {
    const { consultationId, questionId, official } = await givenThemedQuestion()
    expect(await refreshCampaignGroups(official, consultationId, questionId)).toBe(1)
    expect(await listCampaignGroups(questionId)).toMatchObject([{ text: campaign, size: 3, identical: 2 }])
  })
})
