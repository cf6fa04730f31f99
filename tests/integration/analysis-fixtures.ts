import { randomUUID } from 'node:crypto'
import type { PlatformRole } from '~/modules/accounts/permissions'
import { userRoles, users } from '~/modules/accounts/schema'
import { answers, responses } from '~/modules/consultations/schema'
import { getDb } from '~/platform/db.server'
import { givenConsultation } from '../helpers/consultations'

// Known responses for the analysis tests: every number they assert is counted by hand from these.

export async function givenPerson(roles: PlatformRole[] = ['official']) {
  const db = getDb()
  const [user] = await db.insert(users).values({ email: `analyst-${randomUUID().slice(0, 8)}@example.org`, displayName: 'Morag Analyst' }).returning()
  for (const role of roles) await db.insert(userRoles).values({ userId: user!.id, role })
  return { id: user!.id, roles }
}

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

/** Inserts the responses (and their answers) as submitted; returns answer ids by [response][question]. */
export async function givenResponses(consultationId: string, questionIds: string[], given: GivenResponse[]) {
  const db = getDb()
  const answerIds: Record<number, string>[] = []
  for (const [i, r] of given.entries()) {
    const [response] = await db
      .insert(responses)
      .values({
        consultationId,
        reference: `T${randomUUID().slice(0, 12)}`,
        status: r.status ?? 'submitted',
        channel: r.channel ?? 'web',
        respondentType: r.type === undefined ? 'individual' : r.type,
        name: r.name ?? `Person ${i}`,
        organisationName: r.organisation ?? null,
        publishConsent: r.consent === undefined ? 'anonymous' : r.consent,
        isBslUser: r.bsl ?? r.channel === 'bsl',
        submittedAt: r.submittedAt ?? new Date(Date.parse('2026-10-01T12:00:00Z') + i * 60_000),
      })
      .returning()
    const ids: Record<number, string> = {}
    for (const [index, value] of Object.entries(r.answers ?? {})) {
      const isText = typeof value === 'string'
      const bsl = !isText && !Array.isArray(value) ? value : null
      const [answer] = await db
        .insert(answers)
        .values({
          responseId: response!.id,
          questionId: questionIds[Number(index)]!,
          text: isText ? value : null,
          choices: Array.isArray(value) ? value : [],
          interpretation: bsl?.interpretation ?? null,
          mediaId: bsl?.media ? randomUUID() : null,
        })
        .returning()
      ids[Number(index)] = answer!.id
    }
    answerIds.push(ids)
  }
  return answerIds
}

/** A closed consultation with one single-choice question (yes/no/maybe) and one open question. */
export async function givenAnalysedConsultation(options: { open?: boolean } = {}) {
  const day = 86_400_000
  return givenConsultation({
    opensAt: new Date(Date.now() - 30 * day),
    closesAt: new Date(Date.now() + (options.open ? 7 : -1) * day),
    questions: [
      { kind: 'single', prompt: 'Should community councils have more powers?', options: ['Yes', 'No', 'Maybe'] },
      { kind: 'long_text', prompt: 'What would make local decisions better?' },
    ],
  })
}
