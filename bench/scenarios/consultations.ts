import type { Scenario } from '../lib/scenario'

// The pages people hit hardest on a closing day: the list and the consultation itself.
const scenarios: Scenario[] = [
  { name: 'consultation', path: '/consultations/local-democracy-bill', headers: { 'accept-language': 'en' } },
  { name: 'consultation-list', path: '/consultations', headers: { 'accept-language': 'en' } },
]

export default scenarios
