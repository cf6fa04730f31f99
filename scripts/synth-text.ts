// Deterministic, varied answers about local democracy for the synthetic data set. Every choice
// comes from the seeded generator, so a seed always gives the same words.

/** mulberry32: small, fast and good enough to make varied but reproducible data. */
export function seededRandom(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export type Random = () => number
export const pick = <T,>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!

/** A version-4-shaped uuid from the generator (so ids are reproducible too). */
export function seededUuid(random: Random) {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16))
  hex[12] = '4'
  hex[16] = '89ab'[Math.floor(random() * 4)]!
  const s = hex.join('')
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
}

const topics = {
  councils: {
    claims: [
      'community councils should have real powers over local decisions',
      'our community council does good work but has no budget to speak of',
      'community councils need proper funding and training for volunteers',
      'the community council in our village is the only body that listens',
      'community councillors should be elected properly, not co-opted',
    ],
    reasons: [
      'because people trust the folk who live beside them',
      'since decisions taken in the city chambers rarely fit our streets',
      'as too few people even know their community council exists',
    ],
  },
  budgeting: {
    claims: [
      'participatory budgeting lets residents decide how money is spent',
      'at least one per cent of council budgets should go to participatory budgeting',
      'participatory budgeting votes in our town brought new people into local decisions',
      'participatory budgeting must cover mainstream budgets, not just small grants',
      'the participatory budgeting process was too complicated for older residents',
    ],
    reasons: [
      'because it shows people their voice changes things',
      'since small grant competitions set groups against each other',
      'as the money spent should reflect what the community values',
    ],
  },
  taxation: {
    claims: [
      'councils need the power to raise more of their own money through local taxes',
      'the council tax is unfair and should be replaced by a fairer local tax',
      'a tourist tax would let island and highland councils fund services',
      'local taxation should stay under the control of local people',
      'more fiscal powers for councils would only mean higher bills',
    ],
    reasons: [
      'because central grants come with too many strings attached',
      'since the council tax bands are decades out of date',
      'as visitors use roads and services that residents pay for',
    ],
  },
  islands: {
    claims: [
      'island communities need decisions made on the islands, not in Edinburgh',
      'the islands need their own voice in how ferries and services are planned',
      'island proofing must apply to every new power in the bill',
      'remote and island communities are forgotten when budgets are set',
      'island councils should control the Crown Estate income from their seabed',
    ],
    reasons: [
      'because a decision made on the mainland ignores the ferry timetable',
      'since our population is small and easily outvoted',
      'as digital meetings leave out people with poor broadband',
    ],
  },
  trust: {
    claims: [
      'people have lost trust that consultations change anything',
      'the government must publish what it did with our views',
      'local democracy needs clear information in plain English and Gaelic',
      'young people should be involved in local decision making from school age',
      'meetings should be held in the evening so working people can attend',
    ],
    reasons: [
      'because nothing happened after the last consultation',
      'since decisions are often made before anyone is asked',
      'as people cannot take part in what they do not understand',
    ],
  },
} as const

const openers = ['I think', 'In my view', 'We believe', 'Honestly,', 'As a resident,', 'Our members feel that', 'It is clear that', 'I strongly feel']
const closers = [
  'Please listen to communities this time.',
  'Thank you for the chance to respond.',
  'This matters to everyone in our area.',
  '',
  '',
  'We would welcome further discussion.',
]

const topicNames = Object.keys(topics) as (keyof typeof topics)[]

/** One open answer of one to three sentences, mostly about one theme. */
export function synthAnswer(random: Random) {
  const main = topics[pick(random, topicNames)]
  const sentences = [`${pick(random, openers)} ${pick(random, main.claims)}, ${pick(random, main.reasons)}.`]
  if (random() < 0.5) {
    const other = topics[pick(random, topicNames)]
    sentences.push(`${capitalise(pick(random, other.claims))}.`)
  }
  const closer = pick(random, closers)
  if (closer) sentences.push(closer)
  return sentences.join(' ')
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/** The campaign's standard text, as an organisation circulated it. */
export const campaignTexts = [
  'I support the Local Democracy Bill and call on the Scottish Government to give every community council a guaranteed budget, a duty on councils to share power, and a statutory right for communities to run participatory budgeting across at least five per cent of council spending.',
  'Keep decisions local: no new powers should be taken away from island communities, and every island must have a say on ferries, health care and schools before any decision is made in Edinburgh.',
]

/** The standard text, sometimes lightly edited (a word changed, a sentence added) as people do. */
export function campaignAnswer(random: Random, index: number) {
  const text = campaignTexts[index % campaignTexts.length]!
  const roll = random()
  if (roll < 0.6) return text
  if (roll < 0.8) return `${text} ${pick(random, ['Thank you.', 'Please act now.', 'I live in Orkney.', 'Signed, a concerned resident.'])}`
  const words = text.split(' ')
  const at = 3 + Math.floor(random() * (words.length - 4))
  words[at] = pick(random, ['really', 'also', 'every', 'local', 'our'])
  return words.join(' ')
}
