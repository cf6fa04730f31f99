// The analysis module's public face for server code: queries, commands, read models. Never import it
// from code that runs in the browser (a component); index.ts holds what may.

import './comments.server'
import './runs.server'
export { changeAnswer, readAnswerPage } from './answer-page.server'
export { SHOWN_GROUPS } from './campaigns.server'
export { loadReportComments } from './comments.server'
export { getDashboard } from './dashboard.server'
export { getAnalysisSummary, listPublishedResponses, publishedTableCsv } from './publication.server'
export { changeCodeFrame, readQuestionPage } from './question-page.server'
export { readRedactionsPage } from './redactions.server'
export { readReportBuilder } from './report-builder.server'
export { changeReport, getPublishedReport, previewReport } from './report.server'
export { changeSuggestions, findCampaigns, readCampaignsPage, readThemesPage, type RunPageView } from './themes-page.server'

