import { parseWithZod } from '@conform-to/zod'
import { data, redirect } from '@remix-run/node'
import { formatTime } from '~/platform/notice'
import { assertCsrf } from '~/platform/csrf.server'
import { isHoneypotFilled } from '~/platform/honeypot'
import { translatorFor } from '~/platform/i18n/translate.server'
import { hitRateLimit, type RateLimit } from '~/platform/rate-limit.server'
import { requestAlertByEmail } from './alert-mail.server'
import { NewAlertSchema, OpeningAlertSchema } from './forms-alerts'
import type { Translated } from '~/kernel/translated'

const PER_IP: RateLimit = { name: 'alert-request:ip', limit: 10, windowSeconds: 3600 }
// An address is sent a few confirmation links a day at most, whoever asks: nobody can flood a mailbox.
const PER_ADDRESS: RateLimit = { name: 'alert-request:email', limit: 3, windowSeconds: 24 * 3600 }

type Target = { kind: 'opening'; consultation: { id: string; slug: string; title: Translated } } | { kind: 'new' }

/**
 * The action of both alert forms: "email me when this opens" on a forthcoming consultation and
 * "email me about new consultations" on the list. The answer is the same whether the address is
 * known, new, or has asked too often ("check your email"); only this browser asking too often
 * is told to wait.
 */
export async function alertSignupAction(request: Request, ip: string, target: Target) {
  const form = await request.formData()
  assertCsrf(request, form)
  const submission = target.kind === 'opening' ? parseWithZod(form, { schema: OpeningAlertSchema }) : parseWithZod(form, { schema: NewAlertSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), notice: null }, { status: 400 })
  const done = redirect(target.kind === 'opening' ? `/alerts/check-email?consultation=${encodeURIComponent(target.consultation.slug)}` : '/alerts/check-email', 303)
  if (isHoneypotFilled(form)) return done
  const { language } = await translatorFor(request)
  const limited = await hitRateLimit(PER_IP, ip)
  if (!limited.ok) {
    const retryAfter = Math.max(1, Math.ceil((limited.retryAt.getTime() - Date.now()) / 1000))
    return data(
      { result: submission.reply(), notice: { key: 'consultations:alerts.errors.rateLimited', values: { time: formatTime(limited.retryAt, language) } } },
      { status: 429, headers: { 'Retry-After': String(retryAfter) } },
    )
  }
  const { email } = submission.value
  if (!(await hitRateLimit(PER_ADDRESS, email.toLowerCase())).ok) return done
  if (target.kind === 'opening') {
    await requestAlertByEmail({ kind: 'opening', consultationId: target.consultation.id, email, language }, target.consultation)
  } else {
    await requestAlertByEmail({ kind: 'new', topics: 'topics' in submission.value ? (submission.value.topics as string[]) : [], email, language })
  }
  return done
}
