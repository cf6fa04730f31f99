import type { Scenario } from '../lib/scenario'

// A consultation whose general discussion holds 20,000 comments (one chain hundreds deep, one
// thread with thousands of direct replies, the rest branching): the server seeds it when
// SEED_COMMENT_BENCH is set. Scenario files load before the server starts, so asking for these
// scenarios (or for all) sets it here; other runs do not pay for the seeding.
const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('--'))
if (!wanted.length || wanted.some((name) => name.startsWith('comments-'))) process.env.SEED_COMMENT_BENCH ??= '20000'

const page = '/consultations/comments-bench'

/** The first "continue this thread" link on a page: the deep chain's permalink. */
async function deepThread(baseUrl: string) {
  const html = await (await fetch(`${baseUrl}${page}`)).text()
  const match = /href="(\/comments\/[0-9a-f-]{36})#replies"[^>]*>Continue this thread/.exec(html)
  if (!match) throw new Error(`No deep thread on ${page}: was SEED_COMMENT_BENCH set when the server started?`)
  return { path: match[1] }
}

export default [
  // The consultation page: paper, paragraph counts and the first page of threads.
  { name: 'comments-first-page', path: page, headers: { 'accept-language': 'en' } },
  { name: 'comments-most-supported', path: `${page}?sort=supported`, headers: { 'accept-language': 'en' } },
  { name: 'comments-last-page', path: `${page}?page=10`, headers: { 'accept-language': 'en' } },
  // "Continue this thread" in the deep chain: a comment with its context above and replies below.
  { name: 'comments-continue-thread', path: page, headers: { 'accept-language': 'en' }, setup: deepThread },
] satisfies Scenario[]
