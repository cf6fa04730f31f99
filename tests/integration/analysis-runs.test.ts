import { afterAll, describe, expect, test } from 'vitest'
import { listCampaignGroups } from '~/modules/analysis/campaigns.server'
import { latestRun, requestRun } from '~/modules/analysis/runs.server'
import { listSuggestions } from '~/modules/analysis/suggestions.server'
import { changeSuggestions, readThemesPage } from '~/modules/analysis/themes-page.server'
import { getConnection } from '~/platform/db.server'
import { startWorkers, stopJobs } from '~/platform/jobs.server'
import { withTestDatabase } from '../helpers/db'
import { poll } from '../helpers/smtp'
import { givenPerson } from '../helpers/people'
import { givenAnalysedConsultation } from '../helpers/consultations'
import { givenResponses } from '../helpers/responses'

withTestDatabase()
afterAll(() => stopJobs())

// Suggested themes and campaign texts are worked out by a background job an official starts.

const campaign = 'We the undersigned call on ministers to give every community council a guaranteed budget and real powers now.'

async function givenQuestion() {
  const { consultation, questions } = await givenAnalysedConsultation()
  const ids = questions.map((q) => q.id)
  const texts = ['Island ferries are cancelled too often.', 'Ferries to the islands are unreliable.', 'Participatory budgeting gave our town a say.', 'More participatory budgeting please.', campaign, campaign, campaign]
  await givenResponses(consultation.id, ids, texts.map((text) => ({ answers: { 1: text } })))
  return { consultationId: consultation.id, questionId: ids[1]!, official: await givenPerson({ roles: ['official'] }) }
}

const finished = (questionId: string, kind: 'themes' | 'campaigns') =>
  poll(async () => {
    const run = await latestRun(questionId, kind)
    return run && run.status !== 'queued' && run.status !== 'running' ? run : undefined
  }, 30_000, `the ${kind} run to finish`)

describe('background runs of suggested themes and campaign texts', () => {
  test('asking starts one run; asking again while it goes is refused; the worker stores what it found', async () => {
    const { consultationId, questionId, official } = await givenQuestion()
    const form = (fields: Record<string, string>) => Object.entries(fields).reduce((f, [k, v]) => (f.append(k, v), f), new FormData())
    expect(await changeSuggestions(official, consultationId, questionId, form({ intent: 'compute' }))).toEqual({ status: 'done', done: 'queued' })
    expect(await changeSuggestions(official, consultationId, questionId, form({ intent: 'compute' }))).toEqual({ status: 'done', done: 'already' })
    expect((await readThemesPage(official, consultationId, questionId, 'en'))!.run).toMatchObject({ status: 'queued' })
    expect(await requestRun(official, consultationId, questionId, 'campaigns')).toBe('queued')

    await startWorkers({ pollingIntervalSeconds: 0.5 })
    const themes = await finished(questionId, 'themes')
    const suggestions = await listSuggestions(questionId)
    expect(themes).toMatchObject({ status: 'done', found: suggestions.length })
    expect(suggestions.length).toBeGreaterThan(0)
    const campaigns = await finished(questionId, 'campaigns')
    expect(campaigns).toMatchObject({ status: 'done', found: 1 })
    expect((await listCampaignGroups(questionId))[0]!.size).toBe(3)

    // Done, another run may be asked for.
    expect(await requestRun(official, consultationId, questionId, 'themes')).toBe('queued')
    expect((await finished(questionId, 'themes')).status).toBe('done')
  })

  test('a run left "running" by a worker that died does not block asking again an hour later', async () => {
    const { consultationId, questionId, official } = await givenQuestion()
    await getConnection().query(`insert into analysis_runs (question_id, kind, status, created_at) values ($1, 'themes', 'running', now() - interval '2 hours')`, [questionId])
    expect(await requestRun(official, consultationId, questionId, 'themes')).toBe('queued')
    const [stale] = await getConnection().query<{ status: string }>(`select status from analysis_runs where question_id = $1 order by created_at limit 1`, [questionId])
    expect(stale!.status).toBe('failed')
  })

  test('someone who may not analyse the consultation cannot start a run', async () => {
    const { consultationId, questionId } = await givenQuestion()
    await expect(requestRun(await givenPerson(), consultationId, questionId, 'themes')).rejects.toMatchObject({ status: 403 })
    expect(await latestRun(questionId, 'themes')).toBeNull()
  })
})
