import { randomUUID } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { requestSignIn } from '~/modules/accounts/index.server'
import { users } from '~/modules/accounts/schema'
import { readUnsubscribeToken } from '~/modules/accounts/unsubscribe.server'
import { notifyConsultationMilestones } from '~/modules/consultations/notify.server'
import { sendReceipt } from '~/modules/consultations/respond-mail.server'
import { bookPlace } from '~/modules/events/bookings.server'
import { cancelEvent, updateEvent } from '~/modules/events/commands.server'
import { getDb } from '~/platform/db.server'
import { setEnvForTests } from '~/platform/env.server'
import { startWorkers, stopJobs } from '~/platform/jobs.server'
import { listOutbox, readOutboxMessage, resetMailTransportForTests } from '~/platform/mail.server'
import { givenConsultation } from '../helpers/consultations'
import { withTestDatabase } from '../helpers/db'
import { poll } from '../helpers/smtp'
import { givenPerson } from '../helpers/people'
import { givenDiscussion, say } from '../helpers/comments'
import { eventForm, givenPublishedEvent } from '../helpers/events'

// Issue 14, items 4 and 5: the headers as they are written into the outbox, which holds the very
// bytes that would go over the wire.

const PUBLIC_URL = 'https://guth.example'
withTestDatabase()

beforeAll(async () => {
  setEnvForTests({ SMTP_URL: '', PUBLIC_URL, COMMENT_DIGEST_DELAY_SECONDS: '0', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'guth-headers-')) })
  resetMailTransportForTests()
  await startWorkers({ pollingIntervalSeconds: 0.5 })
})

afterAll(async () => {
  await stopJobs()
  setEnvForTests({})
  resetMailTransportForTests()
})

/** Every raw .eml in the outbox to this address whose subject matches. */
async function rawMailTo(to: string, subject: RegExp = /./) {
  const entries = (await listOutbox()).filter((entry) => entry.to === to && subject.test(entry.subject))
  return Promise.all(entries.map(async (entry) => (await readOutboxMessage(entry.id))!))
}

const firstMailTo = (to: string, subject?: RegExp) => poll(async () => (await rawMailTo(to, subject))[0], 20_000, `an email to ${to}`)

/** The message's header fields by lower-case name, unfolded (RFC 5322 2.2.3), read from the raw bytes. */
function headersOf(raw: Buffer) {
  const text = raw.toString('utf8')
  const head = text.slice(0, text.indexOf('\r\n\r\n'))
  const fields = new Map<string, string[]>()
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':')
    const name = line.slice(0, colon).toLowerCase()
    fields.set(name, [...(fields.get(name) ?? []), line.slice(colon + 1).trim()])
  }
  return fields
}

function expectTransactional(raw: Buffer) {
  const headers = headersOf(raw)
  expect(headers.get('auto-submitted')).toEqual(['auto-generated'])
  expect(headers.has('list-unsubscribe')).toBe(false)
  expect(headers.has('list-unsubscribe-post')).toBe(false)
}

/** The one-click link, checked against RFC 8058: one https URI, on this site, naming this person and this kind of email. */
function expectOneClick(raw: Buffer, userId: string, choice: string) {
  const headers = headersOf(raw)
  expect(headers.get('auto-submitted')).toEqual(['auto-generated'])
  expect(headers.get('list-unsubscribe-post')).toEqual(['List-Unsubscribe=One-Click'])
  const [value, ...more] = headers.get('list-unsubscribe') ?? []
  expect(more).toEqual([])
  const url = /^<(https:\/\/guth\.example\/unsubscribe\/([^>]+))>$/.exec(value ?? '')
  expect(url, `List-Unsubscribe: ${value}`).not.toBeNull()
  expect(readUnsubscribeToken(url![2]!)).toEqual({ userId, choice })
  return url![1]!
}

describe('transactional mail carries Auto-Submitted and no unsubscribe link', () => {
  test('a sign-in code', async () => {
    const email = `code-${randomUUID().slice(0, 8)}@example.org`
    const asked = await requestSignIn({ email, redirectTo: '/', language: 'en', ip: '192.0.2.1', isBot: false, request: new Request('http://localhost/sign-in') })
    expect(asked.ok).toBe(true)
    expectTransactional(await firstMailTo(email))
  })

  test('a response receipt', async () => {
    const { consultation } = await givenConsultation()
    const email = `receipt-${randomUUID().slice(0, 8)}@example.org`
    await sendReceipt(consultation, { id: randomUUID(), reference: 'GUTH-TEST-1', email, language: 'en' }, [])
    expectTransactional(await firstMailTo(email))
  })

  test('a booking confirmation, even for someone with an account', async () => {
    const { event } = await givenPublishedEvent()
    const person = await givenPerson({ name: 'Booker' })
    const booked = await bookPlace(event.id, { name: 'Booker', email: person.email }, { userId: person.id, language: 'en' })
    expect(booked.ok).toBe(true)
    expectTransactional(await firstMailTo(person.email))
  })
})

describe('mail a person can stop getting carries a one-click unsubscribe link', () => {
  test('a reply digest', async () => {
    const consultation = await givenDiscussion()
    const [author, replier] = [await givenPerson({ name: 'Author' }), await givenPerson({ name: 'Replier' })]
    const comment = await say(author, consultation.id, 'Community councils need more time')
    await say(replier, consultation.id, 'Agreed', { parentId: comment })
    expectOneClick(await firstMailTo(author.email), author.id, 'replies')
  })

  test('a milestone email to an official, and none to an official who turned them off', async () => {
    const [official, quiet] = [await givenPerson({ name: 'Official', roles: ['official'] }), await givenPerson({ name: 'Quiet', roles: ['admin'] })]
    await getDb().update(users).set({ notifyMilestones: false }).where(eq(users.id, quiet.id))
    await givenConsultation({ opensAt: new Date(Date.now() - 60_000) })
    expect(await notifyConsultationMilestones()).toBeGreaterThan(0)
    expectOneClick(await firstMailTo(official.email, /^Now open/), official.id, 'milestones')
    expect(await rawMailTo(quiet.email)).toEqual([])
  })

  test('an event change and a cancellation to people with an account; not to one who turned them off, and no link for a booking without an account', async () => {
    const { event, organisation, organiser, moderator } = await givenPublishedEvent()
    const [booker, quiet] = [await givenPerson({ name: 'Attendee' }), await givenPerson({ name: 'QuietAttendee' })]
    const guest = `guest-${randomUUID().slice(0, 8)}@example.org`
    await getDb().update(users).set({ notifyEventUpdates: false }).where(eq(users.id, quiet.id))
    for (const [email, userId] of [[booker.email, booker.id], [quiet.email, quiet.id], [guest, null]] as const) {
      expect((await bookPlace(event.id, { name: 'Someone', email }, { userId, language: 'en' })).ok).toBe(true)
    }
    const moved = await updateEvent(organiser, event.id, eventForm(organisation.slug, { title: event.title, startTime: '17:30' }), null)
    expect(moved.ok).toBe(true)
    expectOneClick(await firstMailTo(booker.email, /^Event changed/), booker.id, 'eventUpdates')
    expectTransactional(await firstMailTo(guest, /^Event changed/))

    await cancelEvent(moderator, event.id, 'Venue flooded')
    expectOneClick(await firstMailTo(booker.email, /^Event cancelled/), booker.id, 'eventUpdates')
    await firstMailTo(guest, /^Event cancelled/)
    // The quiet attendee had the booking confirmation only.
    const toQuiet = await rawMailTo(quiet.email)
    expect(toQuiet).toHaveLength(1)
    expectTransactional(toQuiet[0]!)
  })
})

test('the outbox keeps each email as it would go over the wire: CRLF line endings, no bare LF', async () => {
  const raws = await Promise.all((await listOutbox()).map(async (entry) => (await readOutboxMessage(entry.id))!))
  expect(raws.length).toBeGreaterThan(5)
  for (const raw of raws) {
    const text = raw.toString('latin1')
    expect(text).toContain('\r\n')
    const bare = /(?<!\r)\n/.exec(text)
    expect(bare && JSON.stringify(text.slice(Math.max(0, bare.index - 300), bare.index + 100)), 'a line ends in a bare LF').toBeNull()
  }
})
