import { tokenise } from './text'

// Suggested themes, computed in the platform with nothing sent anywhere. Deterministic and
// explainable:
// 1. each answer becomes a TF-IDF vector over stemmed words and two-word phrases;
// 2. the phrases that best separate answers (document frequency × idf) seed up to `maxThemes`
//    clusters, each seed's centre being the mean of the answers that use it;
// 3. a few rounds of spherical k-means move answers to their most similar centre (cosine);
//    answers similar to no centre stay unthemed;
// 4. each theme is labelled by the top phrases of its centre, and shows the answers nearest it.
// Every tie is broken by answer id or phrase text, so the same answers always give the same themes.

export interface ThemeInput {
  id: string
  text: string
}

export interface SuggestedTheme {
  label: string
  phrases: { phrase: string; weight: number }[]
  answerIds: string[]
  exampleAnswerIds: string[]
}

export interface ThemeOptions {
  maxThemes?: number
  minShare?: number
  minSimilarity?: number
  iterations?: number
}

/** A sparse unit vector: term indices and their weights, side by side. */
interface Vector {
  terms: Int32Array
  weights: Float64Array
}

const round = (n: number) => Math.round(n * 1000) / 1000

/** Phrases (stems, joined) of one answer, with the words as written for each. */
function termsOf(text: string) {
  const tokens = tokenise(text)
  const terms = new Map<string, string>()
  tokens.forEach((token, i) => {
    if (!terms.has(token.stem)) terms.set(token.stem, token.surface)
    const next = tokens[i + 1]
    if (next) {
      const key = `${token.stem} ${next.stem}`
      if (!terms.has(key)) terms.set(key, `${token.surface} ${next.surface}`)
    }
  })
  return terms
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

export function suggestThemes(inputs: ThemeInput[], options: ThemeOptions = {}): SuggestedTheme[] {
  const maxThemes = options.maxThemes ?? 12
  const minSimilarity = options.minSimilarity ?? 0.12
  const answers = [...inputs].filter((a) => a.text.trim()).sort((a, b) => compare(a.id, b.id))
  const n = answers.length
  if (n < 3) return []
  const minDf = Math.max(2, Math.ceil(n * (options.minShare ?? 0.01)))

  // Document frequency and the most common way each phrase is written.
  const perAnswer = answers.map((a) => termsOf(a.text))
  const df = new Map<string, number>()
  const surfaces = new Map<string, Map<string, number>>()
  for (const terms of perAnswer) {
    for (const [term, surface] of terms) {
      df.set(term, (df.get(term) ?? 0) + 1)
      const forms = surfaces.get(term) ?? new Map<string, number>()
      forms.set(surface, (forms.get(surface) ?? 0) + 1)
      surfaces.set(term, forms)
    }
  }
  const vocabulary = [...df.entries()].filter(([, d]) => d >= minDf && d <= n * 0.6).map(([term]) => term).sort(compare)
  const index = new Map(vocabulary.map((term, i) => [term, i]))
  const idf = vocabulary.map((term) => Math.log(n / df.get(term)!))
  const written = (i: number) => {
    const forms = [...surfaces.get(vocabulary[i]!)!.entries()].sort((a, b) => b[1] - a[1] || compare(a[0], b[0]))
    return forms[0]![0]
  }

  // Unit TF-IDF vectors (a phrase counts once per answer; two-word phrases weigh a little more).
  const vectors: Vector[] = perAnswer.map((terms) => {
    const found: [number, number][] = []
    for (const term of terms.keys()) {
      const i = index.get(term)
      if (i !== undefined) found.push([i, idf[i]! * (term.includes(' ') ? 1.5 : 1)])
    }
    const norm = Math.sqrt(found.reduce((s, [, x]) => s + x * x, 0)) || 1
    return { terms: Int32Array.from(found, ([i]) => i), weights: Float64Array.from(found, ([, x]) => x / norm) }
  })

  // Seeds: phrases by df × idf, skipping one whose answers mostly overlap a stronger seed's.
  const holders = new Map<number, number[]>()
  vectors.forEach((v, doc) =>
    v.terms.forEach((i) => {
      const list = holders.get(i)
      if (list) list.push(doc)
      else holders.set(i, [doc])
    }),
  )
  const ranked = vocabulary.map((_, i) => i).sort((a, b) => (holders.get(b)?.length ?? 0) * idf[b]! - (holders.get(a)?.length ?? 0) * idf[a]! || a - b)
  const seeds: { docs: number[]; set: Set<number> }[] = []
  for (const i of ranked) {
    if (seeds.length >= maxThemes) break
    const docs = holders.get(i) ?? []
    const overlaps = (seed: (typeof seeds)[number]) => {
      let shared = 0
      for (const d of docs) if (seed.set.has(d)) shared++
      return shared > 0.5 * Math.min(seed.docs.length, docs.length)
    }
    if (seeds.some(overlaps)) continue
    seeds.push({ docs, set: new Set(docs) })
  }

  const centre = (docs: number[]) => {
    const c = new Float64Array(vocabulary.length)
    for (const d of docs) {
      const { terms, weights } = vectors[d]!
      for (let j = 0; j < terms.length; j++) c[terms[j]!]! += weights[j]!
    }
    const norm = Math.sqrt(c.reduce((s, x) => s + x * x, 0)) || 1
    return c.map((x) => x / norm)
  }
  const cosine = (v: Vector, c: Float64Array) => {
    let s = 0
    for (let j = 0; j < v.terms.length; j++) s += v.weights[j]! * c[v.terms[j]!]!
    return s
  }

  let centres = seeds.map((seed) => centre(seed.docs))
  let assignment: { cluster: number; similarity: number }[] = []
  for (let round = 0; round < (options.iterations ?? 5); round++) {
    assignment = vectors.map((v) => {
      let best = -1
      let similarity = minSimilarity
      centres.forEach((c, k) => {
        const s = cosine(v, c)
        if (s > similarity) [best, similarity] = [k, s]
      })
      return { cluster: best, similarity }
    })
    centres = centres.map((c, k) => {
      const members = assignment.flatMap((a, d) => (a.cluster === k ? [d] : []))
      return members.length ? centre(members) : c
    })
  }

  const themes = centres.map((c, k) => {
    const members = assignment
      .map((a, d) => ({ ...a, d }))
      .filter((a) => a.cluster === k)
      .sort((a, b) => b.similarity - a.similarity || compare(answers[a.d]!.id, answers[b.d]!.id))
    const top = [...c.keys()]
      .filter((i) => c[i]! > 0)
      .sort((a, b) => c[b]! - c[a]! || a - b)
      .slice(0, 5)
    const phrases = top.map((i) => ({ phrase: written(i), weight: round(c[i]!) }))
    return {
      label: phrases.slice(0, 2).map((p) => p.phrase).join(' / '),
      phrases,
      answerIds: members.map((m) => answers[m.d]!.id),
      exampleAnswerIds: members.slice(0, 3).map((m) => answers[m.d]!.id),
    }
  })
  return themes.filter((t) => t.answerIds.length >= minDf).sort((a, b) => b.answerIds.length - a.answerIds.length || compare(a.label, b.label))
}
