import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import {
  alertUnsubscribeUrl,
  confirmAlert,
  findAlert,
  findAlertToStop,
  readAlertUnsubscribeToken,
  requestAlert,
  unsubscribeAlert,
} from '~/modules/consultations/alerts.server'
import { announceNewConsultations, notifyConsultationMilestones, sendOpeningAlerts } from '~/modules/consultations/notify.server'
import { consultationAlerts, consultations } from '~/modules/consultations/schema'
import { getConnection, getDb } from '~/platform/db.server'
import { givenConsultation } from '../helpers/consultations'
import { withTestDatabase } from '../helpers/db'

withTestDatabase()

describe('consultation alerts', () => {
  test('an alert counts only once its link is confirmed, and reading the link changes nothing', async () => {
    const { consultation } = await givenConsultation({ opensAt: new Date(Date.now() + 86_400_000) })
    const token = await requestAlert({ kind: 'opening', consultationId: consultation.id, email: 'ailsa@example.org', language: 'gd' })
    expect((await findAlert(token))!.confirmedAt).toBeNull()
    expect((await findAlert(token))!.confirmedAt).toBeNull()
    expect(await confirmAlert(token)).toBe(true)
    expect((await findAlert(token))!.confirmedAt).not.toBeNull()
  })

  test('asking again with the same address keeps one alert and the old link stops working', async () => {
    const { consultation } = await givenConsultation({ opensAt: new Date(Date.now() + 86_400_000) })
    const first = await requestAlert({ kind: 'opening', consultationId: consultation.id, email: 'ruairidh@example.org', language: 'en' })
    const second = await requestAlert({ kind: 'opening', consultationId: consultation.id, email: 'Ruairidh@Example.org', language: 'en' })
    expect(await findAlert(first)).toBeNull()
    expect(await findAlert(second)).not.toBeNull()
    expect(await getDb().select().from(consultationAlerts).where(eq(consultationAlerts.consultationId, consultation.id))).toHaveLength(1)
  })

  test('unsubscribing by the token needs no account and the link then names nothing', async () => {
    const token = await requestAlert({ kind: 'new', topics: [], email: 'morag@example.org', language: 'en' })
    await confirmAlert(token)
    expect(await unsubscribeAlert(token)).toBe(true)
    expect(await findAlert(token)).toBeNull()
    expect(await unsubscribeAlert(token)).toBe(false)
  })

  test('a link we did not sign stops nothing, and a signed one stops only its own alert', async () => {
    const token = await requestAlert({ kind: 'new', topics: ['rural'], email: 'eilidh@example.org', language: 'en' })
    const alert = (await findAlert(token))!
    const signed = alertUnsubscribeUrl(alert.id).split('/').pop()!
    expect(readAlertUnsubscribeToken(signed)).toBe(alert.id)
    const signature = signed.split('.')[1]!
    for (const forged of [`${alert.id}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`, `00000000-0000-4000-8000-000000000000.${signature}`, alert.id, 'nonsense']) {
      expect(readAlertUnsubscribeToken(forged), forged).toBeNull()
      expect(await findAlertToStop(forged)).toBeNull()
      expect(await unsubscribeAlert(forged)).toBe(false)
    }
    expect(await unsubscribeAlert(signed)).toBe(true)
    expect((await findAlertToStop(signed))!.unsubscribedAt).not.toBeNull()
  })

  test('asking again for a confirmed alert changes its topics only once the new link is confirmed', async () => {
    const first = await requestAlert({ kind: 'new', topics: ['rural'], email: 'seonaid@example.org', language: 'en' })
    await confirmAlert(first)
    const second = await requestAlert({ kind: 'new', topics: ['open data', 'gaelic'], email: 'seonaid@example.org', language: 'gd' })
    const pending = (await findAlert(second))!
    expect(pending).toMatchObject({ topics: ['rural'], language: 'en' })
    expect(pending.confirmedAt).not.toBeNull()
    expect(await confirmAlert(second)).toBe(true)
    expect(await findAlert(second)).toMatchObject({ topics: ['open data', 'gaelic'], language: 'gd' })
  })
})

const DAY = 86_400_000

/** The emails queued to this address, as the mail job will send them. */
const mailTo = (email: string) =>
  getConnection().query<{ subject: string; text: string; category: string; unsubscribe: string }>(
    `SELECT data->>'subject' AS subject, data->>'text' AS text, data->>'category' AS category, data->>'unsubscribeUrl' AS unsubscribe
       FROM pgboss.job WHERE name = 'send-email' AND data->>'to' = $1`,
    [email],
  )

async function givenAlert(request: Parameters<typeof requestAlert>[0], state: 'confirmed' | 'unconfirmed' | 'unsubscribed' = 'confirmed') {
  const token = await requestAlert(request)
  if (state !== 'unconfirmed') await confirmAlert(token)
  if (state === 'unsubscribed') await unsubscribeAlert(token)
  return token
}

describe('sending consultation alerts', () => {
  test('a confirmed opening alert is emailed once when its consultation opens, however often the job runs', async () => {
    const { consultation } = await givenConsultation({ opensAt: new Date(Date.now() + DAY) })
    await givenAlert({ kind: 'opening', consultationId: consultation.id, email: 'catriona@example.org', language: 'gd' })
    await givenAlert({ kind: 'opening', consultationId: consultation.id, email: 'unconfirmed@example.org', language: 'en' }, 'unconfirmed')
    await givenAlert({ kind: 'opening', consultationId: consultation.id, email: 'stopped@example.org', language: 'en' }, 'unsubscribed')

    // Still forthcoming: nobody hears anything.
    await notifyConsultationMilestones()
    expect(await mailTo('catriona@example.org')).toEqual([])

    await getDb().update(consultations).set({ opensAt: new Date(Date.now() - 60_000) }).where(eq(consultations.id, consultation.id))
    await Promise.all([notifyConsultationMilestones(), sendOpeningAlerts(), sendOpeningAlerts()])
    await notifyConsultationMilestones()

    const mails = await mailTo('catriona@example.org')
    expect(mails).toHaveLength(1)
    expect(mails[0]).toMatchObject({ category: 'alert', subject: `Fosgailte a-nis: ${consultation.title.gd}` })
    expect(mails[0]!.text).toContain(`/consultations/${consultation.slug}`)
    expect(mails[0]!.unsubscribe).toMatch(/\/alerts\/unsubscribe\/[0-9a-f-]{36}\.[\w-]+$/)
    // The unsubscribe link is in the text as well as in the header.
    expect(mails[0]!.text).toContain(mails[0]!.unsubscribe)
    expect(await mailTo('unconfirmed@example.org')).toEqual([])
    expect(await mailTo('stopped@example.org')).toEqual([])
    const [alert] = await getDb().select().from(consultationAlerts).where(eq(consultationAlerts.email, 'catriona@example.org'))
    expect(alert!.notifiedAt).toBeInstanceOf(Date)
  })

  test('an opening alert for a consultation that has closed, or was taken down, is not sent', async () => {
    const { consultation } = await givenConsultation({ opensAt: new Date(Date.now() + DAY) })
    await givenAlert({ kind: 'opening', consultationId: consultation.id, email: 'late@example.org', language: 'en' })
    await getDb().update(consultations).set({ opensAt: new Date(Date.now() - 2 * DAY), retractedAt: new Date() }).where(eq(consultations.id, consultation.id))
    await sendOpeningAlerts()
    await getDb().update(consultations).set({ retractedAt: null, closesAt: new Date(Date.now() - 1000) }).where(eq(consultations.id, consultation.id))
    await sendOpeningAlerts()
    expect(await mailTo('late@example.org')).toEqual([])
  })

  test('a new consultation is announced once to the confirmed alerts whose topics it shares', async () => {
    await announceNewConsultations()
    await givenAlert({ kind: 'new', topics: ['rural', 'bsl'], email: 'rural@example.org', language: 'en' })
    await givenAlert({ kind: 'new', topics: ['open data'], email: 'data@example.org', language: 'en' })
    await givenAlert({ kind: 'new', topics: ['gaelic'], email: 'unconfirmed-new@example.org', language: 'en' }, 'unconfirmed')
    await givenAlert({ kind: 'new', topics: ['gaelic'], email: 'stopped-new@example.org', language: 'en' }, 'unsubscribed')
    const { consultation } = await givenConsultation({ opensAt: new Date(Date.now() + 3 * DAY) })
    await getDb().update(consultations).set({ topics: ['gaelic', 'rural'], publishedAt: new Date() }).where(eq(consultations.id, consultation.id))

    await Promise.all([announceNewConsultations(), announceNewConsultations()])
    await notifyConsultationMilestones()

    const mails = await mailTo('rural@example.org')
    expect(mails).toHaveLength(1)
    expect(mails[0]).toMatchObject({ category: 'alert', subject: `New consultation: ${consultation.title.en}` })
    expect(mails[0]!.text).toContain('It is about: Rural.')
    expect(mails[0]!.text).toContain('It opens on')
    expect(await mailTo('data@example.org')).toEqual([])
    expect(await mailTo('unconfirmed-new@example.org')).toEqual([])
    expect(await mailTo('stopped-new@example.org')).toEqual([])
    const [row] = await getDb().select({ announcedAt: consultations.announcedAt }).from(consultations).where(eq(consultations.id, consultation.id))
    expect(row!.announcedAt).toBeInstanceOf(Date)
  })

  test('a draft is not announced until it is published, and old news is marked without email', async () => {
    await givenAlert({ kind: 'new', topics: ['open government'], email: 'og@example.org', language: 'en' })
    const { consultation: draft } = await givenConsultation({ published: false })
    await getDb().update(consultations).set({ topics: ['open government'] }).where(eq(consultations.id, draft.id))
    await announceNewConsultations()
    expect(await mailTo('og@example.org')).toEqual([])
    const { consultation: old } = await givenConsultation()
    await getDb().update(consultations).set({ topics: ['open government'], publishedAt: new Date(Date.now() - 30 * DAY) }).where(eq(consultations.id, old.id))
    await announceNewConsultations()
    expect(await mailTo('og@example.org')).toEqual([])
    await getDb().update(consultations).set({ publishedAt: new Date() }).where(eq(consultations.id, draft.id))
    await announceNewConsultations()
    expect(await mailTo('og@example.org')).toHaveLength(1)
  })
})
