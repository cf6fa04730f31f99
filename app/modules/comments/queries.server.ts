import type { Actor } from '~/modules/accounts'
import { getConnection } from '~/platform/db.server'
import { publicRead } from '~/platform/public-reads.server'
import type { SortOrder, SubjectType } from './forms'
import { canModerateComments } from './permissions'

// Reading threads in a fixed number of queries, whatever their size: one for a page of top-level
// comments, one recursive walk that takes at most a few replies per comment down to a depth
// limit, one for the reader's own votes and reports. Nothing here loads a whole thread.

export const THREADS_PER_PAGE = 20
/** Levels shown under a comment before "continue this thread" (top level + 3 = depth 4). */
export const SHOWN_LEVELS = 3
const CONTEXT_LEVELS = 3
// A page of threads shows at most `perThread` replies under each top-level comment (nearest the
// top first), so 20 busy threads stay a page people can read and the browser a page it can load
// quickly; the rest is a "show more" away. A comment's own page shows far more.
export const REPLIES_SHOWN = { page: { first: 3, deeper: 1, perThread: 4 }, permalink: { first: 100, deeper: 10, perThread: Infinity } }

export interface CommentView {
  id: string
  parentId: string | null
  depth: number
  status: 'visible' | 'hidden' | 'deleted' | 'pending'
  /** The text, or null where a placeholder stands (deleted, or hidden from this reader). */
  body: string | null
  /** Why a moderator hid it: shown to its author and to moderators. */
  moderationReason: string | null
  authorName: string | null
  authorId: string | null
  mine: boolean
  createdAt: string
  editedAt: string | null
  supportCount: number
  supported: boolean
  reported: boolean
  /** Replies not shown here ("show N more replies"). */
  moreReplies: number
  /** Replies exist below the depth shown here ("continue this thread"). */
  continues: boolean
  anchor: string | null
  children: CommentView[]
}

interface Row {
  id: string
  parent_id: string | null
  root_id: string
  depth: number
  path: string
  rel: number
  status: CommentView['status']
  body: string
  moderation_reason: string | null
  author_id: string | null
  author_name: string | null
  created_at: Date | string
  edited_at: Date | string | null
  support_count: number
  reply_count: number
  /** Of reply_count, the replies this reader may not see; absent where nothing is counted from it. */
  unseen_reply_count?: number
  anchor: string | null
  subject_type: SubjectType
  subject_id: string
  total?: number
}

const COLUMNS = `c.id, c.parent_id, c.root_id, c.depth, c.path, c.status, c.body, c.moderation_reason, c.author_id,
  c.created_at, c.edited_at, c.support_count, c.reply_count, c.anchor, c.subject_type, c.subject_id`
// Others' comments waiting for pre-moderation are invisible; the author and moderators see them.
const SEEN = `(c.status <> 'pending' OR c.author_id = $2 OR $3::boolean)`
// How many of c's replies SEEN leaves out, so "show N more replies" counts only what the reader
// would find. reply_count cannot say: it counts every reply, since it also numbers their paths.
const UNSEEN_REPLIES = `CASE WHEN $3::boolean OR c.reply_count = 0 THEN 0 ELSE (
  SELECT count(*)::int FROM comments r WHERE r.parent_id = c.id AND r.status = 'pending' AND (r.author_id = $2) IS NOT TRUE
) END AS unseen_reply_count`

const ORDER: Record<SortOrder, string> = {
  oldest: 'c.created_at ASC, c.id ASC',
  newest: 'c.created_at DESC, c.id DESC',
  supported: 'c.support_count DESC, c.created_at ASC, c.id ASC',
}

type Viewer = Actor | null | undefined

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString())

/** The replies under `rootIds` (not the roots themselves), a few per comment, down to SHOWN_LEVELS. */
async function loadReplies(rootIds: string[], viewer: Viewer, shown: (typeof REPLIES_SHOWN)['page']) {
  if (!rootIds.length) return []
  const rows = await getConnection().query<Row>(
    `WITH RECURSIVE tree AS (
       SELECT ${COLUMNS}, 0 AS unseen_reply_count, 0 AS rel FROM comments c WHERE c.id = ANY($1::uuid[])
       UNION ALL
       SELECT k.*, t.rel + 1 FROM tree t CROSS JOIN LATERAL (
         SELECT ${COLUMNS}, ${UNSEEN_REPLIES} FROM comments c
          WHERE c.parent_id = t.id AND ${SEEN}
          ORDER BY c.path
          LIMIT CASE WHEN t.rel = 0 THEN $4::int ELSE $5::int END
       ) k
       WHERE t.rel < $6::int
     )
     SELECT tree.*, u.display_name AS author_name FROM tree LEFT JOIN users u ON u.id = tree.author_id
      WHERE tree.rel > 0 ORDER BY tree.path`,
    [rootIds, viewer?.id ?? null, canModerateComments(viewer), shown.first, shown.deeper, SHOWN_LEVELS],
  )
  return shown.perThread === Infinity ? rows : firstOfEachThread(rows, shown.perThread)
}

/** The first `budget` replies of each thread, level by level (so every reply kept has its parent), in thread order. */
function firstOfEachThread(rows: Row[], budget: number) {
  const taken = new Map<string, number>()
  const kept = new Set<Row>()
  const byLevel = [...rows].sort((a, b) => a.rel - b.rel || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  for (const row of byLevel) {
    const count = taken.get(row.root_id) ?? 0
    if (count >= budget) continue
    kept.add(row)
    taken.set(row.root_id, count + 1)
  }
  return rows.filter((row) => kept.has(row))
}

/** The reader's supports and reports among these comments, and whether they are blocked. */
async function loadViewerState(viewer: Viewer, ids: string[]) {
  if (!viewer) return { supported: new Set<string>(), reported: new Set<string>(), blocked: false }
  const rows = await getConnection().query<{ id: string; kind: string }>(
    `SELECT comment_id AS id, 'vote' AS kind FROM comment_votes WHERE user_id = $1 AND comment_id = ANY($2::uuid[])
     UNION ALL SELECT comment_id, 'flag' FROM comment_flags WHERE reporter_id = $1 AND comment_id = ANY($2::uuid[])
     UNION ALL SELECT user_id, 'blocked' FROM comment_blocks WHERE user_id = $1`,
    [viewer.id, ids],
  )
  const of = (kind: string) => new Set(rows.filter((row) => row.kind === kind).map((row) => row.id))
  return { supported: of('vote'), reported: of('flag'), blocked: rows.some((row) => row.kind === 'blocked') }
}

const seenReplies = (row: Row) => row.reply_count - (row.unseen_reply_count ?? 0)

/** Rows to nested views: what this reader may read, with the "more replies" and "continue" counts. */
function buildTree(rows: Row[], viewer: Viewer, state: Awaited<ReturnType<typeof loadViewerState>>, baseDepth: number) {
  const moderator = canModerateComments(viewer)
  const views = new Map<string, CommentView>()
  const roots: CommentView[] = []
  for (const row of rows) {
    const mine = Boolean(viewer && row.author_id === viewer.id)
    const readable = row.status === 'visible' || row.status === 'pending' || (row.status === 'hidden' && (mine || moderator))
    const view: CommentView = {
      id: row.id,
      parentId: row.parent_id,
      depth: row.depth - baseDepth,
      status: row.status,
      body: readable ? row.body : null,
      moderationReason: mine || moderator ? row.moderation_reason : null,
      authorName: row.status === 'deleted' ? null : row.author_name,
      authorId: moderator ? row.author_id : null,
      mine,
      createdAt: iso(row.created_at)!,
      editedAt: iso(row.edited_at),
      supportCount: row.support_count,
      supported: state.supported.has(row.id),
      reported: state.reported.has(row.id),
      moreReplies: 0,
      continues: row.depth - baseDepth >= SHOWN_LEVELS && seenReplies(row) > 0,
      anchor: row.anchor,
      children: [],
    }
    views.set(row.id, view)
    const parent = row.parent_id ? views.get(row.parent_id) : undefined
    if (parent) parent.children.push(view)
    else roots.push(view)
  }
  for (const row of rows) {
    const view = views.get(row.id)!
    if (!view.continues) view.moreReplies = Math.max(0, seenReplies(row) - view.children.length)
  }
  return roots
}

export interface ThreadPageOptions {
  sort?: SortOrder
  page?: number
  perPage?: number
}

/**
 * One page of a subject's top-level comments (one block's, or the general discussion's), each
 * with its first replies, for this reader. Always the same handful of queries.
 */
export function loadThreadPage(viewer: Viewer, subject: ThreadSubject, options: ThreadPageOptions = {}) {
  if (viewer) return readThreadPage(viewer, subject, options)
  // Every anonymous reader sees the same page: kept until a comment, a subject's settings or an
  // author's name changes (docs/decisions/018).
  const key = `thread:${JSON.stringify([subject.type, subject.id, subject.anchor ?? null, options.sort, options.page, options.perPage])}`
  return publicRead(['comments', 'comment_subjects', 'users'], key, () => readThreadPage(null, subject, options))
}

type ThreadSubject = { type: SubjectType; id: string; anchor?: string | null }

async function readThreadPage(viewer: Viewer, subject: ThreadSubject, options: ThreadPageOptions) {
  const sort = options.sort ?? 'oldest'
  const perPage = options.perPage ?? THREADS_PER_PAGE
  const page = Math.max(1, Math.floor(options.page ?? 1))
  const connection = getConnection()
  const anchorCondition = subject.anchor ? 'c.anchor = $6' : 'c.anchor IS NULL AND $6::text IS NULL'
  const [roots, [settings]] = await Promise.all([
    connection.query<Row>(
      `SELECT ${COLUMNS}, ${UNSEEN_REPLIES}, u.display_name AS author_name, 0 AS rel, (count(*) OVER ())::int AS total
         FROM comments c LEFT JOIN users u ON u.id = c.author_id
        WHERE c.subject_type = $1 AND c.subject_id = $4 AND c.depth = 0 AND ${anchorCondition} AND ${SEEN}
        ORDER BY ${ORDER[sort]} LIMIT $5 OFFSET $7`,
      [subject.type, viewer?.id ?? null, canModerateComments(viewer), subject.id, perPage, subject.anchor ?? null, (page - 1) * perPage],
    ),
    connection.query<{ premoderated: boolean }>('SELECT premoderated FROM comment_subjects WHERE subject_type = $1 AND subject_id = $2', [subject.type, subject.id]),
  ])
  const replies = await loadReplies(
    roots.map((root) => root.id),
    viewer,
    REPLIES_SHOWN.page,
  )
  const state = await loadViewerState(viewer, [...roots, ...replies].map((row) => row.id))
  // Replies come in path order within each root; roots keep the page's order.
  const threads = buildTree([...roots, ...replies], viewer, state, 0)
  const total = roots[0]?.total ?? 0
  return {
    threads,
    sort,
    page,
    pageCount: Math.max(1, Math.ceil(total / perPage)),
    total,
    premoderated: settings?.premoderated ?? false,
    blocked: state.blocked,
  }
}

/**
 * One comment with the comments above it (for context) and its replies below, for its permalink
 * page and for "continue this thread"; null when it does not exist or this reader may not see it.
 */
export async function loadCommentThread(viewer: Viewer, commentId: string) {
  const connection = getConnection()
  const [focus] = await connection.query<Row>(
    `SELECT ${COLUMNS}, ${UNSEEN_REPLIES}, u.display_name AS author_name, 0 AS rel FROM comments c LEFT JOIN users u ON u.id = c.author_id
      WHERE c.id = $1 AND ${SEEN}`,
    [commentId, viewer?.id ?? null, canModerateComments(viewer)],
  )
  if (!focus) return null
  // Context above: the thread's first comment and the nearest few parents, however deep the chain.
  const levels = Array.from({ length: focus.depth }, (_, level) => level).filter((level) => level === 0 || level >= focus.depth - CONTEXT_LEVELS)
  const prefixes = levels.map((level) => focus.path.slice(0, (level + 1) * 6))
  const [ancestors, replies] = await Promise.all([
    prefixes.length
      ? connection.query<Row>(
          `SELECT ${COLUMNS}, u.display_name AS author_name FROM comments c LEFT JOIN users u ON u.id = c.author_id
            WHERE c.root_id = $1 AND c.path = ANY($2::text[]) ORDER BY c.path`,
          [focus.root_id, prefixes],
        )
      : Promise.resolve([]),
    loadReplies([focus.id], viewer, REPLIES_SHOWN.permalink),
  ])
  const state = await loadViewerState(viewer, [...ancestors, focus, ...replies].map((row) => row.id))
  const [thread] = buildTree([focus, ...replies], viewer, state, focus.depth)
  const above = buildTree(ancestors, viewer, state, 0).flatMap(function flatten(view): CommentView[] {
    return [{ ...view, children: [] }, ...view.children.flatMap(flatten)]
  })
  return {
    subject: { type: focus.subject_type, id: focus.subject_id, anchor: focus.anchor },
    ancestors: above,
    thread: thread!,
    blocked: state.blocked,
  }
}

/** How many visible comments each block of a consultation paper has (blocks without any are absent). */
export function countCommentsByBlock(consultationId: string) {
  return publicRead(['comments'], `comments-by-block:${consultationId}`, async () => {
    const rows = await getConnection().query<{ anchor: string; n: number }>(
      `SELECT anchor, count(*)::int AS n FROM comments
        WHERE subject_type = 'consultation' AND subject_id = $1 AND anchor IS NOT NULL AND status = 'visible'
        GROUP BY anchor`,
      [consultationId],
    )
    return Object.fromEntries(rows.map((row) => [row.anchor, row.n])) as Readonly<Record<string, number>>
  })
}
