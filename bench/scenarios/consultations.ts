import { HttpVisitor } from '../../tests/helpers/http-session'
import type { Scenario } from '../lib/scenario'

/** A respondent who has started and filled in the Respondent Information Form, as on a question page. */
async function startedResponse(baseUrl: string) {
  const visitor = new HttpVisitor(baseUrl)
  const base = '/consultations/local-democracy-bill/respond'
  await visitor.postForm(base, {})
  await visitor.postForm(`${base}/about-you`, { respondentType: 'individual', name: 'Bench', publishConsent: 'anonymous', contactConsent: 'no' })
  return { headers: { cookie: visitor.cookieHeader() } }
}

// The pages people hit hardest on a closing day: the list and the consultation itself.
const scenarios: Scenario[] = [
  { name: 'consultation', path: '/consultations/local-democracy-bill', headers: { 'accept-language': 'en' } },
  { name: 'consultation-list', path: '/consultations', headers: { 'accept-language': 'en' } },
  { name: 'question', path: '/consultations/local-democracy-bill/respond/questions/1', headers: { 'accept-language': 'en' }, setup: startedResponse },
]

export default scenarios
