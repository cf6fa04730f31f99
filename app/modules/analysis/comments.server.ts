import { eq } from 'drizzle-orm'
import { loadComments, registerCommentSubject } from '~/modules/comments/index.server'
import { getConsultationById } from '~/modules/consultations/index.server'
import { getDb } from '~/platform/db.server'
import { analysisReports } from './schema'

// Comments on a published analysis report, through the comments module: it asks this resolver
// whether a report exists, is public and takes comments, so it never reads the analysis tables.
registerCommentSubject('analysis_report', async (id) => {
  const [report] = await getDb().select({ status: analysisReports.status, consultationId: analysisReports.consultationId }).from(analysisReports).where(eq(analysisReports.id, id))
  const consultation = report ? await getConsultationById(report.consultationId) : null
  if (!report || !consultation) return null
  const readable = report.status === 'published' && Boolean(consultation.publishedAt) && !consultation.retractedAt
  return { readable, open: readable, href: `/analysis/${consultation.slug}`, anchors: [] }
})

/** The comments section of a published report's page. */
export const loadReportComments = (request: Request, reportId: string) => loadComments(request, { type: 'analysis_report', id: reportId }, { open: true })
