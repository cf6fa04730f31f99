import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import { createElement } from 'react'
import { SignInEmail } from '#emails/sign-in'
import { renderEmail } from '#emails/render.server'
import type { AuthGateway } from './auth-gateway.server'
import { getEnv } from './env.server'
import { getTranslator } from './i18n/i18next.server'
import { queueMail } from './mail.server'

export const hashLinkToken = (token: string) => createHash('sha256').update(token).digest('hex')

// Six digits are few: keyed with the server's secret, a leaked table is no list of codes.
const hashCode = (attemptId: string, code: string) =>
  createHmac('sha256', getEnv().SESSION_SECRET).update(`${attemptId}:${code}`).digest('hex')

function sameHash(a: string | null, b: string) {
  return a !== null && a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))
}

/** Codes and links made, hashed and mailed by Guth itself (no Supabase). */
export function createEmbeddedGateway(): AuthGateway {
  return {
    kind: 'embedded',
    async sendSignIn({ email, language, attemptId, confirmUrl }) {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
      const token = randomBytes(32).toString('base64url')
      const link = `${confirmUrl}${confirmUrl.includes('?') ? '&' : '?'}token=${token}`
      const t = await getTranslator(language, 'auth')
      const body = await renderEmail(createElement(SignInEmail, { t, lang: language, code, link }))
      await queueMail({ to: email, subject: t('email.subject', { code }), ...body, category: 'sign-in' })
      return { codeHash: hashCode(attemptId, code), linkHash: hashLinkToken(token) }
    },
    async verifyCode({ email, code, attemptId, codeHash }) {
      return sameHash(codeHash, hashCode(attemptId, code)) ? { ok: true, email } : { ok: false, reason: 'wrong' }
    },
    async verifyLink({ email, token, linkHash }) {
      return sameHash(linkHash, hashLinkToken(token)) ? { ok: true, email } : { ok: false, reason: 'wrong' }
    },
    confirmIdentity: async () => ({ ok: true }),
    signOut: async () => undefined,
    deleteIdentity: async () => undefined,
  }
}
