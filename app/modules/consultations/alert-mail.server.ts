import { createElement } from 'react'
import { ConsultationAlertEmail } from '#emails/consultation-alert'
import { renderEmail } from '#emails/render.server'
import type { TFunction } from 'i18next'
import { topicLabel } from '~/kernel/topics'
import { getEnv } from '~/platform/env.server'
import { isLanguage, type Language } from '~/platform/i18n/config'
import { getTranslator } from '~/platform/i18n/i18next.server'
import { type OutgoingMail, queueMail } from '~/platform/mail.server'
import { alertUnsubscribeUrl, type AlertRequest, findAlert, requestAlert } from './alerts.server'
import { formatLondon } from '~/kernel/london-time'
import { translate } from './questions'
import type { Translated } from '~/kernel/translated'

/** The consultation an alert email is about, as the sending job reads it. */
export interface AlertConsultation {
  slug: string
  title: Translated
  summary: Translated
  opens_at: Date | string
  closes_at: Date | string
}

export interface AlertRecipient {
  id: string
  email: string
  language: string
}

const topicList = (t: TFunction, topics: string[]) => topics.map((topic) => topicLabel(t, topic)).join(', ')

async function alertMail(
  recipient: AlertRecipient,
  build: (t: TFunction, language: Language) => { subject: string; heading: string; paragraphs: string[]; action: { label: string; url: string } },
): Promise<OutgoingMail> {
  const language = isLanguage(recipient.language) ? recipient.language : 'en'
  const t = await getTranslator(language, 'consultations')
  const { subject, ...content } = build(t, language)
  const unsubscribeUrl = alertUnsubscribeUrl(recipient.id)
  const rendered = await renderEmail(createElement(ConsultationAlertEmail, { t, lang: language, ...content, unsubscribeUrl }))
  return { to: recipient.email, subject, ...rendered, category: 'alert', about: { type: 'consultation_alert', id: recipient.id }, unsubscribeUrl }
}

/**
 * Records the alert and emails its confirmation link, in the language asked in. Whether the
 * address was known makes no difference to the caller.
 */
export async function requestAlertByEmail(request: AlertRequest, consultation?: { title: Translated }) {
  const token = await requestAlert(request)
  const alert = (await findAlert(token))!
  const url = `${getEnv().PUBLIC_URL}/alerts/confirm/${token}`
  const mail = await alertMail(alert, (t, language) => ({
    subject: t('alerts.email.confirm.subject'),
    heading: t('alerts.email.confirm.heading'),
    paragraphs: [
      request.kind === 'opening'
        ? t('alerts.email.confirm.opening', { title: translate(consultation?.title, language) })
        : t('alerts.email.confirm.new', { topics: topicList(t, request.topics) }),
      t('alerts.email.confirm.ignore'),
    ],
    action: { label: t('alerts.email.confirm.link'), url },
  }))
  await queueMail(mail)
}

/** "It is open now": the one email an opening alert asked for. */
export function openingAlertMail(recipient: AlertRecipient, consultation: AlertConsultation) {
  return alertMail(recipient, (t, language) => {
    const title = translate(consultation.title, language)
    return {
      subject: t('alerts.email.opened.subject', { title }),
      heading: t('alerts.email.opened.heading', { title }),
      paragraphs: [translate(consultation.summary, language), t('alerts.email.opened.body', { closes: formatLondon(new Date(consultation.closes_at), language) })],
      action: { label: t('alerts.email.opened.link'), url: `${getEnv().PUBLIC_URL}/consultations/${consultation.slug}` },
    }
  })
}

/** "A new consultation on a topic you chose", sent when it is first published. */
export function newConsultationAlertMail(recipient: AlertRecipient, consultation: AlertConsultation & { topics: string[] }, alertTopics: string[]) {
  return alertMail(recipient, (t, language) => {
    const title = translate(consultation.title, language)
    const matching = alertTopics.length ? consultation.topics.filter((topic) => alertTopics.includes(topic)) : consultation.topics
    const dates = { opens: formatLondon(new Date(consultation.opens_at), language), closes: formatLondon(new Date(consultation.closes_at), language) }
    return {
      subject: t('alerts.email.new.subject', { title }),
      heading: t('alerts.email.new.heading', { title }),
      paragraphs: [
        translate(consultation.summary, language),
        ...(matching.length ? [t('alerts.email.new.topics', { topics: topicList(t, matching) })] : []),
        t(new Date(consultation.opens_at) > new Date() ? 'alerts.email.new.forthcoming' : 'alerts.email.new.open', dates),
      ],
      action: { label: t('alerts.email.new.link'), url: `${getEnv().PUBLIC_URL}/consultations/${consultation.slug}` },
    }
  })
}
