import { randomUUID } from 'node:crypto'
import type { Connection } from '~/platform/db.server'
import { pathSegment } from './commands.server'

interface SeedOptions {
  subjectId: string
  authorIds: string[]
  /** How many comments in all. */
  comments: number
  /** How many top-level comments (threads) they fall into. */
  roots: number
  anchor?: string | null
}

interface Node {
  id: string
  parentId: string | null
  rootId: string
  depth: number
  path: string
  replies: number
  supports: number
}

// A small deterministic generator, so every run builds the same threads.
function generator(seed: number) {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
    return state / 2_147_483_648
  }
}

/**
 * Many comments on one consultation, straight into the database (for the benchmark and the
 * query-count test): the first thread is one deep chain, the second is wide (hundreds of direct
 * replies), the rest branch at random. Counters and paths are as the commands would leave them.
 */
export async function seedThreads(connection: Pick<Connection, 'query'>, options: SeedOptions) {
  const random = generator(42)
  const nodes: Node[] = []
  const byRoot: Node[][] = []
  const add = (parent: Node | null, rootIndex: number) => {
    const id = randomUUID()
    const node: Node = parent
      ? { id, parentId: parent.id, rootId: parent.rootId, depth: parent.depth + 1, path: parent.path + pathSegment(++parent.replies), replies: 0, supports: 0 }
      : { id, parentId: null, rootId: id, depth: 0, path: pathSegment(rootIndex + 1), replies: 0, supports: 0 }
    node.supports = Math.floor(random() ** 4 * 40)
    nodes.push(node)
    ;(byRoot[rootIndex] ??= []).push(node)
  }
  for (let r = 0; r < options.roots; r++) add(null, r)
  const rest = options.comments - options.roots
  for (let n = 0; n < rest; n++) {
    const share = n / rest
    const rootIndex = share < 0.1 ? 0 : share < 0.2 ? 1 % options.roots : Math.floor(random() * options.roots)
    const thread = byRoot[rootIndex]!
    // Thread 0 is a chain (always the newest comment); thread 1 is wide (always the root).
    const parent = rootIndex === 0 ? thread.at(-1)! : rootIndex === 1 ? thread[0]! : thread[Math.floor(random() ** 2 * thread.length)]!
    add(parent, rootIndex)
  }
  const start = Date.now() - nodes.length * 1000
  for (let at = 0; at < nodes.length; at += 2000) {
    const batch = nodes.slice(at, at + 2000)
    // One JSON parameter: both drivers pass it the same way (postgres.js cannot bind every array type).
    const rows = batch.map((node, index) => ({
      id: node.id,
      parent_id: node.parentId,
      root_id: node.rootId,
      depth: node.depth,
      path: node.path,
      author_id: options.authorIds[(at + index) % options.authorIds.length]!,
      body: `Comment ${at + index + 1} at depth ${node.depth}. Councils should publish their budgets in plain language.`,
      reply_count: node.replies,
      support_count: node.supports,
      created_at: new Date(start + (at + index) * 1000).toISOString(),
    }))
    await connection.query(
      `INSERT INTO comments (id, subject_type, subject_id, anchor, parent_id, root_id, depth, path, author_id, body, reply_count, support_count, created_at)
       SELECT id, 'consultation', $1, $2, parent_id, root_id, depth, path, author_id, body, reply_count, support_count, created_at
         FROM jsonb_to_recordset($3::jsonb)
           AS t(id uuid, parent_id uuid, root_id uuid, depth int, path text, author_id uuid, body text, reply_count int, support_count int, created_at timestamptz)`,
      [options.subjectId, options.anchor ?? null, JSON.stringify(rows)],
    )
  }
  await connection.query(
    `INSERT INTO comment_subjects (subject_type, subject_id, top_level_count) VALUES ('consultation', $1, $2)
     ON CONFLICT (subject_type, subject_id) DO UPDATE SET top_level_count = comment_subjects.top_level_count + $2`,
    [options.subjectId, options.roots],
  )
  return { deepestId: byRoot[0]!.at(-1)!.id, rootIds: byRoot.map((thread) => thread[0]!.id) }
}
