import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { users } from '~/modules/accounts/schema'
import { moderateComment } from '~/modules/comments/moderation.server'
import { getDb } from '~/platform/db.server'
import { setEnvForTests } from '~/platform/env.server'
import { startWorkers, stopJobs } from '~/platform/jobs.server'
import { resetMailTransportForTests } from '~/platform/mail.server'
import { withTestDatabase } from '../helpers/db'
import { poll, type SmtpCapture, startSmtpCapture } from '../helpers/smtp'
import { givenPerson } from '../helpers/people'
import { givenDiscussion, say } from '../helpers/comments'

withTestDatabase()
let smtp: SmtpCapture

beforeAll(async () => {
  smtp = await startSmtpCapture()
  setEnvForTests({ SMTP_URL: smtp.url, COMMENT_DIGEST_DELAY_SECONDS: '3', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'guth-comments-')) })
  resetMailTransportForTests()
  await startWorkers({ pollingIntervalSeconds: 0.5 })
})

afterAll(async () => {
  await stopJobs()
  await smtp.close()
  setEnvForTests({})
  resetMailTransportForTests()
})

const mailTo = (email: string) => smtp.messages.filter((m) => JSON.stringify(m.to).includes(email))

test('three quick replies reach the author as one email, by SMTP', async () => {
  const consultation = await givenDiscussion()
  const author = await givenPerson({ name: 'Author' })
  const repliers = await Promise.all(['Ailsa', 'Ruairidh', 'Mairi'].map((name) => givenPerson({ name })))
  const comment = await say(author, consultation.id, 'What about island councils?')
  for (const [n, person] of repliers.entries()) await say(person, consultation.id, `Reply number ${n + 1}`, { parentId: comment })
  await say(author, consultation.id, 'Replying to myself sends nothing', { parentId: comment })

  const mail = await smtp.waitForMail(author.email, undefined, 20_000)
  expect(mail.subject).toBe('New replies to your comments on Guth')
  for (const text of ['Ailsa replied', 'Reply number 1', 'Reply number 2', 'Reply number 3']) expect(mail.text).toContain(text)
  expect(mail.text).not.toContain('Replying to myself')
  // Give a second digest, if one were queued, time to arrive.
  await new Promise((resolve) => setTimeout(resolve, 5000))
  expect(mailTo(author.email)).toHaveLength(1)
}, 40_000)

test('someone who turned reply emails off gets none', async () => {
  const consultation = await givenDiscussion()
  const [quiet, replier, control] = [await givenPerson({ name: 'Quiet' }), await givenPerson({ name: 'Replier' }), await givenPerson({ name: 'Control' })]
  await getDb().update(users).set({ notifyReplies: false }).where(eq(users.id, quiet.id))
  const first = await say(quiet, consultation.id, 'No emails please')
  const second = await say(control, consultation.id, 'Emails welcome')
  await say(replier, consultation.id, 'A reply', { parentId: first })
  await say(replier, consultation.id, 'Another reply', { parentId: second })
  await smtp.waitForMail(control.email, undefined, 20_000)
  await poll(async () => (mailTo(control.email).length ? true : undefined), 5000, 'the control email')
  expect(mailTo(quiet.email)).toHaveLength(0)
}, 40_000)

test('the author of a hidden comment is told why by SMTP, in their own language', async () => {
  const consultation = await givenDiscussion()
  const moderator = await givenPerson({ name: 'Moderator', roles: ['moderator'] })
  const [gaelic, english] = [await givenPerson({ name: 'Seonag' }), await givenPerson({ name: 'Ailsa' })]
  await getDb().update(users).set({ locale: 'gd' }).where(eq(users.id, gaelic.id))
  const hiddenInGaelic = await say(gaelic, consultation.id, 'Tha an riaghaltas seo gun fheum')
  const hiddenInEnglish = await say(english, consultation.id, 'Everyone on the council is a crook')
  for (const [id, reason] of [
    [hiddenInGaelic, 'Chan eil seo a’ leantainn riaghailtean an taighe'],
    [hiddenInEnglish, 'It names people and accuses them without evidence'],
  ] as const) {
    expect(await moderateComment(moderator, id, { decision: 'hide', reason })).toEqual({ ok: true })
  }

  const inGaelic = await smtp.waitForMail(gaelic.email, undefined, 20_000)
  expect(inGaelic.subject).toBe('Chuir modaratair do bheachd am falach air Guth')
  expect(inGaelic.text).toContain('An t-adhbhar a thug am modaratair: Chan eil seo a’ leantainn riaghailtean an taighe')
  expect(inGaelic.text).toContain('Tha an riaghaltas seo gun fheum')
  expect(inGaelic.text).toContain(`/comments/${hiddenInGaelic}`)

  const inEnglish = await smtp.waitForMail(english.email, undefined, 20_000)
  expect(inEnglish.subject).toBe('A moderator hid your comment on Guth')
  expect(inEnglish.text).toContain('The moderator’s reason: It names people and accuses them without evidence')

  // Restoring it, or dismissing reports, sends nothing more.
  await moderateComment(moderator, hiddenInEnglish, { decision: 'restore' })
  await new Promise((resolve) => setTimeout(resolve, 2000))
  expect(mailTo(english.email)).toHaveLength(1)
}, 40_000)
