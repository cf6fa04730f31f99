import { isUuid } from '~/kernel/ids'
import type { Actor } from '~/modules/accounts'
import { listQuestions, findManagedConsultation, numberQuestions } from '~/modules/consultations/index.server'
import { isClosedKind, translate } from '~/modules/consultations'
import { promptIn } from './language'

/** An open question of a consultation an official manages, numbered; null if there is none. */
export async function findOpenQuestion(actor: Actor, consultationId: string, questionId: string, language: string) {
  const consultation = await findManagedConsultation(actor, consultationId)
  if (!consultation || !isUuid(questionId)) return null
  const question = numberQuestions(await listQuestions(consultation.id)).find((q) => q.id === questionId)
  if (!question || isClosedKind(question.kind)) return null
  return {
    consultation: { id: consultation.id, title: translate(consultation.title, language) },
    question: { id: question.id, number: question.number, ...promptIn(question.prompt, language) },
  }
}

