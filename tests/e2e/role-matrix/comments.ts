import { everyone, NO_SUCH_ID, type Expected, type RouteCase, signedIn } from './shared'

// Routes of threaded comments.
const moderators: Expected = { ...everyone(403), anonymous: 302, moderator: 200, admin: 200 }

export const commentCases: RouteCase[] = [
  { files: ['comments.new.tsx'], path: '/comments/new', expect: everyone(200) },
  { files: ['comments.$id._index.tsx'], path: `/comments/${NO_SUCH_ID}`, expect: everyone(404) },
  { files: ['comments.$id._index.tsx'], path: '/comments/not-a-comment', expect: everyone(404) },
  { files: ['comments.$id.edit.tsx'], path: `/comments/${NO_SUCH_ID}/edit`, expect: signedIn(404) },
  { files: ['comments.$id.report.tsx'], path: `/comments/${NO_SUCH_ID}/report`, expect: signedIn(404) },
  { files: ['comments.consultations.$slug.$block.tsx'], path: '/comments/consultations/local-democracy-bill/p-nosuchblock', expect: everyone(404) },
  { files: ['comments.consultations.$slug.$block.tsx'], path: '/comments/consultations/no-such-consultation/p-nosuchblock', expect: everyone(404) },
  { files: ['moderate.comments._index.tsx'], path: '/moderate/comments', expect: moderators },
  { files: ['moderate.comments.$id.tsx'], path: `/moderate/comments/${NO_SUCH_ID}`, expect: { ...moderators, moderator: 404, admin: 404 } },
]
