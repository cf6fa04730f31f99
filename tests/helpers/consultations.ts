import { randomUUID } from 'node:crypto'
import { consultations, type QuestionOption, questions } from '~/modules/consultations/schema'
import { getDb } from '~/platform/db.server'

type QuestionSeed = {
  kind: 'text' | 'long_text' | 'single' | 'multiple' | 'scale' | 'yes_no'
  prompt: string
  required?: boolean
  options?: string[]
  charLimit?: number
  followUp?: boolean
}

/** A published consultation open now (or with the dates given), with the questions given. */
export async function givenConsultation(options: { opensAt?: Date; closesAt?: Date; questions?: QuestionSeed[]; published?: boolean } = {}) {
  const db = getDb()
  const slug = `test-${randomUUID().slice(0, 8)}`
  const [consultation] = await db
    .insert(consultations)
    .values({
      slug,
      title: { en: `Consultation ${slug}`, gd: `Co-chomhairle ${slug}` },
      summary: { en: 'A test consultation' },
      team: 'Test Team',
      contactEmail: 'team@example.org',
      opensAt: options.opensAt ?? new Date(Date.now() - 86_400_000),
      closesAt: options.closesAt ?? new Date(Date.now() + 7 * 86_400_000),
      publishedAt: options.published === false ? null : new Date(Date.now() - 2 * 86_400_000),
    })
    .returning()
  const created = []
  let position = 0
  for (const seed of options.questions ?? [{ kind: 'long_text', prompt: 'What do you think?' }]) {
    position += 1
    const opts: QuestionOption[] = (seed.options ?? []).map((label) => ({ value: label.toLowerCase().replace(/\W+/g, '-'), label: { en: label } }))
    const [question] = await db
      .insert(questions)
      .values({
        consultationId: consultation!.id,
        position,
        kind: seed.kind,
        prompt: { en: seed.prompt },
        options: opts,
        required: seed.required ?? false,
        charLimit: seed.charLimit ?? null,
      })
      .returning()
    created.push(question!)
    if (seed.followUp) {
      const [followUp] = await db
        .insert(questions)
        .values({ consultationId: consultation!.id, position, kind: 'long_text', prompt: { en: 'Please explain your answer' }, followUpOf: question!.id })
        .returning()
      created.push(followUp!)
    }
  }
  return { consultation: consultation!, questions: created }
}
