import type { TFunction } from 'i18next'
import { createElement } from 'react'
import { NoticeEmail } from '#emails/notice'
import { renderEmail } from '#emails/render.server'
import { ResponseReceiptEmail } from '#emails/response-receipt'
import { getEnv } from '~/platform/env.server'
import { type Language, isLanguage } from '~/platform/i18n/config'
import { getTranslator } from '~/platform/i18n/i18next.server'
import { queueMail } from '~/platform/mail.server'
import { answerText } from './answer-summary'
import { formatLondon } from '~/kernel/london-time'
import type { Consultation } from './queries.server'
import { type QuestionView, translate } from './questions'
import { answersOf, type GivenAnswer } from './responding.server'

const languageOf = (value: string): Language => (isLanguage(value) ? value : 'en')

type Receipted = { id: string; reference: string; email: string | null; language: string }

/** Emails the respondent a full copy of their response with its reference (and the BSL videos received). */
export async function sendReceipt(consultation: Consultation, response: Receipted, questions: QuestionView[], videoLines: (t: TFunction) => string[] = () => []) {
  const mail = await receiptMail(consultation, response, questions, await answersOf(response.id), videoLines)
  if (mail) await queueMail(mail)
}

/** The receipt for a response whose answers are `given`, or null when the respondent left no email address. */
export async function receiptMail(consultation: Consultation, response: Receipted, questions: QuestionView[], given: Map<string, GivenAnswer>, videoLines: (t: TFunction) => string[] = () => []) {
  if (!response.email) return null
  const language = languageOf(response.language)
  const t = await getTranslator(language, 'respond')
  const title = translate(consultation.title, language)
  const items = questions.map((question) => ({
    question: translate(question.prompt, language),
    answer: answerText(question, given.get(question.id), language) ?? (given.get(question.id)?.mediaId ? t('bsl:check.answeredInBsl') : null),
  }))
  const body = await renderEmail(
    createElement(ResponseReceiptEmail, { t, lang: language, title, reference: response.reference, items, notAnswered: t('check.notAnswered'), videos: videoLines(t) }),
  )
  return { to: response.email, subject: t('emails.receiptSubject', { title, reference: response.reference }), ...body, category: 'receipt' as const, about: { type: 'response', id: response.id } }
}

/** Emails the single-use link that brings a saved response back. */
export async function sendResumeLink(consultation: Consultation, email: string, token: string, language: Language) {
  const t = await getTranslator(language, 'respond')
  const title = translate(consultation.title, language)
  const url = `${getEnv().PUBLIC_URL}/consultations/${consultation.slug}/resume?token=${token}`
  const body = await renderEmail(
    createElement(NoticeEmail, {
      t: await getTranslator(language),
      lang: language,
      heading: t('emails.resumeHeading'),
      paragraphs: [t('emails.resumeIntro', { date: formatLondon(consultation.closesAt, language) }), url],
      action: { label: t('emails.resumeAction'), url },
    }),
  )
  await queueMail({ to: email, subject: t('emails.resumeSubject', { title }), ...body, category: 'resume' })
}
