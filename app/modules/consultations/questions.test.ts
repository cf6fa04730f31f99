import { expect, test } from 'vitest'
import { type QuestionView, validateAnswer } from './questions'

const question = (overrides: Partial<QuestionView>): QuestionView => ({
  id: 'q1',
  position: 1,
  kind: 'long_text',
  prompt: { en: 'Why?' },
  help: null,
  section: null,
  options: [
    { value: 'bus', label: { en: 'Bus' } },
    { value: 'rail', label: { en: 'Rail' } },
  ],
  required: false,
  followUpOf: null,
  charLimit: null,
  ...overrides,
})

test('text is trimmed, control characters are removed, line breaks kept', () => {
  const result = validateAnswer(question({}), { text: '  First line\r\nSecond\u0007 line\u0000  ' })
  expect(result).toEqual({ ok: true, answer: { text: 'First line\nSecond line', choices: [] } })
})

test('an answer over the character limit is refused with the limit', () => {
  expect(validateAnswer(question({ charLimit: 10 }), { text: 'x'.repeat(11) })).toEqual({ ok: false, error: 'respond:errors.answerTooLong', limit: 10 })
})

test('a required question needs an answer; an optional one does not', () => {
  expect(validateAnswer(question({ required: true }), { text: '   ' }).ok).toBe(false)
  expect(validateAnswer(question({}), { text: '' })).toEqual({ ok: true, answer: { text: null, choices: [] } })
})

test('forged choices are refused', () => {
  expect(validateAnswer(question({ kind: 'single' }), { choices: ['plane'] })).toMatchObject({ ok: false, error: 'respond:errors.choiceInvalid' })
  expect(validateAnswer(question({ kind: 'single' }), { choices: ['bus', 'rail'] })).toMatchObject({ ok: false })
  expect(validateAnswer(question({ kind: 'yes_no' }), { choices: ['maybe'] })).toMatchObject({ ok: false })
})

test('several choices are kept for multiple choice, once each', () => {
  expect(validateAnswer(question({ kind: 'multiple' }), { choices: ['bus', 'rail', 'bus'] })).toEqual({ ok: true, answer: { text: null, choices: ['bus', 'rail'] } })
})

test('the agree–disagree scale offers its fixed five points', () => {
  expect(validateAnswer(question({ kind: 'scale', required: true }), { choices: ['strongly_agree'] }).ok).toBe(true)
  expect(validateAnswer(question({ kind: 'scale', required: true }), { choices: [] })).toMatchObject({ error: 'respond:errors.choiceMissing' })
})
