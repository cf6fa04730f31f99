import type { Scenario } from '../lib/scenario'

// healthz is the baseline: Express plus one `SELECT 1`, no Remix. Other scenarios are read as a
// ratio to it, which stays comparable across machines and runs.
export default [
  { name: 'healthz', path: '/healthz' },
  { name: 'home', path: '/', headers: { 'accept-language': 'en' } },
] satisfies Scenario[]
