import { describe, expect, test } from 'vitest'
import { dateText, readDate, ukDate } from './dates'

describe('dates as people write them', () => {
  test('day first, with or without leading zeros, and year-month-day', () => {
    expect(readDate('31/3/2027')).toBe('2027-03-31')
    expect(readDate(' 01.04.2027 ')).toBe('2027-04-01')
    expect(readDate('2027-3-31')).toBe('2027-03-31')
    expect(ukDate('2027-03-31')).toBe('31/03/2027')
  })

  test('dates that do not exist, or are not dates, are refused with the message given', () => {
    expect(readDate('29/2/2027')).toBeNull()
    expect(readDate('29/2/2028')).toBe('2028-02-29')
    expect(readDate('3/31/2027')).toBeNull()
    expect(readDate('next Tuesday')).toBeNull()
    expect(dateText('bad').safeParse('31/2/2027').error?.issues[0]?.message).toBe('bad')
    expect(dateText('bad').parse('28/2/2027')).toBe('2027-02-28')
  })
})
