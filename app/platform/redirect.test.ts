import { expect, test } from 'vitest'
import { safeRedirectPath } from './redirect'

test('same-site paths are kept, with their query', () => {
  expect(safeRedirectPath('/consultations?status=open')).toBe('/consultations?status=open')
})

test.each(['https://evil.example', '//evil.example', '/\\evil.example', '/\tevil', 'javascript:alert(1)', '', null, 42])(
  'anything that could leave the site goes home instead: %s',
  (value) => {
    expect(safeRedirectPath(value)).toBe('/')
  },
)
