import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { and, count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { auditLog, sessions, signInAttempts } from '~/modules/accounts/schema'
import { endAllSessions, findSessionUser } from '~/modules/accounts/sessions.server'
import { limits, MAX_TRIES, requestSignIn, verifySignInCode, verifySignInLink } from '~/modules/accounts/sign-in.server'
import { setAuthGatewayForTests } from '~/platform/auth-gateway.server'
import { getDb } from '~/platform/db.server'
import { setEnvForTests } from '~/platform/env.server'
import { startWorkers, stopJobs } from '~/platform/jobs.server'
import { resetMailTransportForTests } from '~/platform/mail.server'
import { withTestDatabase } from '../helpers/db'
import { givenPerson } from '../helpers/people'
import { browserRequest, setCookies } from '../helpers/requests'
import { type SmtpCapture, startSmtpCapture } from '../helpers/smtp'

withTestDatabase()
let smtp: SmtpCapture
let ipCounter = 0
const freshIp = () => `192.0.2.${++ipCounter}`

beforeAll(async () => {
  smtp = await startSmtpCapture()
  setEnvForTests({ SMTP_URL: smtp.url, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'guth-signin-')) })
  resetMailTransportForTests()
  setAuthGatewayForTests(undefined)
  await startWorkers({ pollingIntervalSeconds: 0.5 })
})

afterAll(async () => {
  await stopJobs()
  await smtp.close()
  setEnvForTests({})
  resetMailTransportForTests()
})

async function askForCode(email: string, options: { redirectTo?: string; isBot?: boolean; cookies?: string[]; ip?: string } = {}) {
  const result = await requestSignIn({
    email,
    redirectTo: options.redirectTo ?? '/account',
    language: 'en',
    ip: options.ip ?? freshIp(),
    isBot: options.isBot ?? false,
    request: browserRequest('/sign-in', options.cookies),
  })
  if (!result.ok) throw new Error('rate limited')
  return result.attemptId
}

async function emailedCode(email: string, attemptId: string) {
  const mail = await smtp.waitForMail(email, (m) => Boolean(m.text?.includes(`attempt=${attemptId}`)))
  const code = /\b(\d{6})\b/.exec(mail.subject ?? '')![1]!
  const token = /[?&]token=([\w-]+)/.exec(mail.text ?? '')![1]!
  return { code, token, mail }
}

const enterCode = (attemptId: string, code: string, cookies: string[] = []) =>
  verifySignInCode({ attemptId, code, language: 'en', request: browserRequest('/sign-in/code', cookies) })

describe('signing in with an emailed code', () => {
  test('the right code signs in once, starts a session and is recorded', async () => {
    const attemptId = await askForCode('ailsa@example.org', { redirectTo: '/privacy' })
    const { code, mail } = await emailedCode('ailsa@example.org', attemptId)
    expect(mail.text).toContain('10 minutes')
    const result = await enterCode(attemptId, code)
    if (!result.ok) throw new Error(result.reason)
    expect(result.redirectTo).toBe('/privacy')
    const user = await findSessionUser(browserRequest('/', setCookies(result.headers)))
    expect(user?.email).toBe('ailsa@example.org')
    const [audit] = await getDb()
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'account.signed_in'), eq(auditLog.subjectId, user!.id)))
    expect(audit!.n).toBe(1)
    expect(await enterCode(attemptId, code)).toEqual({ ok: false, reason: 'expired' })
  })

  test('wrong codes count down, then even the right code is refused', async () => {
    const attemptId = await askForCode('ruairidh@example.org')
    const { code } = await emailedCode('ruairidh@example.org', attemptId)
    const wrong = code === '000000' ? '111111' : '000000'
    const left = []
    for (let i = 0; i < 5; i++) {
      const result = await enterCode(attemptId, wrong)
      left.push(result.ok ? 'ok' : result.reason === 'wrong_code' ? result.triesLeft : result.reason)
    }
    expect(left).toEqual([4, 3, 2, 1, 'too_many_tries'])
    expect(await enterCode(attemptId, code)).toEqual({ ok: false, reason: 'too_many_tries' })
  })

  test('an expired code is refused', async () => {
    const attemptId = await askForCode('morag@example.org')
    const { code } = await emailedCode('morag@example.org', attemptId)
    await getDb().update(signInAttempts).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(signInAttempts.id, attemptId))
    expect(await enterCode(attemptId, code)).toEqual({ ok: false, reason: 'expired' })
  })

  test('the emailed link signs in once', async () => {
    const attemptId = await askForCode('calum@example.org')
    const { token } = await emailedCode('calum@example.org', attemptId)
    const follow = () =>
      verifySignInLink({ attemptId, token, language: 'en', request: browserRequest('/sign-in/confirm') })
    expect((await follow()).ok).toBe(true)
    expect(await follow()).toEqual({ ok: false, reason: 'expired' })
  })

  test('a tampered link token does not sign in', async () => {
    const attemptId = await askForCode('tormod@example.org')
    const { token } = await emailedCode('tormod@example.org', attemptId)
    const result = await verifySignInLink({
      attemptId,
      token: `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
      language: 'en',
      request: browserRequest('/sign-in/confirm'),
    })
    expect(result).toEqual({ ok: false, reason: 'expired' })
  })
})

describe('safety', () => {
  test('asking for a code looks the same for a known and an unknown address', async () => {
    await givenPerson({ email: 'known@example.org', name: null })
    const known = await askForCode('known@example.org')
    const unknown = await askForCode('nobody-here@example.org')
    expect(typeof known).toBe(typeof unknown)
    await emailedCode('known@example.org', known)
    await emailedCode('nobody-here@example.org', unknown)
  })

  test('a filled honeypot gets the same answer and no email', async () => {
    const attemptId = await askForCode('bot@example.org', { isBot: true })
    expect(attemptId).toMatch(/^[0-9a-f-]{36}$/)
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(smtp.messages.some((m) => m.text?.includes(attemptId))).toBe(false)
  })

  test('signing in replaces the session this browser had', async () => {
    const first = await askForCode('eilidh@example.org')
    const firstCode = await emailedCode('eilidh@example.org', first)
    const one = await enterCode(first, firstCode.code)
    if (!one.ok) throw new Error(one.reason)
    const oldCookies = setCookies(one.headers)
    const oldUser = await findSessionUser(browserRequest('/', oldCookies))
    const second = await askForCode('eilidh@example.org', { cookies: oldCookies })
    const secondCode = await emailedCode('eilidh@example.org', second)
    const two = await enterCode(second, secondCode.code, oldCookies)
    if (!two.ok) throw new Error(two.reason)
    const newUser = await findSessionUser(browserRequest('/', setCookies(two.headers)))
    expect(newUser?.sessionId).not.toBe(oldUser?.sessionId)
    expect(await findSessionUser(browserRequest('/', oldCookies))).toBeNull()
  })

  test('sign out everywhere ends every session the person has', async () => {
    const sessionsFor = async (email: string) => {
      const attemptId = await askForCode(email)
      const { code } = await emailedCode(email, attemptId)
      const result = await enterCode(attemptId, code)
      if (!result.ok) throw new Error(result.reason)
      return setCookies(result.headers)
    }
    await sessionsFor('iain@example.org')
    const phone = await sessionsFor('iain@example.org')
    const user = await findSessionUser(browserRequest('/', phone))
    const [before] = await getDb().select({ n: count() }).from(sessions).where(eq(sessions.userId, user!.id))
    expect(before!.n).toBe(2)
    await endAllSessions(user!.id)
    const [after] = await getDb().select({ n: count() }).from(sessions).where(eq(sessions.userId, user!.id))
    expect(after!.n).toBe(0)
    expect(await findSessionUser(browserRequest('/', phone))).toBeNull()
  })

  test('a tampered session cookie is nobody', async () => {
    const attemptId = await askForCode('kirsty@example.org')
    const { code } = await emailedCode('kirsty@example.org', attemptId)
    const result = await enterCode(attemptId, code)
    if (!result.ok) throw new Error(result.reason)
    const [cookie] = setCookies(result.headers)
    const forged = cookie!.replace(/guth_session=([^.]+)\./, (_all, value: string) => `guth_session=${value.slice(0, -2)}xx.`)
    expect(await findSessionUser(browserRequest('/', [forged]))).toBeNull()
  })

  test('redirects after sign-in stay on this site', async () => {
    for (const target of ['https://evil.example/', '//evil.example', '/\\evil.example']) {
      const attemptId = await askForCode('shona@example.org', { redirectTo: target })
      const { code } = await emailedCode('shona@example.org', attemptId)
      const result = await enterCode(attemptId, code)
      expect(result.ok && result.redirectTo).toBe('/')
    }
  })
})

describe('limits on asking for codes', () => {
  const at = (start: Date, seconds: number) => new Date(start.getTime() + seconds * 1000)
  const ask = (email: string, now: Date, ip = freshIp(), isBot = true) =>
    requestSignIn({ email, redirectTo: '/', language: 'en', ip, isBot, request: browserRequest('/sign-in'), now })

  test('a sixth request within 15 minutes is a short wait, not a lock-out, and the wait grows', async () => {
    const start = new Date()
    const email = 'two-devices@example.org'
    for (let i = 0; i < limits.requestPerEmail.free; i++) expect((await ask(email, at(start, i))).ok).toBe(true)
    const waits: number[] = []
    let now = at(start, limits.requestPerEmail.free)
    for (let i = 0; i < 4; i++) {
      const refused = await ask(email, now)
      if (refused.ok) throw new Error('expected a wait')
      const wait = (refused.retryAt.getTime() - now.getTime()) / 1000
      waits.push(wait)
      // Asking again before the time given is refused with the same time, and uncounted.
      const again = await ask(email, at(now, 1))
      expect(!again.ok && again.retryAt.getTime()).toBe(refused.retryAt.getTime())
      now = refused.retryAt
      expect((await ask(email, now)).ok).toBe(true)
      now = at(now, 1)
    }
    expect(waits[0]).toBeLessThanOrEqual(30)
    expect(waits[1]!).toBeGreaterThan(waits[0]!)
    expect(waits[2]!).toBeGreaterThan(waits[1]!)
    expect(waits[3]!).toBeGreaterThan(waits[2]!)
    // Seven codes sent in under 15 minutes, none refused for longer than a few minutes.
    expect(now.getTime() - start.getTime()).toBeLessThan(15 * 60_000)
  })

  test('one network address asking for many addresses is held back', async () => {
    const start = new Date()
    const ip = '198.51.100.7'
    const outcomes = []
    for (let i = 0; i <= limits.requestPerIp.free; i++) outcomes.push(await ask(`office-${i}@example.org`, at(start, i), ip))
    expect(outcomes.slice(0, -1).every((o) => o.ok)).toBe(true)
    const last = outcomes.at(-1)!
    expect(last.ok).toBe(false)
    expect((await ask('someone-else@example.org', at(start, 40), ip)).ok).toBe(false)
    // Another network address is not affected.
    expect((await ask('someone-else@example.org', at(start, 40))).ok).toBe(true)
  })

  test('a new code makes the earlier one stop working', async () => {
    const email = 'newer@example.org'
    const first = await askForCode(email)
    const firstCode = await emailedCode(email, first)
    const second = await askForCode(email)
    const secondCode = await emailedCode(email, second)
    expect(await enterCode(first, firstCode.code)).toEqual({ ok: false, reason: 'expired' })
    const result = await enterCode(second, secondCode.code)
    expect(result.ok).toBe(true)
  })

  test('the latest code still works after the request limit was reached', async () => {
    const email = 'patient@example.org'
    const ip = freshIp()
    let attemptId = ''
    for (let i = 0; i < limits.requestPerEmail.free; i++) attemptId = await askForCode(email, { ip })
    const refused = await requestSignIn({ email, redirectTo: '/', language: 'en', ip, isBot: false, request: browserRequest('/sign-in') })
    expect(refused.ok).toBe(false)
    const { code } = await emailedCode(email, attemptId)
    const result = await enterCode(attemptId, code)
    expect(result.ok).toBe(true)
    // Having proved the address, its owner may ask again at once.
    expect((await requestSignIn({ email, redirectTo: '/', language: 'en', ip, isBot: true, request: browserRequest('/sign-in') })).ok).toBe(true)
  })

  test('wrong guesses still end an attempt, the right code with them', async () => {
    const email = 'guessed@example.org'
    const attemptId = await askForCode(email)
    const { code } = await emailedCode(email, attemptId)
    const wrong = code === '999999' ? '888888' : '999999'
    for (let i = 0; i < MAX_TRIES; i++) await enterCode(attemptId, wrong)
    expect(await enterCode(attemptId, code)).toEqual({ ok: false, reason: 'too_many_tries' })
  })
})
