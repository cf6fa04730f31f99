import { expect, test } from 'vitest'
import { getDashboard } from '~/modules/analysis/dashboard.server'
import { answerText } from '~/modules/consultations/answer-summary'
import { buildResponseTable } from '~/modules/consultations/export.server'
import { validateAnswer } from '~/modules/consultations/question-kinds'
import { listQuestions } from '~/modules/consultations/queries.server'
import { answersOf, saveAnswers, saveRespondentInfo, startDraft, submitDraft } from '~/modules/consultations/responding.server'
import { givenConsultation } from '../helpers/consultations'
import { withTestDatabase } from '../helpers/db'
import { CSRF, cookieFor, routeContext } from '../helpers/http'
import { givenPerson } from '../helpers/people'
import { browserRequest } from '../helpers/requests'
import * as entryRoute from '~/routes/manage.consultations.$id.responses.new'

withTestDatabase()

const about = (respondentType: 'individual' | 'organisation') => ({
  respondentType,
  name: null,
  organisationName: respondentType === 'organisation' ? 'Leith Community Council' : null,
  email: null,
  publishConsent: 'anonymous' as const,
  contactConsent: false,
  isBslUser: null,
})

test('rankings are stored most preferred first, read back on check answers, exported and analysed by first choice and mean rank', async () => {
  const { consultation } = await givenConsultation({
    questions: [{ kind: 'ranking', prompt: 'What should the council fund first?', options: ['Parks', 'Libraries', 'Roads'], required: true }],
  })
  const [question] = await listQuestions(consultation.id)
  const [parks, libraries, roads] = question!.options.map((o) => o.value)
  // Each as the question page posts it: one "option:position" per select.
  const send = async (type: 'individual' | 'organisation', posted: string[]) => {
    const { draft } = await startDraft(browserRequest('/'), consultation, 'en')
    await saveRespondentInfo(draft, about(type))
    const checked = validateAnswer(question!, { text: null, choices: posted })
    if (!checked.ok) throw new Error(checked.error)
    await saveAnswers(draft, [{ questionId: question!.id, answer: checked.answer }])
    expect(answerText(question!, (await answersOf(draft.id)).get(question!.id), 'en')).toBeTruthy()
    const sent = await submitDraft(consultation, draft.id, [question!])
    expect(sent.ok).toBe(true)
    return draft.id
  }
  const first = await send('individual', [`${parks}:2`, `${libraries}:3`, `${roads}:1`])
  await send('individual', [`${parks}:1`, `${libraries}:2`, `${roads}:3`])
  await send('organisation', [`${parks}:3`, `${libraries}:2`, `${roads}:1`])
  await send('organisation', [`${parks}:2`, `${libraries}:3`, `${roads}:1`])

  expect(answerText(question!, (await answersOf(first)).get(question!.id), 'en')).toBe('1. Roads; 2. Parks; 3. Libraries')

  const official = await givenPerson({ roles: ['official'] })
  const exported = await buildResponseTable(official, consultation.id, { kind: 'full', filters: {} })
  const column = exported!.table.headers.indexOf('Q1: What should the council fund first?')
  expect(exported!.table.rows.map((row) => row[column]).sort()).toEqual(['Parks > Libraries > Roads', 'Roads > Libraries > Parks', 'Roads > Parks > Libraries', 'Roads > Parks > Libraries'])

  const dashboard = await getDashboard(official, consultation.id, 'en')
  const table = dashboard!.closed.find((q) => q.questionId === question!.id)!.table
  expect(table.base).toEqual({ all: 4, individual: 2, organisation: 2 })
  expect(table.rows.map((r) => [r.label, r.cells.all.n, r.cells.all.pct, r.meanRank?.all])).toEqual([
    ['Parks', 1, 25, 2],
    ['Libraries', 0, 0, 2.5],
    ['Roads', 3, 75, 1.5],
  ])
  expect(table.rows.map((r) => [r.label, r.cells.organisation.pct, r.meanRank?.organisation])).toEqual([
    ['Parks', 0, 2.5],
    ['Libraries', 0, 2.5],
    ['Roads', 100, 1],
  ])
})

test('an optional ranking may leave options out; their mean rank counts only those who ranked them', async () => {
  const { consultation } = await givenConsultation({
    questions: [{ kind: 'ranking', prompt: 'Rank the meeting times you could make', options: ['Mornings', 'Evenings', 'Weekends'] }],
  })
  const [question] = await listQuestions(consultation.id)
  const [mornings, evenings, weekends] = question!.options.map((o) => o.value)
  for (const posted of [[`${mornings}:`, `${evenings}:1`, `${weekends}:`], [`${mornings}:2`, `${evenings}:1`, `${weekends}:`]]) {
    const { draft } = await startDraft(browserRequest('/'), consultation, 'en')
    await saveRespondentInfo(draft, about('individual'))
    const checked = validateAnswer(question!, { choices: posted })
    await saveAnswers(draft, [{ questionId: question!.id, answer: checked.ok ? checked.answer : { text: null, choices: [] } }])
    expect((await submitDraft(consultation, draft.id, [question!])).ok).toBe(true)
  }
  const official = await givenPerson({ roles: ['official'] })
  const table = (await getDashboard(official, consultation.id, 'en'))!.closed[0]!.table
  expect(table.rows.map((r) => [r.label, r.cells.all.n, r.meanRank?.all])).toEqual([
    ['Mornings', 0, 2],
    ['Evenings', 2, 1],
    ['Weekends', 0, null],
  ])
})

test('an official entering a response received by post ranks with the same selects; a repeated position is refused with the choices kept', async () => {
  const { consultation } = await givenConsultation({
    questions: [{ kind: 'ranking', prompt: 'What should the council fund first?', options: ['Parks', 'Libraries', 'Roads'], required: true }],
  })
  const [question] = await listQuestions(consultation.id)
  const official = await givenPerson({ roles: ['official'] })
  const cookie = await cookieFor(official.id)
  const path = `/manage/consultations/${consultation.id}/responses/new`
  const page = (await entryRoute.loader({ request: new Request(`http://localhost${path}`, { headers: { cookie } }), params: { id: consultation.id }, context: routeContext })) as { idempotencyKey: string }
  const post = (ranks: string[]) =>
    entryRoute.action({
      request: new Request(`http://localhost${path}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams([
          ['csrf', CSRF],
          ['idempotencyKey', page.idempotencyKey],
          ['channel', 'post'],
          ['receivedOn', '1/7/2026'],
          ['respondentType', 'individual'],
          ['publishConsent', 'anonymous'],
          ['contactConsent', 'no'],
          ...ranks.map((rank): [string, string] => [`answers.${question!.id}`, rank]),
        ]),
      }),
      params: { id: consultation.id },
      context: routeContext,
    })
  const refused = (await post(['parks:1', 'libraries:1', 'roads:2'])) as { data: { result: { error: Record<string, string[]>; initialValue: Record<string, unknown> } } }
  expect(refused.data.result.error[`answers.${question!.id}`]).toEqual(['respond:errors.rankingRepeated'])
  expect(refused.data.result.initialValue).toMatchObject({ answers: { [question!.id]: ['parks:1', 'libraries:1', 'roads:2'] } })

  expect(((await post(['parks:3', 'libraries:1', 'roads:2'])) as Response).status).toBe(303)
  const exported = await buildResponseTable(official, consultation.id, { kind: 'full', filters: {} })
  expect(exported!.table.rows.map((row) => row.at(-1))).toEqual(['Libraries > Roads > Parks'])
})
