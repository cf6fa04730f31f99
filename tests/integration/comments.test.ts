import { and, eq } from 'drizzle-orm'
import { afterAll, expect, test } from 'vitest'
import { auditLog } from '~/modules/accounts/schema'
import { deleteComment, editComment, postComment, reportComment, supportComment } from '~/modules/comments/commands.server'
import { blockCommenter, getModerationView, listModerationQueue, moderateComment, setPremoderation } from '~/modules/comments/moderation.server'
import { type CommentView, countCommentsByBlock, loadCommentThread, loadThreadPage } from '~/modules/comments/queries.server'
import { deleteAccount } from '~/modules/accounts/profile.server'
import { exportMyData } from '~/personal-data.server'
import { commentRevisions, comments } from '~/modules/comments/schema'
import { getDb } from '~/platform/db.server'
import { setEnvForTests } from '~/platform/env.server'
import { stopJobs } from '~/platform/jobs.server'
import { withTestDatabase } from '../helpers/db'
import { givenPerson } from '../helpers/people'
import { givenDiscussion, PARAGRAPH, say, SECOND_PARAGRAPH } from '../helpers/comments'

withTestDatabase()
afterAll(() => stopJobs())

const general = (id: string) => ({ type: 'consultation' as const, id })
const paragraph = (id: string) => ({ type: 'consultation' as const, id, anchor: PARAGRAPH })

test('top-level comments sort by oldest, newest and most supported, and page in twenties', async () => {
  const consultation = await givenDiscussion()
  const people = await Promise.all(Array.from({ length: 23 }, (_, n) => givenPerson({ name: `Person${n}` })))
  const ids: string[] = []
  for (const [n, person] of people.entries()) ids.push(await say(person, consultation.id, `Comment ${n}`))
  await supportComment(people[0]!, ids[5]!)
  await supportComment(people[1]!, ids[5]!)
  await supportComment(people[0]!, ids[9]!)

  const oldest = await loadThreadPage(null, general(consultation.id))
  expect(oldest.threads.map((c) => c.body).slice(0, 2)).toEqual(['Comment 0', 'Comment 1'])
  expect(oldest.threads).toHaveLength(20)
  expect(oldest).toMatchObject({ total: 23, pageCount: 2 })
  const second = await loadThreadPage(null, general(consultation.id), { page: 2 })
  expect(second.threads.map((c) => c.body)).toEqual(['Comment 20', 'Comment 21', 'Comment 22'])
  const newest = await loadThreadPage(null, general(consultation.id), { sort: 'newest' })
  expect(newest.threads[0]!.body).toBe('Comment 22')
  const supported = await loadThreadPage(null, general(consultation.id), { sort: 'supported' })
  expect(supported.threads.slice(0, 3).map((c) => [c.body, c.supportCount])).toEqual([['Comment 5', 2], ['Comment 9', 1], ['Comment 0', 0]])
})

test('a paragraph has its own thread, and each block shows how many comments it has', async () => {
  const consultation = await givenDiscussion()
  const [ailsa, ruairidh] = [await givenPerson({ name: 'Ailsa' }), await givenPerson({ name: 'Ruairidh' })]
  await say(ailsa, consultation.id, 'On the duty', { anchor: PARAGRAPH })
  await say(ruairidh, consultation.id, 'Also on the duty', { anchor: PARAGRAPH })
  await say(ruairidh, consultation.id, 'On panels', { anchor: SECOND_PARAGRAPH })
  await say(ailsa, consultation.id, 'On the whole bill')
  expect((await loadThreadPage(null, paragraph(consultation.id))).threads.map((c) => c.body)).toEqual(['On the duty', 'Also on the duty'])
  expect((await loadThreadPage(null, general(consultation.id))).threads.map((c) => c.body)).toEqual(['On the whole bill'])
  expect(await countCommentsByBlock(consultation.id)).toEqual({ [PARAGRAPH]: 2, [SECOND_PARAGRAPH]: 1 })
  const refused = await postComment(ailsa, { subjectType: 'consultation', subjectId: consultation.id, anchor: 'p-nosuchblock1', body: 'Hi' })
  expect(refused).toMatchObject({ ok: false, reason: 'not_found' })
})

test('replies nest to depth 4, then the thread continues on its own page', async () => {
  const consultation = await givenDiscussion()
  const people = await Promise.all(Array.from({ length: 6 }, (_, n) => givenPerson({ name: `Deep${n}` })))
  let parentId = await say(people[0]!, consultation.id, 'Level 0')
  const chain = [parentId]
  for (let level = 1; level <= 5; level++) {
    parentId = await say(people[level]!, consultation.id, `Level ${level}`, { parentId })
    chain.push(parentId)
  }
  const [thread] = (await loadThreadPage(null, general(consultation.id))).threads
  const levels: string[] = []
  let node = thread
  while (node) {
    levels.push(`${node.body}@${node.depth}${node.continues ? ' continues' : ''}`)
    node = node.children[0]
  }
  expect(levels).toEqual(['Level 0@0', 'Level 1@1', 'Level 2@2', 'Level 3@3 continues'])

  const continued = await loadCommentThread(null, chain[3]!)
  expect(continued!.ancestors.map((c) => c.body)).toEqual(['Level 0', 'Level 1', 'Level 2'])
  expect(continued!.thread.body).toBe('Level 3')
  expect(continued!.thread.children[0]!.children[0]!.body).toBe('Level 5')
})

test('a long run of replies shows the first few and says how many more there are', async () => {
  const consultation = await givenDiscussion()
  const people = await Promise.all(Array.from({ length: 9 }, (_, n) => givenPerson({ name: `Wide${n}` })))
  const root = await say(people[0]!, consultation.id, 'Busy thread')
  for (let n = 1; n <= 8; n++) await say(people[n]!, consultation.id, `Reply ${n}`, { parentId: root })
  const [thread] = (await loadThreadPage(null, general(consultation.id))).threads
  expect(thread!.children.map((c) => c.body)).toEqual(['Reply 1', 'Reply 2', 'Reply 3'])
  expect(thread!.moreReplies).toBe(5)
  const all = await loadCommentThread(null, root)
  expect(all!.thread.children).toHaveLength(8)
  expect(all!.thread.moreReplies).toBe(0)
})

test('under pre-moderation "show N more replies" counts only the replies the reader can see', async () => {
  const consultation = await givenDiscussion()
  const people = await Promise.all(Array.from({ length: 7 }, (_, n) => givenPerson({ name: `Waiting${n}` })))
  const [reader, moderator] = [await givenPerson({ name: 'Reader' }), await givenPerson({ name: 'Mod', roles: ['moderator'] })]
  const root = await say(people[0]!, consultation.id, 'Busy thread')
  await setPremoderation(moderator, general(consultation.id), true)
  const replies: string[] = []
  for (let n = 1; n <= 6; n++) replies.push(await say(people[n]!, consultation.id, `Reply ${n}`, { parentId: root }))
  // Replies 3 and 5 are still waiting; the rest are approved.
  for (const n of [1, 2, 4, 6]) await moderateComment(moderator, replies[n - 1]!, { decision: 'approve' })

  const [forReader] = (await loadThreadPage(reader, general(consultation.id))).threads
  expect(forReader!.children.map((c) => c.body)).toEqual(['Reply 1', 'Reply 2', 'Reply 4'])
  expect(forReader!.moreReplies).toBe(1)
  expect((await loadThreadPage(null, general(consultation.id))).threads[0]!.moreReplies).toBe(1)
  // The author of a waiting reply sees it, and so counts it; a moderator sees and counts both.
  expect((await loadThreadPage(people[3]!, general(consultation.id))).threads[0]!.moreReplies).toBe(2)
  expect((await loadThreadPage(moderator, general(consultation.id))).threads[0]!.moreReplies).toBe(3)
  expect((await loadCommentThread(reader, root))!.thread.children).toHaveLength(4)

  await moderateComment(moderator, replies[4]!, { decision: 'approve' })
  expect((await loadThreadPage(reader, general(consultation.id))).threads[0]!.moreReplies).toBe(2)
})

test('under pre-moderation a thread does not offer to continue when its only deeper reply is waiting', async () => {
  const consultation = await givenDiscussion()
  const people = await Promise.all(Array.from({ length: 5 }, (_, n) => givenPerson({ name: `Chain${n}` })))
  const moderator = await givenPerson({ name: 'Mod', roles: ['moderator'] })
  let parentId = await say(people[0]!, consultation.id, 'Level 0')
  for (let level = 1; level <= 3; level++) parentId = await say(people[level]!, consultation.id, `Level ${level}`, { parentId })
  await setPremoderation(moderator, general(consultation.id), true)
  await say(people[4]!, consultation.id, 'Level 4, waiting', { parentId })
  const deepest = (view: CommentView): CommentView => (view.children[0] ? deepest(view.children[0]) : view)
  expect(deepest((await loadThreadPage(null, general(consultation.id))).threads[0]!)).toMatchObject({ body: 'Level 3', continues: false })
  expect(deepest((await loadThreadPage(moderator, general(consultation.id))).threads[0]!)).toMatchObject({ body: 'Level 3', continues: true })
})

test('an edited comment is marked edited and moderators can read what it said before', async () => {
  const consultation = await givenDiscussion()
  const [author, moderator] = [await givenPerson({ name: 'Author' }), await givenPerson({ name: 'Mod', roles: ['moderator'] })]
  const id = await say(author, consultation.id, 'First thoughts')
  expect(await editComment(author, id, { body: 'Second thoughts' })).toMatchObject({ ok: true })
  const [shown] = (await loadThreadPage(null, general(consultation.id))).threads
  expect(shown).toMatchObject({ body: 'Second thoughts' })
  expect(shown!.editedAt).not.toBeNull()
  expect((await getModerationView(moderator, id))!.revisions.map((r) => r.body)).toEqual(['First thoughts'])
  expect(await editComment(moderator, id, { body: 'Not mine' })).toMatchObject({ ok: false, reason: 'not_allowed' })
})

test('a deleted comment leaves a placeholder that keeps its replies in place, and cannot be replied to', async () => {
  const consultation = await givenDiscussion()
  const [author, replier] = [await givenPerson({ name: 'Author' }), await givenPerson({ name: 'Replier' })]
  const id = await say(author, consultation.id, 'Regrettable')
  await say(replier, consultation.id, 'A reply', { parentId: id })
  await deleteComment(author, id)
  const [thread] = (await loadThreadPage(author, general(consultation.id))).threads
  expect(thread).toMatchObject({ status: 'deleted', body: null, authorName: null })
  expect(thread!.children[0]!.body).toBe('A reply')
  const reply = await postComment(replier, { subjectType: 'consultation', subjectId: consultation.id, parentId: id, body: 'Another' })
  expect(reply).toMatchObject({ ok: false, reason: 'parent_unavailable' })
})

test('support counts once per person, and never for your own comment', async () => {
  const consultation = await givenDiscussion()
  const [author, fan] = [await givenPerson({ name: 'Author' }), await givenPerson({ name: 'Fan' })]
  const id = await say(author, consultation.id, 'Good idea')
  expect(await supportComment(fan, id)).toMatchObject({ ok: true })
  expect(await supportComment(fan, id)).toMatchObject({ ok: false, reason: 'already_done' })
  expect(await supportComment(author, id)).toMatchObject({ ok: false, reason: 'not_allowed' })
  const [shown] = (await loadThreadPage(fan, general(consultation.id))).threads
  expect(shown).toMatchObject({ supportCount: 1, supported: true })
})

test('reports hide a comment at the threshold; a moderator hides with a reason only the author and moderators read', async () => {
  setEnvForTests({ COMMENT_AUTO_HIDE_REPORTS: '2' })
  const consultation = await givenDiscussion()
  const [author, first, second, moderator] = [await givenPerson({ name: 'Author' }), await givenPerson({ name: 'R1' }), await givenPerson({ name: 'R2' }), await givenPerson({ name: 'Mod', roles: ['moderator'] })]
  const id = await say(author, consultation.id, 'Rude words')
  expect(await reportComment(first, id, { reason: 'abusive' })).toMatchObject({ ok: true, autoHidden: false })
  expect(await reportComment(first, id, { reason: 'abusive' })).toMatchObject({ ok: false, reason: 'already_done' })
  expect(await reportComment(second, id, { reason: 'spam', details: 'Advert' })).toMatchObject({ ok: true, autoHidden: true })
  expect((await loadThreadPage(null, general(consultation.id))).threads[0]).toMatchObject({ status: 'hidden', body: null })
  expect((await listModerationQueue(moderator)).map((c) => c.id)).toContain(id)

  expect(await moderateComment(moderator, id, { decision: 'hide' })).toMatchObject({ ok: false, reason: 'invalid' })
  await moderateComment(moderator, id, { decision: 'restore' })
  expect(await moderateComment(moderator, id, { decision: 'hide', reason: 'Personal abuse is not allowed' })).toMatchObject({ ok: true })
  const forAuthor = (await loadThreadPage(author, general(consultation.id))).threads[0]
  expect(forAuthor).toMatchObject({ status: 'hidden', body: 'Rude words', moderationReason: 'Personal abuse is not allowed' })
  const forOthers = (await loadThreadPage(first, general(consultation.id))).threads[0]
  expect(forOthers).toMatchObject({ status: 'hidden', body: null, moderationReason: null })
  expect((await listModerationQueue(moderator)).map((c) => c.id)).not.toContain(id)
  const audit = await getDb().select().from(auditLog).where(and(eq(auditLog.subjectType, 'comment'), eq(auditLog.subjectId, id)))
  expect(audit.map((row) => row.action)).toEqual(expect.arrayContaining(['comment.auto_hidden', 'comment.restored', 'comment.hidden']))
  await expect(moderateComment(first, id, { decision: 'restore' })).rejects.toMatchObject({ status: 403 })
  setEnvForTests({})
})

test('under pre-moderation a comment waits unseen by others until a moderator approves it', async () => {
  const consultation = await givenDiscussion()
  const [author, reader, moderator] = [await givenPerson({ name: 'Author' }), await givenPerson({ name: 'Reader' }), await givenPerson({ name: 'Mod', roles: ['moderator'] })]
  await setPremoderation(moderator, general(consultation.id), true)
  const id = await say(author, consultation.id, 'Please approve')
  expect((await loadThreadPage(reader, general(consultation.id))).threads).toHaveLength(0)
  expect((await loadThreadPage(author, general(consultation.id))).threads[0]).toMatchObject({ status: 'pending', body: 'Please approve' })
  expect((await listModerationQueue(moderator)).map((c) => c.id)).toContain(id)
  await moderateComment(moderator, id, { decision: 'approve' })
  expect((await loadThreadPage(reader, general(consultation.id))).threads[0]).toMatchObject({ status: 'visible', body: 'Please approve' })
})

test('a blocked person cannot comment, and the block is in the audit log', async () => {
  const consultation = await givenDiscussion()
  const [troll, moderator] = [await givenPerson({ name: 'Troll' }), await givenPerson({ name: 'Mod', roles: ['moderator'] })]
  expect(await blockCommenter(moderator, troll.id, { reason: '' })).toMatchObject({ ok: false, reason: 'invalid' })
  await blockCommenter(moderator, troll.id, { reason: 'Repeated abuse' })
  expect(await postComment(troll, { subjectType: 'consultation', subjectId: consultation.id, body: 'Hello again' })).toMatchObject({ ok: false, reason: 'blocked' })
  const [entry] = await getDb().select().from(auditLog).where(and(eq(auditLog.action, 'comment.author_blocked'), eq(auditLog.subjectId, troll.id)))
  expect(entry?.details).toEqual({ reason: 'Repeated abuse' })
})

test('flooding is refused after five comments a minute', async () => {
  const consultation = await givenDiscussion()
  const flooder = await givenPerson({ name: 'Flooder' })
  for (let n = 0; n < 5; n++) await say(flooder, consultation.id, `Message ${n}`)
  expect(await postComment(flooder, { subjectType: 'consultation', subjectId: consultation.id, body: 'One more' })).toMatchObject({ ok: false, reason: 'rate_limited' })
})

test('bad input is refused with a reason, never stored', async () => {
  const consultation = await givenDiscussion()
  const other = await givenDiscussion()
  const [person, other1] = [await givenPerson({ name: 'Person' }), await givenPerson({ name: 'Other' })]
  const post = (input: Record<string, unknown>) => postComment(person, { subjectType: 'consultation', subjectId: consultation.id, ...input })
  expect(await post({ body: '   \n\n ' })).toMatchObject({ ok: false, fieldErrors: { body: ['comments:errors.empty'] } })
  expect(await post({ body: 'x'.repeat(5001) })).toMatchObject({ ok: false, fieldErrors: { body: ['comments:errors.tooLong'] } })
  expect(await post({ body: 'bell\u0007' })).toMatchObject({ ok: false, fieldErrors: { body: ['comments:errors.unprintable'] } })
  expect(await post({ subjectId: 'not-a-uuid', body: 'Hi' })).toMatchObject({ ok: false, reason: 'invalid' })
  const elsewhere = await say(other1, other.id, 'Different consultation')
  expect(await post({ body: 'Cross-thread', parentId: elsewhere })).toMatchObject({ ok: false, reason: 'parent_unavailable' })
  const closed = await givenDiscussion({ closesAt: new Date(Date.now() - 1000) })
  expect(await postComment(person, { subjectType: 'consultation', subjectId: closed.id, body: 'Too late' })).toMatchObject({ ok: false, reason: 'closed' })
})

test('download my data includes comments; deleting the account keeps the thread but removes the words and the name', async () => {
  const consultation = await givenDiscussion()
  const [leaver, replier] = [await givenPerson({ name: 'Leaver' }), await givenPerson({ name: 'Replier' })]
  const id = await say(leaver, consultation.id, 'My view on the bill')
  await editComment(leaver, id, { body: 'My revised view on the bill' })
  await say(replier, consultation.id, 'A reply to the leaver', { parentId: id })
  const data = await exportMyData(leaver.id)
  expect(data.comments.written.map((c) => c.text)).toEqual(['My revised view on the bill'])
  expect(data.comments.earlierWordings.map((c) => c.text)).toEqual(['My view on the bill'])

  expect(await deleteAccount(leaver)).toMatchObject({ ok: true })
  const [thread] = (await loadThreadPage(null, general(consultation.id))).threads
  expect(thread).toMatchObject({ status: 'deleted', body: null, authorName: null })
  expect(thread!.children[0]!.body).toBe('A reply to the leaver')
  const [row] = await getDb().select().from(comments).where(eq(comments.id, id))
  expect(row).toMatchObject({ body: '', authorId: null })
  expect(await getDb().select().from(commentRevisions).where(eq(commentRevisions.commentId, id))).toEqual([])
})
