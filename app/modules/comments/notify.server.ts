import { createElement } from 'react'
import { ReplyDigestEmail } from '#emails/comment-reply-digest'
import { NoticeEmail } from '#emails/notice'
import { renderEmail } from '#emails/render.server'
import { unsubscribeUrl } from '~/modules/accounts/index.server'
import { getConnection } from '~/platform/db.server'
import { getEnv } from '~/platform/env.server'
import { isLanguage } from '~/platform/i18n/config'
import { getTranslator } from '~/platform/i18n/i18next.server'
import { defineJob } from '~/platform/jobs.server'
import { prepareMailQueue, queueMail } from '~/platform/mail.server'

const EXCERPT = 200

interface PendingReply {
  comment_id: string
  body: string
  status: string
  author_name: string | null
  email: string
  display_name: string | null
  locale: string
  notify_replies: boolean
}

/**
 * Sends one person every reply waiting for them as one email. Replies are claimed (sent_at set)
 * in the same transaction that queues the email, so a retry never sends them twice. People who
 * turned reply emails off have theirs marked as sent without an email.
 */
export async function sendReplyDigest(recipientId: string) {
  await prepareMailQueue()
  await getConnection().transaction(async (tx) => {
    const rows = await tx.query<PendingReply>(
      `UPDATE comment_reply_notices n SET sent_at = now()
         FROM comments c, users r
        WHERE n.recipient_id = $1 AND n.sent_at IS NULL AND c.id = n.comment_id AND r.id = n.recipient_id
        RETURNING c.id AS comment_id, c.body, c.status,
                  (SELECT display_name FROM users a WHERE a.id = c.author_id) AS author_name,
                  r.email, r.display_name, r.locale, r.notify_replies`,
      [recipientId],
    )
    // Replies taken down before the digest went are not news.
    const replies = rows.filter((row) => row.status === 'visible')
    const recipient = replies[0]
    if (!recipient?.notify_replies) return
    const language = isLanguage(recipient.locale) ? recipient.locale : 'en'
    const t = await getTranslator(language, 'comments')
    const base = getEnv().PUBLIC_URL
    const rendered = await renderEmail(
      createElement(ReplyDigestEmail, {
        t,
        lang: language,
        name: recipient.display_name,
        settingsUrl: `${base}/account`,
        replies: replies.map((reply) => ({
          authorName: reply.author_name ?? t('anonymousAuthor'),
          excerpt: reply.body.length > EXCERPT ? `${reply.body.slice(0, EXCERPT)}…` : reply.body,
          url: `${base}/comments/${reply.comment_id}`,
        })),
      }),
    )
    await queueMail(
      { to: recipient.email, subject: t('email.subject', { count: replies.length }), ...rendered, category: 'digest', unsubscribeUrl: unsubscribeUrl(recipientId, 'replies') },
      { transaction: tx },
    )
  })
}

export const replyDigestJob = defineJob<{ recipientId: string }>({
  name: 'comment-reply-digest',
  run: ({ recipientId }) => sendReplyDigest(recipientId),
})

/**
 * Asks for a digest in COMMENT_DIGEST_DELAY_SECONDS. pg-boss keeps one job per recipient per
 * window (singletonKey + singletonSeconds), so a busy thread gathers its replies into one email.
 */
export async function scheduleReplyDigest(recipientId: string) {
  const delay = getEnv().COMMENT_DIGEST_DELAY_SECONDS
  await replyDigestJob.enqueue({ recipientId }, delay > 0 ? { singletonKey: recipientId, singletonSeconds: delay, startAfter: delay } : {})
}

/** Tells the author of a comment a moderator hid why, in the author's language. */
export async function tellAuthorCommentHidden(commentId: string) {
  const [author] = await getConnection().query<{ email: string; display_name: string | null; locale: string; body: string; reason: string | null }>(
    `SELECT u.email, u.display_name, u.locale, c.body, c.moderation_reason AS reason
       FROM comments c JOIN users u ON u.id = c.author_id WHERE c.id = $1`,
    [commentId],
  )
  if (!author) return
  const language = isLanguage(author.locale) ? author.locale : 'en'
  const t = await getTranslator(language, 'comments')
  const excerpt = author.body.length > EXCERPT ? `${author.body.slice(0, EXCERPT)}…` : author.body
  const rendered = await renderEmail(
    createElement(NoticeEmail, {
      t: await getTranslator(language),
      lang: language,
      name: author.display_name ?? undefined,
      heading: t('email.hidden.heading'),
      paragraphs: [t('email.hidden.intro'), t('email.hidden.comment', { excerpt }), t('email.hidden.reason', { reason: author.reason ?? '' }), t('email.hidden.next')],
      action: { label: t('email.hidden.action'), url: `${getEnv().PUBLIC_URL}/comments/${commentId}` },
    }),
  )
  await queueMail({ to: author.email, subject: t('email.hidden.subject'), ...rendered, category: 'moderation', about: { type: 'comment', id: commentId } })
}
