// London wall-clock time without a time-zone lookup per instant: /events and a page of comments
// show hundreds of times, and each luxon DateTime or Intl format in Europe/London looks the zone
// up again. Since 1996 the UK changes its clocks at 01:00 UTC on the last Sunday of March (to BST,
// UTC+1) and of October (back to GMT); earlier instants, which nothing here has, ask Intl.
// Isomorphic: the browser computes the same times whatever its own zone.

const RULES_FROM = 1996

export interface LondonClock {
  year: number
  /** 1–12 */
  month: number
  day: number
  hour: number
  minute: number
  second: number
  millisecond: number
  /** Minutes ahead of UTC: 60 in summer, 0 in winter. */
  offset: number
}

const lastSunday = (year: number, month: number) => {
  const last = new Date(Date.UTC(year, month + 1, 0))
  return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1)
}

// The year's two change instants, computed once per year.
const summers = new Map<number, readonly [number, number]>()
function summerOf(year: number) {
  let summer = summers.get(year)
  if (!summer) summers.set(year, (summer = [lastSunday(year, 2), lastSunday(year, 9)]))
  return summer
}

let zoned: Intl.DateTimeFormat | undefined
const zonedFormat = () => (zoned ??= new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
}))

/** London's offset from UTC at the instant, in minutes. */
export function londonOffset(time: number): number {
  const year = new Date(time).getUTCFullYear()
  if (year >= RULES_FROM) {
    const [start, end] = summerOf(year)
    return time >= start && time < end ? 60 : 0
  }
  const part = Object.fromEntries(zonedFormat().formatToParts(time).map((p) => [p.type, Number(p.value)]))
  const wall = Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!)
  return Math.round((wall - (time - (time % 1000 + 1000) % 1000)) / 60_000)
}

/** The instant's date and time on London clocks. */
export function londonClock(instant: Date): LondonClock {
  const time = instant.getTime()
  const offset = londonOffset(time)
  const wall = new Date(time + offset * 60_000)
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    millisecond: wall.getUTCMilliseconds(),
    offset,
  }
}

export const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** 2027-06-15: a London calendar date as ISO writes it. */
export const isoDate = (clock: Pick<LondonClock, 'year' | 'month' | 'day'>) => `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}`

/** The calendar date `days` after (or before) a London date, as a clock at its midnight. */
export function shiftDate(clock: Pick<LondonClock, 'year' | 'month' | 'day'>, days: number) {
  const date = new Date(Date.UTC(clock.year, clock.month - 1, clock.day + days))
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }
}
