import { words } from './text'

// Campaign detection: answers that repeat a standard text, word for word or lightly edited.
// Identical texts are grouped first (exact match after normalising case and punctuation). Each
// wording sent by at least two people may then be a standard text; taken from the most copied
// down, each gathers the distinct texts within NEAR_COPY_SIMILARITY of *itself* (Jaccard of
// character 5-gram shingles, candidates proposed by MinHash with LSH banding). Comparing with the
// standard text, never with a neighbour, is what stops generic answers built from the same
// phrases chaining into one huge group. Groups rank by exact copies, then near-copies: a campaign
// is a text people copy, not a topic many people write about.

/** How alike a near-copy must be to the standard text: shared 5-character sequences. */
export const NEAR_COPY_SIMILARITY = 0.7

export interface CampaignInput {
  id: string
  text: string
}

export interface CampaignGroup {
  /** the standard text: the group's most copied wording, as one respondent wrote it */
  text: string
  representativeId: string
  /** similarity 1 for exact copies of the standard text, below 1 for near-copies */
  members: { id: string; similarity: number }[]
  exact: number
  near: number
}

export interface CampaignOptions {
  threshold?: number
  /** fewest answers (exact and near) a group needs */
  minSize?: number
  /** fewest exact copies a standard text needs */
  minCopies?: number
  minWords?: number
}

const HASHES = 128
const BANDS = 32 // 32 bands of 4 rows: pairs above 0.6 similarity meet in a bucket 99% of the time
const ROWS = HASHES / BANDS

function fnv1a(text: string) {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

// Fixed multipliers and offsets: the same on every run and every machine.
const MULTIPLIERS = Uint32Array.from({ length: HASHES }, (_, i) => (fnv1a(`a${i}`) | 1) >>> 0)
const OFFSETS = Uint32Array.from({ length: HASHES }, (_, i) => fnv1a(`b${i}`))

const K = 5

export function shingles(text: string): Set<number> {
  const normal = words(text).join(' ')
  if (normal.length <= K) return new Set([fnv1a(normal)])
  const set = new Set<number>()
  for (let i = 0; i + K <= normal.length; i++) set.add(fnv1a(normal.slice(i, i + K)))
  return set
}

export function minHash(set: Set<number>): Uint32Array {
  const signature = new Uint32Array(HASHES).fill(0xffffffff)
  for (const x of set) {
    for (let i = 0; i < HASHES; i++) {
      const h = (Math.imul(MULTIPLIERS[i]!, x) + OFFSETS[i]!) >>> 0
      if (h < signature[i]!) signature[i] = h
    }
  }
  return signature
}

export function jaccard(a: Set<number>, b: Set<number>) {
  let shared = 0
  for (const x of a) if (b.has(x)) shared++
  return shared / (a.size + b.size - shared || 1)
}

export function detectCampaigns(inputs: CampaignInput[], options: CampaignOptions = {}): CampaignGroup[] {
  const threshold = options.threshold ?? NEAR_COPY_SIMILARITY
  const minSize = options.minSize ?? 3
  const minCopies = options.minCopies ?? 2
  const minWords = options.minWords ?? 8
  const sorted = [...inputs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))

  // 1. identical texts
  const distinct = new Map<string, CampaignInput[]>()
  for (const input of sorted) {
    const w = words(input.text)
    if (w.length < minWords) continue
    const key = w.join(' ')
    const same = distinct.get(key)
    if (same) same.push(input)
    else distinct.set(key, [input])
  }
  const keys = [...distinct.keys()].sort()
  const copies = keys.map((key) => distinct.get(key)!)
  const sets = keys.map((key) => shingles(key))

  // 2. LSH buckets: texts sharing a bucket are candidates for being near-copies of each other
  const buckets = new Map<number, number[]>()
  const bucketsOf = sets.map((set, i) => {
    const signature = minHash(set)
    const mine: number[] = []
    for (let band = 0; band < BANDS; band++) {
      // The band's rows folded into one number; a collision only costs an extra Jaccard check.
      let key = band
      for (let r = band * ROWS; r < (band + 1) * ROWS; r++) key = Math.imul(key ^ signature[r]!, 0x01000193) >>> 0
      const bucket = buckets.get(key)
      if (bucket) bucket.push(i)
      else buckets.set(key, [i])
      mine.push(key)
    }
    return mine
  })

  // 3. standard texts, most copied first, each taking the near-copies still free
  const order = keys.map((_, i) => i).filter((i) => copies[i]!.length >= minCopies)
  order.sort((a, b) => copies[b]!.length - copies[a]!.length || a - b)
  const taken = new Uint8Array(keys.length)
  const groups: CampaignGroup[] = []
  for (const main of order) {
    if (taken[main]) continue
    const near: { i: number; similarity: number }[] = []
    const seen = new Set([main])
    for (const key of bucketsOf[main]!) {
      for (const i of buckets.get(key)!) {
        if (seen.has(i) || taken[i]) continue
        seen.add(i)
        const similarity = jaccard(sets[main]!, sets[i]!)
        if (similarity >= threshold) near.push({ i, similarity })
      }
    }
    const exact = copies[main]!.length
    const nearCount = near.reduce((sum, n) => sum + copies[n.i]!.length, 0)
    if (exact + nearCount < minSize) continue
    taken[main] = 1
    for (const n of near) taken[n.i] = 1
    const representative = copies[main]![0]!
    near.sort((a, b) => b.similarity - a.similarity || a.i - b.i)
    groups.push({
      text: representative.text,
      representativeId: representative.id,
      // A different wording is never stored as 1, which means "exact copy".
      members: [
        ...copies[main]!.map((input) => ({ id: input.id, similarity: 1 })),
        ...near.flatMap((n) => copies[n.i]!.map((input) => ({ id: input.id, similarity: Math.min(0.999, Math.round(n.similarity * 1000) / 1000) }))),
      ],
      exact,
      near: nearCount,
    })
  }
  return groups.sort(byStandardness)
}

/** Most exact copies first, then most near-copies. */
export function byStandardness<T extends { exact: number; near: number; representativeId?: string | null; id?: string }>(a: T, b: T) {
  const tie = (x: T) => x.representativeId ?? x.id ?? ''
  return b.exact - a.exact || b.near - a.near || (tie(a) < tie(b) ? -1 : tie(a) > tie(b) ? 1 : 0)
}

export interface DiffPart {
  change: 'same' | 'removed' | 'added'
  text: string
}

/** How a near-copy differs from the standard text, word by word (case and punctuation aside). */
export function wordDiff(standard: string, copy: string): DiffPart[] {
  const a = standard.split(/\s+/).filter(Boolean)
  const b = copy.split(/\s+/).filter(Boolean)
  const same = (x: string, y: string) => words(x).join(' ') === words(y).join(' ')
  // Longest common subsequence table, from the end, so the walk below reads forwards.
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1))
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = same(a[i]!, b[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!)
  }
  const parts: DiffPart[] = []
  const push = (change: DiffPart['change'], word: string) => {
    const last = parts[parts.length - 1]
    if (last?.change === change) last.text += ` ${word}`
    else parts.push({ change, text: word })
  }
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && same(a[i]!, b[j]!)) {
      push('same', b[j]!)
      i++
      j++
    } else if (i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) push('removed', a[i++]!)
    else push('added', b[j++]!)
  }
  return parts
}
