import { everyone, manage, NO_SUCH_ID, officials, officialsFind, type RouteCase } from './shared'

// Routes of analysis of responses. The public pages exist only once an analysis is published,
// which the seeded consultation's is not (another test may publish its own).
const analysis = `${manage}/analysis`
const question = `${analysis}/questions/{question}`

export const analysisCases: RouteCase[] = [
  { files: ['manage.consultations.$id.analysis._index.tsx'], path: analysis, expect: officials },
  { files: ['manage.consultations.$id.analysis._index.tsx'], path: `/manage/consultations/${NO_SUCH_ID}/analysis`, expect: officialsFind(404) },
  { files: ['manage.consultations.$id.analysis.questions.$questionId._index.tsx'], path: question, expect: officials },
  { files: ['manage.consultations.$id.analysis.questions.$questionId._index.tsx'], path: `${analysis}/questions/${NO_SUCH_ID}`, expect: officialsFind(404) },
  { files: ['manage.consultations.$id.analysis.questions.$questionId._index.tsx'], path: `${question}?type=nobody`, expect: officialsFind(400) },
  { files: ['manage.consultations.$id.analysis.questions.$questionId.answers.$answerId.tsx'], path: `${question}/answers/${NO_SUCH_ID}`, expect: officialsFind(404) },
  { files: ['manage.consultations.$id.analysis.questions.$questionId.themes.tsx'], path: `${question}/themes`, expect: officials },
  { files: ['manage.consultations.$id.analysis.questions.$questionId.campaigns.tsx'], path: `${question}/campaigns`, expect: officials },
  { files: ['manage.consultations.$id.analysis.report.tsx'], path: `${analysis}/report`, expect: officials },
  { files: ['manage.consultations.$id.analysis.report.preview.tsx'], path: `${analysis}/report/preview`, expect: officials },
  { files: ['manage.consultations.$id.analysis.redactions.tsx'], path: `${analysis}/redactions`, expect: officials },
  { files: ['analysis.$slug._index.tsx'], path: '/analysis/no-such-consultation', expect: everyone(404) },
  { files: ['analysis.$slug.responses.tsx'], path: '/analysis/no-such-consultation/responses', expect: everyone(404) },
  { files: ['analysis.$slug.tables.$tableId[.]csv.tsx'], path: '/analysis/no-such-consultation/tables/t.csv', expect: everyone(404) },
]
