import { randomUUID } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import { users } from '~/modules/accounts/schema'
import { pathSegment } from '~/modules/comments/commands.server'
import { comments, commentSubjects } from '~/modules/comments/schema'
import { seedThreads } from '~/modules/comments/synthetic.server'
import { assignBlockIds, type BodyDoc, blockAnchors, textToDoc } from '~/kernel/rich-text'
import { consultations } from '~/modules/consultations/schema'
import { getConnection, getDb } from '~/platform/db.server'
import { getEnv } from '~/platform/env.server'
import { localDemocracySlug } from './consultation'

interface SeedComment {
  by: string
  body: string
  /** Which paragraph of the paper (0-based, paragraphs only), or none for the general discussion. */
  paragraph?: number
  replies?: SeedComment[]
}

// A short, believable discussion of the local democracy bill. Written by the organiser and the
// official so the citizen account starts with a clean slate for tests.
const discussion: SeedComment[] = [
  {
    by: 'organiser@guth.example',
    paragraph: 1,
    body: 'Community councils in our network welcome this, but many meet only four times a year. Decisions need time to reach them.\n\nThe Open Government Partnership guidance is worth reading: https://www.opengovpartnership.org/',
    replies: [{ by: 'official@guth.example', body: 'Thank you. We are looking at minimum notice periods; please say what would work in your response.' }],
  },
  { by: 'organiser@guth.example', paragraph: 2, body: 'Will the new duties come with funding for the councils that have to carry them out?' },
  { by: 'official@guth.example', body: 'Welcome to the discussion. Officials read every comment here alongside the formal responses.' },
]

/** Seeds the discussion above once (left alone if the bill already has comments), and the benchmark's if asked. */
export async function seedDemoComments() {
  await seedCommentBench(getEnv().SEED_COMMENT_BENCH)
  const db = getDb()
  const [consultation] = await db.select().from(consultations).where(eq(consultations.slug, localDemocracySlug))
  if (!consultation?.body) return
  const [existing] = await db.select({ id: comments.id }).from(comments).where(and(eq(comments.subjectType, 'consultation'), eq(comments.subjectId, consultation.id))).limit(1)
  if (existing) return
  const paragraphs = blockAnchors(consultation.body as unknown as BodyDoc).filter((block) => block.kind === 'paragraph')
  const people = new Map((await db.select({ id: users.id, email: users.email }).from(users)).map((user) => [user.email, user.id]))
  const rows: (typeof comments.$inferInsert)[] = []
  const add = (seed: SeedComment, position: number, parent: { id: string; rootId: string; path: string; depth: number } | null, anchor: string | null) => {
    const id = randomUUID()
    const path = (parent?.path ?? '') + pathSegment(position)
    const depth = parent ? parent.depth + 1 : 0
    const replies = seed.replies ?? []
    rows.push({ id, subjectType: 'consultation', subjectId: consultation.id, anchor, parentId: parent?.id ?? null, rootId: parent?.rootId ?? id, depth, path, authorId: people.get(seed.by) ?? null, body: seed.body, replyCount: replies.length })
    replies.forEach((reply, index) => add(reply, index + 1, { id, rootId: parent?.rootId ?? id, path, depth }, anchor))
  }
  discussion.forEach((seed, index) => add(seed, index + 1, null, seed.paragraph === undefined ? null : (paragraphs[seed.paragraph]?.id ?? null)))
  await db.transaction(async (tx) => {
    await tx.insert(comments).values(rows)
    await tx
      .insert(commentSubjects)
      .values({ subjectType: 'consultation', subjectId: consultation.id, topLevelCount: discussion.length })
      .onConflictDoUpdate({ target: [commentSubjects.subjectType, commentSubjects.subjectId], set: { topLevelCount: sql`${commentSubjects.topLevelCount} + ${discussion.length}` } })
  })
}

export const commentBenchSlug = 'comments-bench'

/**
 * For the benchmark (SEED_COMMENT_BENCH=20000): an open consultation whose general discussion
 * holds that many comments in deep and wide threads. Left alone if it exists.
 */
export async function seedCommentBench(total: number) {
  const db = getDb()
  const [existing] = await db.select({ id: consultations.id }).from(consultations).where(eq(consultations.slug, commentBenchSlug))
  if (existing || total <= 0) return
  const day = 86_400_000
  const body = assignBlockIds(textToDoc('A paper with a very busy discussion.\n\nA second paragraph.'))
  const [consultation] = await db
    .insert(consultations)
    .values({
      slug: commentBenchSlug,
      title: { en: 'A consultation with a very busy discussion' },
      summary: { en: 'For the comments benchmark.' },
      body: body as unknown as Record<string, unknown>,
      team: 'Benchmark Team',
      contactEmail: 'bench@guth.example',
      opensAt: new Date(Date.now() - day),
      closesAt: new Date(Date.now() + 30 * day),
      publishedAt: new Date(Date.now() - day),
    })
    .returning({ id: consultations.id })
  const authorIds = (await db.select({ id: users.id }).from(users)).map((user) => user.id)
  await seedThreads(getConnection(), { subjectId: consultation!.id, authorIds, comments: total, roots: Math.max(1, Math.round(total / 100)) })
}
