import type { TFunction } from 'i18next'
import { getDb } from '~/platform/db.server'
import { asJobSession } from '~/platform/jobs-in-transaction.server'
import { prepareMailQueue, queueMail } from '~/platform/mail.server'
import type { Consultation } from './queries.server'
import type { QuestionView } from './questions'
import { receiptMail } from './respond-mail.server'
import { answersOf, submitDraftIn } from './responding.server'

/**
 * Sends a draft response: checks it is complete and the consultation still open, marks it sent and
 * queues its receipt, all in one transaction. A receipt that cannot be prepared leaves the response
 * a draft the person can send again; a response marked sent always has its receipt on the way.
 */
export async function sendResponse(
  consultation: Consultation,
  draft: { id: string; language: string },
  questions: QuestionView[],
  options: { wholeVideo?: boolean; videoLines?: (t: TFunction) => string[] } = {},
) {
  await prepareMailQueue()
  return getDb().transaction(async (tx) => {
    const result = await submitDraftIn(tx, consultation, draft.id, questions, options)
    if (!result.ok || result.alreadySubmitted) return result
    const receipt = { id: draft.id, reference: result.reference, email: result.email, language: draft.language }
    const mail = await receiptMail(consultation, receipt, questions, await answersOf(draft.id, tx), options.videoLines)
    if (mail) await queueMail(mail, { transaction: asJobSession(tx) })
    return result
  })
}
