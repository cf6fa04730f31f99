import type { Scenario } from '../lib/scenario'

// healthz is the baseline: Express plus one `SELECT 1`, no Remix. static is the anchor for pages:
// the cheapest fully rendered page (layout, framework, no data), so a page's ratio to it is what
// the page itself costs. Both ratios stay comparable across machines and runs.
export default [
  { name: 'healthz', path: '/healthz' },
  { name: 'static', path: '/accessibility', headers: { 'accept-language': 'en' } },
  { name: 'home', path: '/', headers: { 'accept-language': 'en' } },
] satisfies Scenario[]
