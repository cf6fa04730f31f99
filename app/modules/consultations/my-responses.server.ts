import { asc, eq, inArray, or, sql } from 'drizzle-orm'
import { getDb } from '~/platform/db.server'
import { answers, consultations, questions, responses } from './schema'

/**
 * The person's responses, sent signed in or with their address while signed out, with every
 * answer, for "download my data". Draft and resume tokens are secrets and stay out.
 */
export async function exportMyResponses(person: { id: string; email: string }) {
  const db = getDb()
  const mine = await db
    .select({
      id: responses.id,
      consultation: { slug: consultations.slug, title: consultations.title },
      reference: responses.reference,
      status: responses.status,
      channel: responses.channel,
      respondentType: responses.respondentType,
      name: responses.name,
      organisationName: responses.organisationName,
      email: responses.email,
      publishConsent: responses.publishConsent,
      contactConsent: responses.contactConsent,
      isBslUser: responses.isBslUser,
      language: responses.language,
      startedAt: responses.createdAt,
      submittedAt: responses.submittedAt,
      withdrawnAt: responses.withdrawnAt,
      withdrawnReason: responses.withdrawnReason,
    })
    .from(responses)
    .innerJoin(consultations, eq(consultations.id, responses.consultationId))
    .where(or(eq(responses.userId, person.id), sql`lower(${responses.email}) = lower(${person.email})`))
    .orderBy(asc(responses.createdAt))
  if (mine.length === 0) return []
  const given = await db
    .select({
      responseId: answers.responseId,
      question: questions.prompt,
      text: answers.text,
      choices: answers.choices,
      bslVideo: sql<boolean>`${answers.mediaId} is not null`,
      interpretation: answers.interpretation,
    })
    .from(answers)
    .innerJoin(questions, eq(questions.id, answers.questionId))
    .where(inArray(answers.responseId, mine.map((r) => r.id)))
    .orderBy(asc(questions.position), asc(questions.createdAt))
  return mine.map(({ id, ...response }) => ({
    ...response,
    answers: given.filter((a) => a.responseId === id).map(({ responseId: _, ...answer }) => answer),
  }))
}
