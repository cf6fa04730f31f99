// Every route, visited by GET as every kind of person, with the status each must get.
import { alertCases } from './alerts'
import { analysisCases } from './analysis'
import { bslCases } from './bsl'
import { commentCases } from './comments'
import { eventCases } from './events'
import {
  adminOnly,
  consultation,
  everyone,
  manage,
  NO_SUCH_ID,
  officials,
  officialsFind,
  respond,
  type RouteCase,
  signedIn,
} from './shared'

export { type Role, roles } from './shared'

export const routeCases: RouteCase[] = [
  { files: ['_index.tsx'], path: '/', expect: everyone(200) },
  { files: ['accessibility.tsx'], path: '/accessibility', expect: everyone(200) },
  { files: ['privacy.tsx'], path: '/privacy', expect: everyone(200) },
  { files: ['cookies.tsx'], path: '/cookies', expect: everyone(200) },
  { files: ['$.tsx'], path: '/no-such-page', expect: everyone(404) },
  // The error page that files and feeds answer with when they refuse a request.
  { files: ['errors.$status.tsx'], path: '/errors/403', expect: everyone(403) },
  { files: ['language.tsx'], path: '/language', expect: everyone(302) },
  { files: ['sign-in._index.tsx'], path: '/sign-in', expect: everyone(200) },
  { files: ['sign-in.code.$attemptId.tsx'], path: '/sign-in/code/00000000-0000-4000-8000-000000000000', expect: everyone(200) },
  { files: ['sign-in.code.$attemptId.tsx'], path: '/sign-in/code/not-an-attempt', expect: everyone(404) },
  { files: ['sign-in.confirm.tsx'], path: '/sign-in/confirm?attempt=x&token=y', expect: everyone(200) },
  { files: ['sign-out.tsx'], path: '/sign-out', expect: everyone(302) },
  // A link we did not sign turns nothing off, for anyone.
  { files: ['unsubscribe.$token.tsx'], path: '/unsubscribe/replies.00000000-0000-4000-8000-000000000000.forged', expect: everyone(404) },
  // The outbox exists only on a local run; the test server sends real SMTP.
  { files: ['dev.mail._index.tsx'], path: '/dev/mail', expect: everyone(404) },
  { files: ['dev.mail.$id.tsx'], path: '/dev/mail/1-abc', expect: everyone(404) },
  { files: ['account._index.tsx'], path: '/account', expect: signedIn(200) },
  { files: ['account.data.tsx'], path: '/account/data', expect: signedIn(200) },
  { files: ['account.delete.tsx'], path: '/account/delete', expect: signedIn(200) },
  { files: ['account.sign-out-everywhere.tsx'], path: '/account/sign-out-everywhere', expect: everyone(302) },
  { files: ['admin._index.tsx'], path: '/admin', expect: adminOnly },
  { files: ['admin.people._index.tsx'], path: '/admin/people', expect: adminOnly },
  { files: ['admin.people.$id.tsx'], path: '/admin/people/00000000-0000-4000-8000-000000000000', expect: { ...adminOnly, admin: 404 } },
  { files: ['admin.organisations._index.tsx'], path: '/admin/organisations', expect: adminOnly },
  { files: ['admin.organisations.$slug.tsx'], path: '/admin/organisations/scottish-ogp-civil-society-network', expect: adminOnly },
  { files: ['admin.organisations.$slug.tsx'], path: '/admin/organisations/no-such-organisation', expect: { ...adminOnly, admin: 404 } },
  { files: ['admin.audit.tsx'], path: '/admin/audit', expect: adminOnly },
  { files: ['organisations.$slug.tsx'], path: '/organisations/scottish-ogp-civil-society-network', expect: everyone(200) },
  { files: ['organisations.$slug.tsx'], path: '/organisations/no-such-organisation', expect: everyone(404) },
  { files: ['consultations._index.tsx'], path: '/consultations?tab=closed&q=budget', expect: everyone(200) },
  { files: ['feeds.consultations[.]rss.tsx'], path: '/feeds/consultations.rss', expect: everyone(200) },
  { files: ['feeds.consultations[.]atom.tsx'], path: '/feeds/consultations.atom?lang=gd', expect: everyone(200) },
  { files: ['consultations.$slug._index.tsx'], path: consultation, expect: everyone(200) },
  { files: ['consultations.$slug._index.tsx'], path: '/consultations/no-such-consultation', expect: everyone(404) },
  { files: ['consultations.$slug.respond._index.tsx'], path: respond, expect: everyone(200) },
  // Without a response started on this device, the respond pages lead back to the start.
  ...['about-you', 'contents', 'check', 'save', 'questions/1'].map((page) => ({
    files: [`consultations.$slug.respond.${page === 'questions/1' ? 'questions.$number' : page}.tsx`],
    path: `${respond}/${page}`,
    expect: everyone(302),
    redirectsTo: respond,
  })),
  { files: ['consultations.$slug.respond.done.tsx'], path: `${respond}/done?ref=GUTH-0000-0000`, expect: everyone(404) },
  { files: ['consultations.$slug.resume.tsx'], path: `${consultation}/resume?token=not-a-token`, expect: everyone(200) },
  { files: ['documents.$documentId.tsx'], path: `/documents/${NO_SUCH_ID}`, expect: everyone(404) },
  { files: ['manage.consultations._index.tsx'], path: '/manage/consultations', expect: officials },
  { files: ['manage.consultations.new.tsx'], path: '/manage/consultations/new', expect: officials },
  { files: ['manage.consultations.$id._index.tsx'], path: manage, expect: officials },
  { files: ['manage.consultations.$id._index.tsx'], path: `/manage/consultations/${NO_SUCH_ID}`, expect: officialsFind(404) },
  { files: ['manage.consultations.$id.questions.new.tsx'], path: `${manage}/questions/new`, expect: officials },
  { files: ['manage.consultations.$id.questions.$questionId.tsx'], path: `${manage}/questions/{question}`, expect: officials },
  { files: ['manage.consultations.$id.documents.tsx'], path: `${manage}/documents`, expect: officials },
  { files: ['manage.consultations.$id.preview.tsx'], path: `${manage}/preview`, expect: officials },
  { files: ['manage.consultations.$id.responses._index.tsx'], path: `${manage}/responses`, expect: officials },
  { files: ['manage.consultations.$id.responses.$responseId.tsx'], path: `${manage}/responses/${NO_SUCH_ID}`, expect: officialsFind(404) },
  { files: ['manage.consultations.$id.responses.new.tsx'], path: `${manage}/responses/new`, expect: officials },
  { files: ['manage.consultations.$id.responses.export[.]csv.tsx'], path: `${manage}/responses/export.csv`, expect: officials },
  { files: ['manage.consultations.$id.responses.export[.]xlsx.tsx'], path: `${manage}/responses/export.xlsx?kind=publishable`, expect: officials },
  ...eventCases,
  ...commentCases,
  ...bslCases,
  ...analysisCases,
  ...alertCases,
]
