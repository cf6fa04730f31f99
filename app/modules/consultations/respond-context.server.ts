import { redirect } from '@remix-run/node'
import { statusOf } from './lifecycle'
import { getPublicConsultation, listQuestions } from './queries.server'
import type { QuestionView } from './questions'
import { answersOf, type Draft, findDraft } from './responding.server'

export interface Step {
  number: number
  question: QuestionView
  followUps: QuestionView[]
}

/** One page per question: each closed question carries its "please explain" follow-ups. */
export function stepsOf(questions: QuestionView[]): Step[] {
  return questions
    .filter((q) => !q.followUpOf)
    .map((question, index) => ({
      number: index + 1,
      question,
      followUps: questions.filter((q) => q.followUpOf === question.id),
    }))
}

/** Everything a respond page needs; 404 for consultations the public cannot see. */
export async function loadRespondContext(request: Request, slug: string, options: { requireDraft?: boolean } = {}) {
  const found = await getPublicConsultation(slug)
  if (!found) throw new Response('Not found', { status: 404 })
  const { consultation } = found
  const questions = await listQuestions(consultation.id)
  const draft = await findDraft(request, consultation.id)
  const status = statusOf(consultation)
  if (options.requireDraft && !draft && status === 'open') throw redirect(`/consultations/${slug}/respond`)
  return { consultation, questions, steps: stepsOf(questions), draft, status, documents: found.documents }
}

export async function draftAnswers(draft: Draft | null) {
  return draft ? answersOf(draft.id) : new Map()
}


