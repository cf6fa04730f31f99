import { createElement } from 'react'
import { ConsultationMilestoneEmail } from '#emails/consultation-milestone'
import { renderEmail } from '#emails/render.server'
import { type Connection, getConnection } from '~/platform/db.server'
import { getEnv } from '~/platform/env.server'
import { isLanguage } from '~/platform/i18n/config'
import { getTranslator } from '~/platform/i18n/i18next.server'
import { unsubscribeUrl, listPeopleWithRoles } from '~/modules/accounts/index.server'
import { defineJob } from '~/platform/jobs.server'
import { type OutgoingMail, prepareMailQueue, queueMail } from '~/platform/mail.server'
import { type AlertConsultation, newConsultationAlertMail, openingAlertMail } from './alert-mail.server'
import { formatLondon } from '~/kernel/london-time'
import type { Translated } from '~/kernel/translated'
import { translate } from './questions'

type Milestone = 'opened' | 'closed'
type Tx = Parameters<Parameters<Connection['transaction']>[0]>[0]

// A milestone older than this when first noticed (the worker was off for a long time, or the
// consultation was imported) is marked as told without emailing anyone about old news.
const STALE_MS = 7 * 24 * 3600_000

const due: Record<Milestone, { at: string; notified: string }> = {
  opened: { at: 'opens_at', notified: 'opened_notified_at' },
  closed: { at: 'closes_at', notified: 'closed_notified_at' },
}

interface DueConsultation {
  id: string
  slug: string
  title: Translated
  opens_at: Date
  closes_at: Date
  responses: number
}

type Recipient = Awaited<ReturnType<typeof listPeopleWithRoles>>[number]

async function nextDue(tx: Tx, milestone: Milestone, now: Date) {
  const { at, notified } = due[milestone]
  const [row] = await tx.query<DueConsultation>(
    `SELECT c.id, c.slug, c.title, c.opens_at, c.closes_at,
            (SELECT count(*)::int FROM responses r WHERE r.consultation_id = c.id AND r.status = 'submitted') AS responses
       FROM consultations c
      WHERE c.published_at IS NOT NULL AND c.retracted_at IS NULL AND c.${at} <= $1 AND c.${notified} IS NULL
      ORDER BY c.${at}
      LIMIT 1
      FOR UPDATE OF c SKIP LOCKED`,
    [now.toISOString()],
  )
  return row ?? null
}

async function milestoneMail(milestone: Milestone, consultation: DueConsultation, recipient: Recipient): Promise<OutgoingMail> {
  const language = isLanguage(recipient.locale) ? recipient.locale : 'en'
  const t = await getTranslator(language, 'manage')
  const title = translate(consultation.title, language)
  const base = getEnv().PUBLIC_URL
  const rendered = await renderEmail(
    createElement(ConsultationMilestoneEmail, {
      t,
      lang: language,
      name: recipient.displayName,
      milestone,
      title,
      opens: formatLondon(new Date(consultation.opens_at), language),
      closes: formatLondon(new Date(consultation.closes_at), language),
      responses: consultation.responses,
      manageUrl: `${base}/manage/consultations/${consultation.id}`,
      publicUrl: `${base}/consultations/${consultation.slug}`,
    }),
  )
  return {
    to: recipient.email,
    subject: t(`emails.milestone.${milestone}.subject`, { title }),
    ...rendered,
    category: 'milestone' as const,
    unsubscribeUrl: unsubscribeUrl(recipient.id, 'milestones'),
  }
}

// Alerts are claimed and queued in batches, each batch in one transaction.
const ALERT_BATCH = 100

/**
 * Emails each confirmed "when it opens" alert once its consultation is open (and not yet closed):
 * the alert is marked in the same UPDATE that claims it, so a job run twice or at once with
 * another sends nothing again. An alert confirmed after the opening is told straight away.
 */
export async function sendOpeningAlerts(now = new Date()) {
  await prepareMailQueue()
  let queued = 0
  for (;;) {
    const claimed = await getConnection().transaction(async (tx) => {
      const rows = await tx.query<AlertConsultation & { id: string; email: string; language: string }>(
        `WITH due AS (
           SELECT a.id FROM consultation_alerts a JOIN consultations c ON c.id = a.consultation_id
            WHERE a.kind = 'opening' AND a.confirmed_at IS NOT NULL AND a.unsubscribed_at IS NULL AND a.notified_at IS NULL
              AND c.published_at IS NOT NULL AND c.retracted_at IS NULL AND c.opens_at <= $1 AND c.closes_at > $1
            ORDER BY a.created_at
            LIMIT ${ALERT_BATCH}
            FOR UPDATE OF a SKIP LOCKED)
         UPDATE consultation_alerts a SET notified_at = $1, updated_at = now()
           FROM due, consultations c
          WHERE a.id = due.id AND c.id = a.consultation_id AND a.notified_at IS NULL
         RETURNING a.id, a.email, a.language, c.slug, c.title, c.summary, c.opens_at, c.closes_at`,
        [now.toISOString()],
      )
      for (const row of rows) await queueMail(await openingAlertMail(row, row), { transaction: tx })
      return rows.length
    })
    queued += claimed
    if (claimed < ALERT_BATCH) return queued
  }
}

interface Announcement extends AlertConsultation {
  id: string
  topics: string[]
  published_at: Date
}

/**
 * Tells each confirmed "new consultations" alert whose topics meet a consultation's, once, when
 * that consultation first becomes public (forthcoming or open); `announced_at` records it in the
 * same transaction. An alert with no topics hears of every one. Old news (published more than a
 * week before it was noticed) is marked without emailing anyone.
 */
export async function announceNewConsultations(now = new Date()) {
  await prepareMailQueue()
  const connection = getConnection()
  let queued = 0
  for (;;) {
    const handled = await connection.transaction(async (tx) => {
      const [consultation] = await tx.query<Announcement>(
        `SELECT c.id, c.slug, c.title, c.summary, c.opens_at, c.closes_at, c.topics, c.published_at
           FROM consultations c
          WHERE c.published_at IS NOT NULL AND c.retracted_at IS NULL AND c.announced_at IS NULL AND c.closes_at > $1
          ORDER BY c.published_at
          LIMIT 1
          FOR UPDATE OF c SKIP LOCKED`,
        [now.toISOString()],
      )
      if (!consultation) return null
      let count = 0
      if (now.getTime() - new Date(consultation.published_at).getTime() <= STALE_MS) {
        const alerts = await tx.query<{ id: string; email: string; language: string; topics: string[] }>(
          `SELECT a.id, a.email, a.language, a.topics FROM consultation_alerts a
            WHERE a.kind = 'new' AND a.confirmed_at IS NOT NULL AND a.unsubscribed_at IS NULL
              AND (cardinality(a.topics) = 0 OR a.topics && $1::text[])
            ORDER BY a.created_at`,
          [consultation.topics],
        )
        for (const alert of alerts) {
          await queueMail(await newConsultationAlertMail(alert, consultation, alert.topics), { transaction: tx })
          count += 1
        }
      }
      await tx.query('UPDATE consultations SET announced_at = $1 WHERE id = $2', [now.toISOString(), consultation.id])
      return count
    })
    if (handled === null) return queued
    queued += handled
  }
}

/**
 * Emails every official and admin who wants to know, in their own language, about each published
 * consultation that has opened or closed since the last check, and records that it did: nobody
 * hears twice. Then the public's alerts: new consultations, and those that have opened.
 * Returns how many emails were queued.
 */
export async function notifyConsultationMilestones(now = new Date()) {
  // The mail queue must exist before the transactions that queue into it (see prepareQueue).
  await prepareMailQueue()
  const recipients = (await listPeopleWithRoles(['official', 'admin'])).filter((person) => person.notifyMilestones)
  const connection = getConnection()
  let queued = 0
  for (const milestone of ['opened', 'closed'] as const) {
    for (;;) {
      const handled = await connection.transaction(async (tx) => {
        const consultation = await nextDue(tx, milestone, now)
        if (!consultation) return null
        let count = 0
        const at = new Date(milestone === 'opened' ? consultation.opens_at : consultation.closes_at)
        if (now.getTime() - at.getTime() <= STALE_MS) {
          for (const recipient of recipients) {
            await queueMail(await milestoneMail(milestone, consultation, recipient), { transaction: tx })
            count += 1
          }
        }
        await tx.query(`UPDATE consultations SET ${due[milestone].notified} = $1 WHERE id = $2`, [now.toISOString(), consultation.id])
        return count
      })
      if (handled === null) break
      queued += handled
    }
  }
  queued += await announceNewConsultations(now)
  queued += await sendOpeningAlerts(now)
  return queued
}

defineJob({
  name: 'consultation-milestones',
  cron: '*/5 * * * *',
  retryLimit: 2,
  run: async () => void (await notifyConsultationMilestones()),
})
