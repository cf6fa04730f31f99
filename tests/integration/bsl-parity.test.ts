import { randomUUID } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { answerTallies, closedQuestionTables, getDashboard } from '~/modules/analysis/dashboard.server'
import { changeReport, getPublishedReport, publishReport } from '~/modules/analysis/report.server'
import { listQuestions } from '~/modules/consultations/queries.server'
import { getResponse } from '~/modules/consultations/responses-admin.server'
import { saveRespondentInfo, startDraft, submitDraft } from '~/modules/consultations/responding.server'
import { answers, consultations } from '~/modules/consultations/schema'
import { interpretationQueue, interpretResponse } from '~/modules/media/interpretation.server'
import { processMedia } from '~/modules/media/processing.server'
import { finishUpload, openUpload } from '~/modules/media/uploads.server'
import { getDb } from '~/platform/db.server'
import { setEnvForTests } from '~/platform/env.server'
import { stopJobs } from '~/platform/jobs.server'
import { givenConsultation } from '../helpers/consultations'
import { withTestDatabase } from '../helpers/db'
import { validMp4 } from '../helpers/media-videos'
import { browserRequest } from '../helpers/requests'
import { givenPerson } from '../helpers/people'

withTestDatabase()
beforeAll(() => void setEnvForTests({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'guth-bsl-parity-')) }))
afterAll(async () => {
  await stopJobs()
  setEnvForTests({})
})

/** A respondent who answered the scale question (question 1) by BSL video and sent the response. */
async function givenBslScaleAnswer() {
  const { consultation, questions } = await givenConsultation({
    questions: [
      { kind: 'scale', prompt: 'Ferries should run later in the evening.' },
      { kind: 'multiple', prompt: 'Which islands do you travel to?', options: ['Arran', 'Mull', 'Islay'] },
    ],
  })
  const { draft, cookie } = await startDraft(browserRequest(`/consultations/${consultation.slug}/respond`), consultation, 'en')
  const request = browserRequest(`/consultations/_uploads`, [cookie!])
  for (const question of questions) {
    const opened = await openUpload(request, `test-${randomUUID()}`, {
      purpose: 'answer',
      consultation: consultation.slug,
      questionId: question.id,
      fileName: 'answer.mp4',
      size: null,
    })
    if (!opened.ok) throw new Error(opened.reason)
    await finishUpload(opened.media.uploadId!, validMp4(), 'video/mp4')
    await processMedia(opened.media.id)
  }
  await saveRespondentInfo(draft, {
    respondentType: 'individual',
    name: 'Eilidh',
    organisationName: null,
    email: null,
    publishConsent: 'anonymous',
    contactConsent: false,
    isBslUser: true,
  })
  expect((await submitDraft(consultation, draft.id, await listQuestions(consultation.id))).ok).toBe(true)
  return { consultation, scale: questions[0]!, multiple: questions[1]!, responseId: draft.id, official: await givenPerson({ roles: ['official'] }) }
}

const agreeCount = async (consultationId: string) => {
  const [table] = await closedQuestionTables(consultationId, 'en')
  return table!.table.rows.find((r) => r.key === 'agree')!.cells.all.n
}

describe('BSL answers to closed questions', () => {
  test('an interpreted scale answer counts in the tally, the dashboard and the published report, marked BSL', async () => {
    const { consultation, scale, responseId, official } = await givenBslScaleAnswer()
    const queue = await interpretationQueue(official, consultation.id, 'en')
    expect(queue!.items[0]!.questions[0]!.options!.map((o) => o.value)).toEqual(['strongly_agree', 'agree', 'neutral', 'disagree', 'strongly_disagree'])
    expect(await agreeCount(consultation.id)).toBe(0)
    expect((await getDashboard(official, consultation.id, 'en'))!.bslAwaiting).toBe(2)

    const saved = await interpretResponse(
      official,
      consultation.id,
      responseId,
      new Map([[scale.id, 'They agree: later ferries would help.']]),
      true,
      new Map([[scale.id, ['agree']]]),
    )
    expect(saved.ok).toBe(true)

    const [answer] = await getDb().select().from(answers).where(eq(answers.questionId, scale.id))
    expect(answer).toMatchObject({ choices: ['agree'], text: null, interpretation: 'They agree: later ferries would help.' })
    expect((await getResponse(official, consultation.id, responseId, 'en'))!.response.channel).toBe('bsl')
    expect(await agreeCount(consultation.id)).toBe(1)
    expect(await answerTallies([scale.id], ['choice'])).toMatchObject([{ choice: 'agree', channel: 'bsl', n: 1 }])
    const dashboard = await getDashboard(official, consultation.id, 'en')
    expect(dashboard!.closed[0]!.table.base.all).toBe(1)
    expect(dashboard!.bslAwaiting).toBe(1)

    await getDb()
      .update(consultations)
      .set({ closesAt: new Date(Date.now() - 60_000) })
      .where(eq(consultations.id, consultation.id))
    const form = new FormData()
    form.set('intent', 'add:questions:closedQuestion')
    form.set('questions-closedQuestion', scale.id)
    form.set('questions-display', 'table')
    await changeReport(official, consultation.id, form)
    expect(await publishReport(official, consultation.id)).toEqual({ status: 'published' })
    const published = await getPublishedReport(consultation.slug, 'en')
    const block = published!.report.sections.find((s) => s.key === 'questions')!.blocks[0]!
    expect(block.type === 'closedQuestion' && block.table.rows.find((r) => r.key === 'agree')!.cells.all.n).toBe(1)
    expect(published!.report.bslInterpreted).toBe(1)
  })

  test('an option the question does not offer is refused for that question, and nothing is saved', async () => {
    const { consultation, scale, multiple, responseId, official } = await givenBslScaleAnswer()
    const refused = await interpretResponse(
      official,
      consultation.id,
      responseId,
      new Map([
        [scale.id, 'Agrees.'],
        [multiple.id, 'Arran and Skye.'],
      ]),
      true,
      new Map([
        [scale.id, ['agree']],
        [multiple.id, ['arran', 'skye']],
      ]),
    )
    expect(refused).toMatchObject({ ok: false, reason: 'invalid_choice' })
    expect(!refused.ok && refused.reason === 'invalid_choice' && [...refused.errors]).toEqual([[multiple.id, 'bsl:interpret.errors.unknownOption']])
    expect(await getDb().select().from(answers).where(eq(answers.questionId, scale.id))).toMatchObject([{ choices: [], interpretation: null }])
    expect(await agreeCount(consultation.id)).toBe(0)

    const twoOnAScale = await interpretResponse(official, consultation.id, responseId, new Map(), false, new Map([[scale.id, ['agree', 'disagree']]]))
    expect(twoOnAScale).toMatchObject({ ok: false, reason: 'invalid_choice' })
  })
})
