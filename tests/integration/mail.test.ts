import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { simpleParser } from 'mailparser'
import { createElement } from 'react'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { NoticeEmail } from '#emails/notice'
import { renderEmail } from '#emails/render.server'
import { setEnvForTests } from '~/platform/env.server'
import { getTranslator } from '~/platform/i18n/i18next.server'
import { startWorkers, stopJobs } from '~/platform/jobs.server'
import {
  listOutbox,
  queueMail,
  readOutboxMessage,
  resetMailTransportForTests,
  sendMail,
} from '~/platform/mail.server'
import { withTestDatabase } from '../helpers/db'
import { type SmtpCapture, startSmtpCapture } from '../helpers/smtp'

withTestDatabase()
let smtp: SmtpCapture

beforeAll(async () => {
  smtp = await startSmtpCapture()
})

afterAll(async () => {
  await stopJobs()
  await smtp.close()
  setEnvForTests({})
  resetMailTransportForTests()
})

async function noticeIn(language: 'en' | 'gd') {
  const t = await getTranslator(language)
  return renderEmail(
    createElement(NoticeEmail, {
      t,
      lang: language,
      name: 'Ruairidh',
      heading: 'Guth',
      paragraphs: [t('home.respond.body')],
      action: { label: t('home.respond.title'), url: 'http://localhost:3000/' },
    }),
  )
}

function useSmtp() {
  setEnvForTests({ SMTP_URL: smtp.url, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'guth-mail-')) })
  resetMailTransportForTests()
}

test('an email in Gaelic arrives through real SMTP, as HTML and plain text', async () => {
  useSmtp()
  await sendMail({ to: 'ruairidh@example.org', subject: 'Fàilte gu Guth', ...(await noticeIn('gd')), category: 'receipt' })
  const mail = await smtp.waitForMail('ruairidh@example.org')
  expect(mail.subject).toBe('Fàilte gu Guth')
  expect(mail.text).toContain('Halò Ruairidh,')
  expect(mail.text).toContain('Chan fheum thu cunntas')
  expect(mail.html).toContain('lang="gd"')
  expect(mail.html).toContain('href="http://localhost:3000/"')
})

test('queued mail is sent by the job worker', async () => {
  useSmtp()
  await startWorkers({ pollingIntervalSeconds: 0.5 })
  await queueMail({ to: 'ailsa@example.org', subject: 'Queued', ...(await noticeIn('en')), category: 'receipt' })
  const mail = await smtp.waitForMail('ailsa@example.org')
  expect(mail.text).toContain('Hello Ruairidh,')
})

test('without SMTP_URL each message lands in the local outbox as a readable .eml', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'guth-outbox-'))
  setEnvForTests({ SMTP_URL: '', DATA_DIR: dataDir })
  resetMailTransportForTests()
  await sendMail({ to: 'eilidh@example.org', subject: 'To the outbox', ...(await noticeIn('en')), category: 'receipt' })
  const [entry] = await listOutbox()
  expect(entry).toMatchObject({ to: 'eilidh@example.org', subject: 'To the outbox' })
  const parsed = await simpleParser((await readOutboxMessage(entry!.id))!)
  expect(parsed.text).toContain('Hello Ruairidh,')
  expect(await readOutboxMessage('../session-secret')).toBeNull()
})
