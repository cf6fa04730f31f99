import { HttpVisitor } from '../../tests/helpers/http-session'
import type { Scenario, SetupContext } from '../lib/scenario'

// The officials' analysis pages on the closed consultation synth-1: SEED_ANALYSIS_BENCH synthetic
// respondents × 20 questions (scripts/synth-data.ts, seed 1), made by the server's seed. Scenario
// files load before the server starts, so asking for these scenarios (or for all) sets it here;
// other runs do not pay for the seeding.
const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('--'))
if (!wanted.length || wanted.some((name) => name.startsWith('analysis-'))) process.env.SEED_ANALYSIS_BENCH ??= '30000'

interface Pages {
  cookie: string
  dashboard: string
  question: string
  answer: string
}

let pages: Promise<Pages> | undefined

/** Signs in as the seeded official once a run and finds the dashboard, the first open question and its second answer. */
function findPages(baseUrl: string, { mailDir }: SetupContext) {
  pages ??= (async () => {
    const official = new HttpVisitor(baseUrl, { 'accept-language': 'en' })
    await official.signIn('official@guth.example', mailDir)
    const read = async (path: string) => {
      const response = await official.request(path)
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`)
      return response.text()
    }
    const row = (await read('/manage/consultations')).split('<tr').find((r) => r.includes('href="/consultations/synth-1"'))
    const id = /\/manage\/consultations\/([0-9a-f-]{36})/.exec(row ?? '')?.[1]
    if (!id) throw new Error('No consultation synth-1: was SEED_ANALYSIS_BENCH set when the server started?')
    const dashboard = `/manage/consultations/${id}/analysis`
    const questionId = new RegExp(`href="${dashboard}/questions/([0-9a-f-]{36})"`).exec(await read(dashboard))?.[1]
    if (!questionId) throw new Error(`No open question on ${dashboard}`)
    const question = `${dashboard}/questions/${questionId}`
    // The second answer of the first page has both a previous and a next answer.
    const answerId = [...(await read(question)).matchAll(new RegExp(`href="${question}/answers/([0-9a-f-]{36})"`, 'g'))][1]?.[1]
    if (!answerId) throw new Error(`Fewer than two answers on ${question}`)
    const cookie = (official as unknown as { cookieHeader(): string }).cookieHeader()
    return { cookie, dashboard, question, answer: `${question}/answers/${answerId}` }
  })()
  return pages
}

/** A setup that signs in and asks for the page `pathOf` picks. */
const signedIn = (pathOf: (pages: Pages) => string) => async (baseUrl: string, context: SetupContext) => {
  const found = await findPages(baseUrl, context)
  return { path: pathOf(found), headers: { cookie: found.cookie } }
}

const headers = { 'accept-language': 'en' }
const question = '/manage/consultations/:id/analysis/questions/:questionId'

export default [
  // Who responded, by type, channel and day; every closed question's table; open answer counts.
  { name: 'analysis-dashboard', path: '/manage/consultations/:id/analysis', headers, setup: signedIn((p) => p.dashboard) },
  // One open question's answers: the first page, a full-text search, and a filtered page deep in.
  { name: 'analysis-answers', path: question, headers, setup: signedIn((p) => p.question) },
  { name: 'analysis-answers-search', path: `${question}?q=island+ferries`, headers, setup: signedIn((p) => `${p.question}?q=island+ferries`) },
  {
    name: 'analysis-answers-filtered',
    path: `${question}?type=individual&reviewed=no&page=40`,
    headers,
    setup: signedIn((p) => `${p.question}?type=individual&reviewed=no&page=40`),
  },
  // Coding one answer: its codes, history and the previous and next answers.
  { name: 'analysis-answer-coding', path: `${question}/answers/:answerId`, headers, setup: signedIn((p) => p.answer) },
] satisfies Scenario[]
