import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { confirmAlert, findAlert, requestAlert, unsubscribeAlert } from '~/modules/consultations/alerts.server'
import { consultationAlerts } from '~/modules/consultations/schema'
import { getDb } from '~/platform/db.server'
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
})
