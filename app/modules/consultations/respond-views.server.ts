import { formatLondon } from '~/kernel/london-time'
import type { Consultation } from './queries.server'
import { translate } from './questions'

/** What every respond page shows about the consultation itself, in the reader's language. */
export function consultationHeader(consultation: Consultation, status: string, language: string) {
  return {
    slug: consultation.slug,
    consultationTitle: translate(consultation.title, language),
    status,
    closes: formatLondon(consultation.closesAt, language),
    opens: formatLondon(consultation.opensAt, language),
  }
}
