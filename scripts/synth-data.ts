import { FIXED_OPTIONS, optionsOf, type QuestionKind } from '~/modules/consultations/questions'
import type { QuestionOption } from '~/modules/consultations/schema'
import type { Connection } from '~/platform/db.server'
import { campaignAnswer, pick, type Random, seededRandom, seededUuid, synthAnswer } from './synth-text'

// A closed consultation full of synthetic responses, for analysis work and benchmarks. Rows go in
// as JSON batches through jsonb_to_recordset: one statement per 1,000 responses, same SQL on
// PGlite and Postgres.

export interface SynthOptions {
  respondents: number
  questions: number
  seed: number
  /** share of respondents sending a campaign's standard text to the open questions */
  campaignShare?: number
  log?: (line: string) => void
}

// A single-choice question defines its own options, as an official would type them; yes/no
// answers must use the app's fixed values (`dont_know`), or the tables count them nowhere.
const option = (value: string, en: string): QuestionOption => ({ value, label: { en } })
const support = [
  option('strongly-agree', 'Strongly agree'),
  option('agree', 'Agree'),
  option('neither', 'Neither agree nor disagree'),
  option('disagree', 'Disagree'),
  option('strongly-disagree', 'Strongly disagree'),
]

const weighted = <T,>(random: Random, table: [T, number][]) => {
  let roll = random() * table.reduce((sum, [, w]) => sum + w, 0)
  for (const [value, w] of table) if ((roll -= w) < 0) return value
  return table[0]![0]
}

const BATCH = 1000

/** Creates (or re-creates) the consultation `synth-<seed>` and fills it; returns its id and slug. */
export async function synthesise(connection: Connection, options: SynthOptions) {
  const random = seededRandom(options.seed)
  const slug = `synth-${options.seed}`
  const log = options.log ?? (() => {})
  const campaignShare = options.campaignShare ?? 0.06
  const [old] = await connection.query<{ id: string }>('select id from consultations where slug = $1', [slug])
  if (old) {
    // answers restrict deleting their question, so they go first
    await connection.query('delete from answers where response_id in (select id from responses where consultation_id = $1)', [old.id])
    await connection.query('delete from consultations where id = $1', [old.id])
  }
  const consultationId = seededUuid(random)
  const closes = Date.UTC(2026, 9, 30, 23, 0)
  const opens = closes - 84 * 86_400_000
  await connection.query(
    `insert into consultations (id, slug, title, summary, team, contact_email, opens_at, closes_at, published_at, questions_locked_at)
     values ($1, $2, $3::jsonb, $4::jsonb, 'Local Governance Review Team', 'localdemocracy@example.gov.scot', $5, $6, $5, $5)`,
    [
      consultationId,
      slug,
      JSON.stringify({ en: `Local democracy: synthetic consultation ${options.seed}`, gd: `Deamocrasaidh ionadail: co-chomhairle ${options.seed}` }),
      JSON.stringify({ en: `${options.respondents} synthetic responses for analysis and benchmarks.` }),
      new Date(opens).toISOString(),
      new Date(closes).toISOString(),
    ],
  )
  const questions = Array.from({ length: options.questions }, (_, i) => {
    const kind: QuestionKind = i % 4 === 0 ? 'single' : i % 4 === 2 ? 'yes_no' : 'long_text'
    const options = kind === 'single' ? support : (FIXED_OPTIONS[kind] ?? [])
    return {
      id: seededUuid(random),
      position: i + 1,
      kind,
      prompt: { en: kind === 'long_text' ? `What would make local decisions better for your community? (${i + 1})` : `Do you agree that more decisions should be taken locally? (${i + 1})` },
      options,
    }
  })
  await connection.query(
    `insert into questions (id, consultation_id, position, kind, prompt, options)
     select id, $1, position, kind::question_kind, prompt, options from jsonb_to_recordset($2::jsonb)
       as x(id uuid, position int, kind text, prompt jsonb, options jsonb)`,
    [consultationId, JSON.stringify(questions)],
  )
  let openAnswers = 0
  for (let start = 0; start < options.respondents; start += BATCH) {
    const responses = []
    const answers = []
    for (let n = start; n < Math.min(options.respondents, start + BATCH); n++) {
      const id = seededUuid(random)
      const channel = weighted(random, [['web', 80], ['bsl', 4], ['email', 8], ['post', 4], ['event', 4]])
      const type = random() < 0.9 ? 'individual' : 'organisation'
      const campaign = random() < campaignShare ? Math.floor(random() * 2) : -1
      responses.push({
        id,
        reference: `SYN${options.seed}-${String(n).padStart(7, '0')}`,
        channel,
        respondent_type: type,
        name: type === 'individual' ? `Respondent ${n}` : null,
        organisation_name: type === 'organisation' ? `${pick(random, ['Community Council', 'Development Trust', 'Residents Association', 'Youth Forum'])} ${n}` : null,
        publish_consent: weighted(random, [['with_name', 30], ['anonymous', 50], ['not_published', 20]]),
        is_bsl_user: channel === 'bsl' || random() < 0.01,
        // Responses bunch up towards the closing date, as they do.
        submitted_at: new Date(closes - Math.floor(Math.pow(random(), 2) * 84 * 86_400_000)).toISOString(),
      })
      for (const question of questions) {
        if (question.kind === 'long_text') {
          if (random() > 0.7) continue
          openAnswers++
          const words = campaign >= 0 ? campaignAnswer(random, campaign) : synthAnswer(random)
          // BSL answers are videos: three in four already interpreted by an official.
          if (channel === 'bsl') answers.push({ id: seededUuid(random), response_id: id, question_id: question.id, text: null, choices: [], interpretation: random() < 0.75 ? words : null })
          else answers.push({ id: seededUuid(random), response_id: id, question_id: question.id, text: words, choices: [], interpretation: null })
        } else if (random() < 0.95) {
          const offered = optionsOf(question)
          const choice = offered[Math.min(offered.length - 1, Math.floor(Math.pow(random(), 1.4) * offered.length))]!.value
          answers.push({ id: seededUuid(random), response_id: id, question_id: question.id, text: null, choices: [choice], interpretation: null })
        }
      }
    }
    await connection.query(
      `insert into responses (id, consultation_id, reference, status, channel, respondent_type, name, organisation_name, publish_consent, is_bsl_user, submitted_at, contact_consent)
       select id, $1, reference, 'submitted', channel::response_channel, respondent_type::respondent_type, name, organisation_name,
              publish_consent::publish_consent, is_bsl_user, submitted_at, false
       from jsonb_to_recordset($2::jsonb) as x(id uuid, reference text, channel text, respondent_type text, name text,
            organisation_name text, publish_consent text, is_bsl_user boolean, submitted_at timestamptz)`,
      [consultationId, JSON.stringify(responses)],
    )
    await connection.query(
      `insert into answers (id, response_id, question_id, text, choices, interpretation)
       select id, response_id, question_id, text, choices, interpretation
       from jsonb_to_recordset($1::jsonb) as x(id uuid, response_id uuid, question_id uuid, text text, choices jsonb, interpretation text)`,
      [JSON.stringify(answers)],
    )
    log(`${Math.min(options.respondents, start + BATCH)} / ${options.respondents} respondents`)
  }
  return { consultationId, slug, questionIds: questions.map((q) => q.id), openAnswers, respondents: options.respondents }
}
