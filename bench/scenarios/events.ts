import type { Scenario } from '../lib/scenario'

// The calendar with 2,000 published events (the server seeds them when SEED_EVENT_BENCH is set;
// scenario files load before the server starts, so asking for these scenarios, or for all, sets it).
const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('--'))
if (!wanted.length || wanted.some((name) => name.startsWith('events-'))) process.env.SEED_EVENT_BENCH ??= '2000'

/** The feed's current ETag, so the run measures what polling calendar apps mostly get: 304s. */
async function currentEtag(baseUrl: string) {
  const response = await fetch(`${baseUrl}/feeds/events.ics`)
  await response.arrayBuffer()
  const etag = response.headers.get('etag')
  if (!etag) throw new Error('The all-events feed sent no ETag')
  return { headers: { 'if-none-match': etag } }
}

export default [
  { name: 'events-list', path: '/events', headers: { 'accept-language': 'en' } },
  { name: 'events-list-filtered', path: '/events?access=bsl&mode=in_person&page=3', headers: { 'accept-language': 'en' } },
  { name: 'event-page', path: '/events/pioneer-year-launch-edinburgh', headers: { 'accept-language': 'en' } },
  { name: 'events-month', path: '/events/month', headers: { 'accept-language': 'en' } },
  // A calendar app fetching the whole feed, and polling it again unchanged (ETag → 304).
  { name: 'events-feed-all', path: '/feeds/events.ics' },
  { name: 'events-feed-304', path: '/feeds/events.ics', setup: currentEtag, expectStatus: 304 },
  { name: 'events-rss', path: '/feeds/events.rss' },
] satisfies Scenario[]
