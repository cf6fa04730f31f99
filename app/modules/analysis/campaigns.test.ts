import { describe, expect, test } from 'vitest'
import { campaignAnswer, campaignTexts, seededRandom, synthAnswer } from '../../../scripts/synth-text'
import { detectCampaigns, jaccard, NEAR_COPY_SIMILARITY, shingles, wordDiff } from './campaigns'

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

  test('planted campaigns rank first among many small clusters of similar generic answers, with their exact and near copies counted', () => {
    const bill = 'I support the Local Democracy Bill and call on the Scottish Government to give every community council a guaranteed budget and a duty on councils to share power.'
    const islands = 'Keep decisions local: no new powers should be taken away from island communities, and every island must have a say on ferries and schools.'
    const billEdits = [`${bill} Thank you.`, `${bill} Please act now.`, bill.replace('guaranteed', 'secure'), bill.replace('share', 'hand over'), bill.replace('every', 'each')]
    const islandEdits = [`${islands} I live in Orkney.`, islands.replace('ferries', 'ferry services'), islands.replace('schools', 'health care')]
    // Generic answers built from the same phrases: each wording sent two or three times, and
    // every one a phrase away from many others, as free answers about one topic are.
    const openers = ['I think', 'In my view', 'We believe', 'As a resident,', 'Our members feel that', 'It is clear that']
    const claims = [
      'community councils should have real powers over local decisions',
      'community councils need proper funding and training for volunteers',
      'participatory budgeting lets residents decide how money is spent',
      'participatory budgeting must cover mainstream budgets, not just small grants',
    ]
    const reasons = ['because people trust the folk who live beside them', 'since decisions taken in the city chambers rarely fit our streets', 'as too few people know what exists']
    const generic = openers.flatMap((o, i) => claims.flatMap((c, j) => reasons.map((r, k) => ({ text: `${o} ${c}, ${r}.`, copies: 2 + ((i + j + k) % 2) }))))
    let n = 0
    const answer = (text: string) => ({ id: id(n++), text })
    const inputs = [
      ...Array.from({ length: 23 }, () => answer(bill)),
      answer(bill.toUpperCase()),
      answer(bill.replace(/\./g, '')),
      ...billEdits.map(answer),
      ...billEdits.slice(0, 3).map(answer),
      ...Array.from({ length: 17 }, () => answer(islands)),
      answer(islands.toLowerCase()),
      ...islandEdits.map(answer),
      ...islandEdits.slice(0, 2).map(answer),
      ...generic.flatMap((g) => Array.from({ length: g.copies }, () => answer(g.text))),
    ]
    expect(generic.reduce((sum, g) => sum + g.copies, 0)).toBeGreaterThan(150)
    const groups = detectCampaigns(inputs)
    expect(groups.slice(0, 2).map((g) => ({ text: g.text, exact: g.exact, near: g.near, size: g.members.length }))).toEqual([
      { text: bill, exact: 25, near: 8, size: 33 },
      { text: islands, exact: 18, near: 5, size: 23 },
    ])
    expect(groups[0]!.members.filter((m) => m.similarity === 1)).toHaveLength(25)
    expect(groups[0]!.members.every((m) => m.similarity >= NEAR_COPY_SIMILARITY)).toBe(true)
    // No generic group is a chain: each holds its own wording's copies and close neighbours only.
    for (const group of groups.slice(2)) expect(group.exact).toBeLessThanOrEqual(3)
  })

  test('a near-copy shows which words were removed and which added', () => {
    expect(wordDiff('give every council a real budget.', 'give each council a real budget. Thank you.')).toEqual([
      { change: 'same', text: 'give' },
      { change: 'removed', text: 'every' },
      { change: 'added', text: 'each' },
      { change: 'same', text: 'council a real budget.' },
      { change: 'added', text: 'Thank you.' },
    ])
    expect(wordDiff('Keep decisions LOCAL.', 'keep decisions local')).toEqual([{ change: 'same', text: 'keep decisions local' }])
  })

  test('shingle similarity of a one-word edit stays high, of unrelated texts low', () => {
    const a = shingles('every community council should have a guaranteed budget for local work')
    const b = shingles('every community council should have a secure budget for local work')
    const c = shingles('ferries to the islands are unreliable in winter and need more money')
    expect(jaccard(a, b)).toBeGreaterThan(0.6)
    expect(jaccard(a, c)).toBeLessThan(0.2)
  })
})
