import { randomUUID } from 'node:crypto'
import { newReference } from '~/modules/consultations/references'
import { answers, responses } from '~/modules/consultations/schema'
import { getDb } from '~/platform/db.server'

type ResponseRow = typeof responses.$inferInsert

export interface AnswerSeed {
  questionId: string
  text?: string | null
  choices?: string[]
  interpretation?: string | null
  mediaId?: string | null
}

/**
 * A sent response (Ailsa MacLeod, on the web, publishable with her name, yesterday) with the
 * fields given, and its answers. Returns the response row and the answer ids in order.
 */
export async function givenResponse(consultationId: string, values: Partial<ResponseRow> = {}, given: AnswerSeed[] = []) {
  const db = getDb()
  const [response] = await db
    .insert(responses)
    .values({
      consultationId,
      reference: newReference(),
      status: 'submitted',
      channel: 'web',
      respondentType: 'individual',
      name: 'Ailsa MacLeod',
      email: 'ailsa@example.org',
      publishConsent: 'with_name',
      contactConsent: true,
      isBslUser: false,
      submittedAt: new Date(Date.now() - 86_400_000),
      ...values,
    })
    .returning()
  const answerIds: string[] = []
  for (const answer of given) {
    const [row] = await db
      .insert(answers)
      .values({
        responseId: response!.id,
        questionId: answer.questionId,
        text: answer.text ?? null,
        choices: answer.choices ?? [],
        interpretation: answer.interpretation ?? null,
        mediaId: answer.mediaId ?? null,
      })
      .returning({ id: answers.id })
    answerIds.push(row!.id)
  }
  return { response: response!, answerIds }
}

// Known responses for the analysis tests: every number they assert is counted by hand from these.

export interface GivenResponse {
  type?: 'individual' | 'organisation' | null
  channel?: 'web' | 'bsl' | 'email' | 'post' | 'event'
  consent?: 'with_name' | 'anonymous' | 'not_published' | null
  name?: string
  organisation?: string
  bsl?: boolean
  status?: 'submitted' | 'draft' | 'withdrawn'
  submittedAt?: Date
  /** by question index: text, or choices */
  answers?: Record<number, string | string[] | { interpretation?: string; media?: boolean }>
}

/**
 * Many responses in a compact form (anonymous by default, a minute apart from 1 October 2026);
 * returns answer ids by [response][question index].
 */
export async function givenResponses(consultationId: string, questionIds: string[], given: GivenResponse[]) {
  const answerIds: Record<number, string>[] = []
  for (const [i, r] of given.entries()) {
    const entries = Object.entries(r.answers ?? {}).map(([index, value]) => ({ index: Number(index), value }))
    const { answerIds: ids } = await givenResponse(
      consultationId,
      {
        reference: `T${randomUUID().slice(0, 12)}`,
        status: r.status ?? 'submitted',
        channel: r.channel ?? 'web',
        respondentType: r.type === undefined ? 'individual' : r.type,
        name: r.name ?? `Person ${i}`,
        email: null,
        organisationName: r.organisation ?? null,
        publishConsent: r.consent === undefined ? 'anonymous' : r.consent,
        contactConsent: null,
        isBslUser: r.bsl ?? r.channel === 'bsl',
        submittedAt: r.submittedAt ?? new Date(Date.parse('2026-10-01T12:00:00Z') + i * 60_000),
      },
      entries.map(({ index, value }) => {
        const bsl = typeof value !== 'string' && !Array.isArray(value) ? value : null
        return {
          questionId: questionIds[index]!,
          text: typeof value === 'string' ? value : null,
          choices: Array.isArray(value) ? value : [],
          interpretation: bsl?.interpretation ?? null,
          mediaId: bsl?.media ? randomUUID() : null,
        }
      }),
    )
    answerIds.push(Object.fromEntries(entries.map(({ index }, n) => [index, ids[n]!])))
  }
  return answerIds
}
