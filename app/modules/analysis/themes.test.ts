import { describe, expect, test } from 'vitest'
import { seededRandom, synthAnswer } from '../../../scripts/synth-text'
import { stem, tokenise } from './text'
import { suggestThemes } from './themes'

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

const planted = [
  ...['Ferries to the islands are unreliable', 'Island ferries are cancelled too often', 'The island ferry timetable ignores us', 'Ferries for island people must improve'].map(
    (text, i) => ({ id: id(i), text }),
  ),
  ...['Participatory budgeting gave us a say', 'More participatory budgeting please', 'Participatory budgeting works in our town', 'Participatory budgeting should grow'].map(
    (text, i) => ({ id: id(10 + i), text }),
  ),
  ...['Council tax is unfair', 'Replace council tax with something fairer', 'The council tax bands are out of date'].map((text, i) => ({ id: id(20 + i), text })),
]

describe('suggested themes', () => {
  test('stems plurals and endings so variants of a word meet', () => {
    expect(new Set(['budget', 'budgets', 'budgeting'].map(stem)).size).toBe(1)
    expect(new Set(['ferry', 'ferries'].map(stem)).size).toBe(1)
    expect(tokenise('The councils’ budgets and the island').map((t) => t.stem)).toEqual(['council', 'budget', 'island'])
  })

  test('finds the planted themes, with the phrases and example answers behind each', () => {
    const themes = suggestThemes(planted, { minShare: 0.1 })
    const byLabel = (word: string) => themes.find((t) => t.phrases.some((p) => p.phrase.includes(word)))
    expect(byLabel('ferr')!.answerIds.sort()).toEqual([id(0), id(1), id(2), id(3)])
    expect(byLabel('participatory')!.answerIds.sort()).toEqual([id(10), id(11), id(12), id(13)])
    expect(byLabel('tax')!.answerIds.sort()).toEqual([id(20), id(21), id(22)])
    for (const theme of themes) {
      expect(theme.exampleAnswerIds.length).toBeGreaterThan(0)
      expect(theme.exampleAnswerIds.every((e) => theme.answerIds.includes(e))).toBe(true)
    }
  })

  test('the same answers give the same themes, whatever order they arrive in', () => {
    const random = seededRandom(42)
    const answers = Array.from({ length: 600 }, (_, i) => ({ id: id(i), text: synthAnswer(random) }))
    const first = suggestThemes(answers)
    const again = suggestThemes([...answers].reverse())
    expect(first.length).toBeGreaterThan(3)
    expect(again).toEqual(first)
  })
})
