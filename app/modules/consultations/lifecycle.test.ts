import { describe, expect, test } from 'vitest'
import { statusOf } from './lifecycle'
import { formatLondon, londonInstant, londonParts } from '~/kernel/london-time'

const base = {
  publishedAt: new Date('2027-01-01T00:00:00Z'),
  retractedAt: null,
  analysisPublishedAt: null,
  opensAt: new Date('2027-03-01T09:00:00Z'),
  // 31 March 2027 23:59 in BST (the clocks went forward on 28 March) is 22:59 UTC.
  closesAt: londonInstant('2027-03-31', '23:59')!,
}

describe('the status follows the dates', () => {
  test.each([
    ['2027-02-28T12:00:00Z', 'forthcoming'],
    ['2027-03-01T09:00:00Z', 'open'],
    ['2027-03-31T22:58:59Z', 'open'],
    ['2027-03-31T22:59:00Z', 'closed'],
  ])('at %s it is %s', (now, status) => {
    expect(statusOf(base, new Date(now))).toBe(status)
  })

  test('unpublished is a draft, retracted beats everything, analysis published follows closing', () => {
    expect(statusOf({ ...base, publishedAt: null })).toBe('draft')
    expect(statusOf({ ...base, retractedAt: new Date() })).toBe('retracted')
    expect(statusOf({ ...base, analysisPublishedAt: new Date() }, new Date('2027-06-01'))).toBe('analysis_published')
  })
})

describe('Scottish time', () => {
  test('a closing time after the spring clock change is in BST', () => {
    expect(londonInstant('2027-03-31', '23:59')!.toISOString()).toBe('2027-03-31T22:59:00.000Z')
  })

  test('a closing time before it is in GMT', () => {
    expect(londonInstant('2027-03-27', '23:59')!.toISOString()).toBe('2027-03-27T23:59:00.000Z')
  })

  test('the missing hour on the day the clocks go forward is refused', () => {
    expect(londonInstant('2027-03-28', '01:30')).toBeNull()
  })

  test('impossible dates are refused', () => {
    expect(londonInstant('2027-02-31', '12:00')).toBeNull()
    expect(londonInstant('2027-13-01', '12:00')).toBeNull()
    expect(londonInstant('yesterday', '12:00')).toBeNull()
  })

  test('dates go back into forms as people wrote them', () => {
    expect(londonParts(londonInstant('2027-10-31', '09:30')!)).toEqual({ date: '2027-10-31', time: '09:30' })
  })

  test('dates read naturally in both languages', () => {
    expect(formatLondon(base.closesAt, 'en')).toBe('31 March 2027 at 11:59pm')
    expect(formatLondon(base.closesAt, 'gd', { time: false })).toMatch(/^31 .+ 2027$/)
  })
})
