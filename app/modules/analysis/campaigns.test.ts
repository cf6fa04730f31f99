import { describe, expect, test } from 'vitest'
import { campaignAnswer, campaignTexts, seededRandom, synthAnswer } from '../../../scripts/synth-text'
import { detectCampaigns, jaccard, shingles } from './campaigns'

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

describe('campaign detection', () => {
  test('groups planted identical and near-identical texts, and leaves ordinary answers alone', () => {
    const standard = 'I support the Local Democracy Bill and call on ministers to give every community council a guaranteed budget and real powers.'
    const planted = [
      standard,
      standard,
      standard.toUpperCase(),
      `${standard} Thank you.`,
      standard.replace('guaranteed', 'secure'),
      standard.replace('every', 'each').replace('real', 'proper'),
    ]
    const other = 'Island communities need to decide about ferries themselves, because decisions made on the mainland ignore the timetable.'
    const inputs = [
      ...planted.map((text, i) => ({ id: id(i + 1), text })),
      { id: id(20), text: other },
      { id: id(21), text: 'Participatory budgeting should cover mainstream council budgets and not only small grants for groups.' },
      { id: id(22), text: 'Yes' },
      { id: id(23), text: 'Yes' },
      { id: id(24), text: 'Yes' },
    ]
    const groups = detectCampaigns(inputs)
    expect(groups).toHaveLength(1)
    expect(groups[0]!.members.map((m) => m.id).sort()).toEqual(planted.map((_, i) => id(i + 1)))
    expect(groups[0]!.text).toBe(standard)
    const identical = groups[0]!.members.filter((m) => m.similarity === 1)
    expect(identical.map((m) => m.id).sort()).toEqual([id(1), id(2), id(3)])
  })

  test('two different campaigns make two groups, counted by size', () => {
    const random = seededRandom(7)
    const inputs = [
      ...Array.from({ length: 30 }, (_, i) => ({ id: id(i), text: campaignAnswer(random, 0) })),
      ...Array.from({ length: 12 }, (_, i) => ({ id: id(100 + i), text: campaignAnswer(random, 1) })),
      ...Array.from({ length: 200 }, (_, i) => ({ id: id(1000 + i), text: synthAnswer(random) })),
    ]
    const groups = detectCampaigns(inputs)
    expect(groups.slice(0, 2).map((g) => [g.text, g.members.length])).toEqual([
      [campaignTexts[0], 30],
      [campaignTexts[1], 12],
    ])
  })

  test('shingle similarity of a one-word edit stays high, of unrelated texts low', () => {
    const a = shingles('every community council should have a guaranteed budget for local work')
    const b = shingles('every community council should have a secure budget for local work')
    const c = shingles('ferries to the islands are unreliable in winter and need more money')
    expect(jaccard(a, b)).toBeGreaterThan(0.6)
    expect(jaccard(a, c)).toBeLessThan(0.2)
  })
})
