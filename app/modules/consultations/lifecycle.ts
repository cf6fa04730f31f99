export type ConsultationStatus = 'draft' | 'forthcoming' | 'open' | 'closed' | 'analysis_published' | 'retracted'

interface Dated {
  publishedAt: Date | null
  retractedAt: Date | null
  opensAt: Date
  closesAt: Date
  analysisPublishedAt: Date | null
}

/** Where a consultation is in its life, from its dates and flags alone. */
export function statusOf(consultation: Dated, now = new Date()): ConsultationStatus {
  if (consultation.retractedAt) return 'retracted'
  if (!consultation.publishedAt) return 'draft'
  if (consultation.analysisPublishedAt) return 'analysis_published'
  if (now < consultation.opensAt) return 'forthcoming'
  if (now < consultation.closesAt) return 'open'
  return 'closed'
}
