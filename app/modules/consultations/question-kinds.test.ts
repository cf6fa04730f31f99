import { expect, test } from 'vitest'
import { choiceWords, QUESTION_KINDS, questionKinds, rankingPositions, validateAnswer } from './question-kinds'
import type { QuestionView } from './questions'

const ranking = (overrides: Partial<QuestionView> = {}): QuestionView => ({
  id: 'q1',
  position: 1,
  kind: 'ranking',
  prompt: { en: 'Which should the council fund first?' },
  help: null,
  section: null,
  options: [
    { value: 'parks', label: { en: 'Parks', gd: 'Pàircean' } },
    { value: 'libraries', label: { en: 'Libraries', gd: 'Leabharlannan' } },
    { value: 'roads', label: { en: 'Roads', gd: 'Rathaidean' } },
  ],
  required: true,
  followUpOf: null,
  charLimit: null,
  ...overrides,
})

test('a complete ranking is stored as the options, most preferred first', () => {
  expect(validateAnswer(ranking(), { choices: ['parks:2', 'libraries:3', 'roads:1'] })).toEqual({ ok: true, answer: { text: null, choices: ['roads', 'parks', 'libraries'] } })
})

test('a position used twice is refused, whatever else is right', () => {
  expect(validateAnswer(ranking(), { choices: ['parks:1', 'libraries:1', 'roads:2'] })).toEqual({ ok: false, error: 'respond:errors.rankingRepeated' })
  expect(validateAnswer(ranking({ required: false }), { choices: ['parks:1', 'libraries:1', 'roads:'] })).toEqual({ ok: false, error: 'respond:errors.rankingRepeated' })
})

test('a required ranking needs every option; an optional one takes some, in order, or none', () => {
  expect(validateAnswer(ranking(), { choices: ['parks:1', 'libraries:2', 'roads:'] })).toEqual({ ok: false, error: 'respond:errors.rankingIncomplete' })
  expect(validateAnswer(ranking(), { choices: ['parks:', 'libraries:', 'roads:'] })).toEqual({ ok: false, error: 'respond:errors.rankingIncomplete' })
  const optional = ranking({ required: false })
  expect(validateAnswer(optional, { choices: ['parks:', 'libraries:1', 'roads:2'] })).toEqual({ ok: true, answer: { text: null, choices: ['libraries', 'roads'] } })
  expect(validateAnswer(optional, { choices: ['parks:', 'libraries:', 'roads:'] })).toEqual({ ok: true, answer: { text: null, choices: [] } })
  expect(validateAnswer(optional, { choices: ['parks:1', 'libraries:3', 'roads:'] })).toEqual({ ok: false, error: 'respond:errors.rankingGap' })
})

test('forged rankings are refused: options not offered, positions out of range, an option twice', () => {
  for (const choices of [['casino:1'], ['parks:4', 'libraries:1', 'roads:2'], ['parks:0'], ['parks:one'], ['parks:1', 'parks:2', 'roads:3']]) {
    expect(validateAnswer(ranking({ required: false }), { choices })).toEqual({ ok: false, error: 'respond:errors.choiceInvalid' })
  }
})

test('what was posted, or what is stored, gives each option its position back', () => {
  // A refused ranking shows the person what they chose, not an empty form.
  expect(rankingPositions(['parks:1', 'libraries:1', 'roads:'])).toEqual(new Map([['parks', 1], ['libraries', 1]]))
  expect(rankingPositions(['roads', 'parks'])).toEqual(new Map([['roads', 1], ['parks', 2]]))
})

test('a ranking reads as numbered choices on check answers and as A > B > C in the export', () => {
  const question = ranking()
  expect(choiceWords(question, ['roads', 'parks', 'libraries'], (label) => label.gd ?? label.en, 'summary')).toBe('1. Rathaidean; 2. Pàircean; 3. Leabharlannan')
  expect(choiceWords(question, ['roads', 'parks', 'libraries'], (label) => label.en, 'exportCell')).toBe('Roads > Parks > Libraries')
  expect(choiceWords({ ...question, kind: 'multiple' }, ['roads', 'parks'], (label) => label.en, 'exportCell')).toBe('Roads; Parks')
})

test('every kind of the registry is answered in words or from options, never both', () => {
  for (const kind of QUESTION_KINDS) expect(questionKinds[kind].closed).toBe(questionKinds[kind].textLimit === undefined)
})
