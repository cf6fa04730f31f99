import { everyone, manage, NO_SUCH_ID, officials, respond, type RouteCase } from './shared'

// Routes of British Sign Language questions and answers.
export const bslCases: RouteCase[] = [
  { files: ['bsl.tsx'], path: '/bsl', expect: everyone(200) },
  { files: ['consultations.$slug.respond.bsl.tsx'], path: `${respond}/bsl`, expect: everyone(200) },
  // The plain upload only takes posts; a stray visit goes to the response's contents.
  { files: ['consultations.$slug.respond.bsl-upload.tsx'], path: `${respond}/bsl-upload`, expect: everyone(302), redirectsTo: `${respond}/contents` },
  // A video nobody has: not found for everyone, and nothing says whether it ever existed.
  { files: ['media.$id.$file.tsx'], path: `/media/${NO_SUCH_ID}/video`, expect: everyone(404) },
  { files: ['manage.consultations.$id.bsl.tsx'], path: `${manage}/bsl`, expect: officials },
  { files: ['manage.consultations.$id.bsl-answers.tsx'], path: `${manage}/bsl-answers`, expect: officials },
]
