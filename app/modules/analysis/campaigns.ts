import { words } from './text'

// Campaign detection: answers that repeat a standard text, word for word or lightly edited.
// Identical texts are grouped first (exact match after normalising case and punctuation); the
// distinct texts are then compared by shingling (character 5-grams, which survive a changed word
// better than word n-grams do) + MinHash, with LSH banding
// proposing candidate pairs and the exact Jaccard similarity of their shingles deciding.

export interface CampaignInput {
  id: string
  text: string
}

export interface CampaignGroup {
  /** the most common wording in the group, as one respondent wrote it */
  text: string
  representativeId: string
  members: { id: string; similarity: number }[]
}

export interface CampaignOptions {
  threshold?: number
  minSize?: number
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
  const threshold = options.threshold ?? 0.6
  const minSize = options.minSize ?? 3
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
  const sets = keys.map((key) => shingles(key))

  // 2. near-identical: candidates from LSH buckets, each checked against the bucket's first text
  const parent = keys.map((_, i) => i)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)))
  const buckets = new Map<number, number>()
  sets.forEach((set, i) => {
    const signature = minHash(set)
    for (let band = 0; band < BANDS; band++) {
      // The band's rows folded into one number; a collision only costs an extra Jaccard check.
      let key = band
      for (let r = band * ROWS; r < (band + 1) * ROWS; r++) key = Math.imul(key ^ signature[r]!, 0x01000193) >>> 0
      const first = buckets.get(key)
      if (first === undefined) buckets.set(key, i)
      else if (find(first) !== find(i) && jaccard(sets[first]!, set) >= threshold) parent[Math.max(find(first), find(i))] = Math.min(find(first), find(i))
    }
  })

  // 3. groups, each described by its most repeated wording
  const clusters = new Map<number, number[]>()
  keys.forEach((_, i) => {
    const members = clusters.get(find(i))
    if (members) members.push(i)
    else clusters.set(find(i), [i])
  })
  const groups: CampaignGroup[] = []
  for (const members of clusters.values()) {
    const size = members.reduce((sum, i) => sum + distinct.get(keys[i]!)!.length, 0)
    if (size < minSize) continue
    const main = [...members].sort((a, b) => distinct.get(keys[b]!)!.length - distinct.get(keys[a]!)!.length || a - b)[0]!
    const representative = distinct.get(keys[main]!)![0]!
    groups.push({
      text: representative.text,
      representativeId: representative.id,
      members: members.flatMap((i) => distinct.get(keys[i]!)!.map((input) => ({ id: input.id, similarity: Math.round(jaccard(sets[main]!, sets[i]!) * 1000) / 1000 }))),
    })
  }
  return groups.sort((a, b) => b.members.length - a.members.length || (a.representativeId < b.representativeId ? -1 : 1))
}
