import { getConnection } from '~/platform/db.server'

// Named reads of answers and responses for the analysis module (decision 009 let it query these
// tables itself): the SQL is the same, but consultations owns it and can change its tables.

/** The answer's words (typed text, BSL interpretation), if it answers that question. */
export async function answerWords(answerId: string, questionId: string) {
  const [answer] = await getConnection().query<{ text: string | null; interpretation: string | null }>(
    'select text, interpretation from answers where id = $1 and question_id = $2',
    [answerId, questionId],
  )
  return answer ?? null
}

/** Each answer's text, or its interpretation where it was given in BSL ('' when neither), by id. */
export function answerTexts(answerIds: string[]) {
  return getConnection().query<{ id: string; text: string }>(`select id, coalesce(text, interpretation, '') as text from answers where id = any($1::uuid[])`, [answerIds])
}

/** The status and publishing consent of the response an answer belongs to, within the consultation. */
export async function answerConsent(answerId: string, consultationId: string) {
  const [row] = await getConnection().query<{ status: string; publish_consent: string | null }>(
    'select r.status, r.publish_consent from answers a join responses r on r.id = a.response_id where a.id = $1 and r.consultation_id = $2',
    [answerId, consultationId],
  )
  return row ?? null
}
