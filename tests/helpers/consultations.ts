import { randomUUID } from 'node:crypto'
import { consultations, type QuestionOption, questions } from '~/modules/consultations/schema'
import { type Translated } from '~/kernel/translated'
import { getDb } from '~/platform/db.server'

type QuestionKind = (typeof questions.$inferInsert)['kind']

export type QuestionSeed = {
  kind: QuestionKind
  /** English only, or both languages. */
  prompt: string | Translated
  required?: boolean
  /** A label (its value is the label in kebab case), or a whole option. */
  options?: (string | QuestionOption)[]
  charLimit?: number
  /** Adds a long-text "Please explain your answer" follow-up right after this question. */
  followUp?: boolean
  /** Makes this question a follow-up of the seed at that index. */
  followUpOf?: number
  /** Default: one after the previous seed. */
  position?: number
}

export interface ConsultationOptions {
  title?: Translated
  summary?: Translated
  slug?: string
  team?: string
  contactEmail?: string
  opensAt?: Date
  closesAt?: Date
  /** false for a draft; a date for when it was published. */
  published?: boolean | Date
  retracted?: boolean
  questions?: QuestionSeed[]
}

const DAY = 86_400_000

/** A published consultation open now (or with the dates given), with the questions given. */
export async function givenConsultation(options: ConsultationOptions = {}) {
  const db = getDb()
  const slug = options.slug ?? `test-${randomUUID().slice(0, 8)}`
  const publishedAt = options.published === false ? null : options.published instanceof Date ? options.published : new Date(Date.now() - 2 * DAY)
  const [consultation] = await db
    .insert(consultations)
    .values({
      slug,
      title: options.title ?? { en: `Consultation ${slug}`, gd: `Co-chomhairle ${slug}` },
      summary: options.summary ?? { en: 'A test consultation' },
      team: options.team ?? 'Test Team',
      contactEmail: options.contactEmail ?? 'team@example.org',
      opensAt: options.opensAt ?? new Date(Date.now() - DAY),
      closesAt: options.closesAt ?? new Date(Date.now() + 7 * DAY),
      publishedAt,
      retractedAt: options.retracted ? new Date(Date.now() - 60_000) : null,
    })
    .returning()
  const created = []
  const bySeed: string[] = []
  let position = 0
  for (const seed of options.questions ?? [{ kind: 'long_text', prompt: 'What do you think?' }]) {
    position = seed.position ?? position + 1
    const opts: QuestionOption[] = (seed.options ?? []).map((option) =>
      typeof option === 'string' ? { value: option.toLowerCase().replace(/\W+/g, '-'), label: { en: option } } : option,
    )
    const [question] = await db
      .insert(questions)
      .values({
        consultationId: consultation!.id,
        position,
        kind: seed.kind,
        prompt: typeof seed.prompt === 'string' ? { en: seed.prompt } : seed.prompt,
        options: opts,
        required: seed.required ?? false,
        charLimit: seed.charLimit ?? null,
        followUpOf: seed.followUpOf === undefined ? null : bySeed[seed.followUpOf]!,
      })
      .returning()
    created.push(question!)
    bySeed.push(question!.id)
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

const choices = (...values: string[]): QuestionOption[] => values.map((value) => ({ value, label: { en: `${value[0]!.toUpperCase()}${value.slice(1)}`, gd: `GD ${value}` } }))
const both = (en: string): Translated => ({ en, gd: `GD ${en}` })

/**
 * An open consultation (in both languages) with a question of every kind and a follow-up to the
 * single-choice one; its questions by name in `q`.
 */
export async function givenConsultationOfEveryKind(options: { published?: boolean | Date } = {}) {
  const { consultation, questions: [name, single, explain, multiple, scale, yesNo, long] } = await givenConsultation({
    slug: `local-democracy-${randomUUID().slice(0, 8)}`,
    title: { en: 'Bringing decisions closer to communities', gd: 'A’ toirt cho-dhùnaidhean nas fhaisge air coimhearsnachdan' },
    summary: { en: 'Local democracy' },
    team: 'Local Democracy Team',
    contactEmail: 'localdemocracy@example.gov.scot',
    opensAt: new Date(Date.now() - 30 * DAY),
    closesAt: new Date(Date.now() + 30 * DAY),
    published: options.published ?? new Date(Date.now() - 31 * DAY),
    questions: [
      { kind: 'text', prompt: both('What is your community called?') },
      { kind: 'single', prompt: both('Which level should decide on local services?'), options: choices('community', 'council', 'national'), required: true },
      { kind: 'long_text', prompt: both('Please explain your answer'), followUpOf: 1 },
      { kind: 'multiple', prompt: both('Which services matter most?'), options: choices('schools', 'parks', 'transport') },
      { kind: 'scale', prompt: both('Decisions should be taken closer to communities.') },
      { kind: 'yes_no', prompt: both('Have you taken part in a community council?') },
      { kind: 'long_text', prompt: both('Anything else you would like to tell us?'), charLimit: 2000 },
    ],
  })
  return { ...consultation, q: { name: name!, single: single!, explain: explain!, multiple: multiple!, scale: scale!, yesNo: yesNo!, long: long! } }
}

/** A closed consultation with one single-choice question (yes/no/maybe) and one open question. */
export async function givenAnalysedConsultation(options: { open?: boolean } = {}) {
  return givenConsultation({
    opensAt: new Date(Date.now() - 30 * DAY),
    closesAt: new Date(Date.now() + (options.open ? 7 : -1) * DAY),
    questions: [
      { kind: 'single', prompt: 'Should community councils have more powers?', options: ['Yes', 'No', 'Maybe'] },
      { kind: 'long_text', prompt: 'What would make local decisions better?' },
    ],
  })
}
