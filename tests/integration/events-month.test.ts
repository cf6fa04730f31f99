import { randomUUID } from 'node:crypto'
import { afterAll, describe, expect, test } from 'vitest'
import { cancelEvent } from '~/modules/events/commands.server'
import { calendarListPage, calendarMonthPage } from '~/modules/events/views.server'
import { stopJobs } from '~/platform/jobs.server'
import { withTestDatabase } from '../helpers/db'
import { givenPublishedEvent } from '../helpers/events'

withTestDatabase()
afterAll(() => stopJobs())

/** The days of a month's grid (dates) on which an event with that title appears, and how. */
async function daysShowing(month: string, tag: string, title: string) {
  const page = await calendarMonthPage(new URLSearchParams({ month, tag }), 'en')
  return page.weeks.flat().flatMap((day) => day.events.filter((event) => event.title === title).map((event) => `${day.date} ${event.time ?? 'all day'}`))
}

describe('the month grid', () => {
  test('a weekly event that began months earlier is on each of its days this month, except the one called off', async () => {
    const tag = `weekly-${randomUUID().slice(0, 6)}`
    const { event } = await givenPublishedEvent({ tags: tag, startDate: '2027-01-06', endDate: '2027-01-06', repeat: 'weekly', repeatCount: 30, exceptions: '2027-05-12' })
    // May 2027's grid runs from Monday 26 April to Sunday 6 June.
    expect(await daysShowing('2027-05', tag, event.title)).toEqual(['2027-04-28 6:00pm', '2027-05-05 6:00pm', '2027-05-19 6:00pm', '2027-05-26 6:00pm', '2027-06-02 6:00pm'])
    // After its 30th and last week (28 July) it is gone.
    expect(await daysShowing('2027-09', tag, event.title)).toEqual([])
  })

  test('an event running across the end of a month is on its days in both months', async () => {
    const tag = `across-${randomUUID().slice(0, 6)}`
    const { event } = await givenPublishedEvent({ tags: tag, allDay: true, startDate: '2027-04-29', endDate: '2027-05-02', startTime: undefined, endTime: undefined })
    const days = ['2027-04-29 all day', '2027-04-30 all day', '2027-05-01 all day', '2027-05-02 all day']
    expect(await daysShowing('2027-04', tag, event.title)).toEqual(days)
    expect(await daysShowing('2027-05', tag, event.title)).toEqual(days)
    expect(await daysShowing('2027-06', tag, event.title)).toEqual([])
  })

  test('an evening that runs past midnight into the next month shows on both days, at its start time', async () => {
    const tag = `late-${randomUUID().slice(0, 6)}`
    const { event } = await givenPublishedEvent({ tags: tag, startDate: '2027-07-31', startTime: '22:00', endDate: '2027-08-01', endTime: '01:00' })
    expect(await daysShowing('2027-08', tag, event.title)).toEqual(['2027-07-31 10:00pm', '2027-08-01 10:00pm'])
    // Both days carry the one instant it starts, with its offset, for the page's <time> element.
    const page = await calendarMonthPage(new URLSearchParams({ month: '2027-08', tag }), 'en')
    const datetimes = page.weeks.flat().flatMap((day) => day.events.filter((e) => e.title === event.title).map((e) => e.datetime))
    expect(datetimes).toEqual(['2027-07-31T22:00+01:00', '2027-07-31T22:00+01:00'])
  })

  test('the grid and the list, laid out once for everyone, show an event called off at once', async () => {
    const tag = `shared-${randomUUID().slice(0, 6)}`
    const { event, moderator } = await givenPublishedEvent({ tags: tag, startDate: '2027-03-10', endDate: '2027-03-10' })
    const cancelledOn = async () => (await calendarMonthPage(new URLSearchParams({ month: '2027-03', tag }), 'en')).weeks.flat().flatMap((day) => day.events.filter((e) => e.slug === event.slug).map((e) => e.cancelled))
    const listed = async () => (await calendarListPage(new URLSearchParams({ tag, from: '2027-03-01' }), 'en')).events.map((card) => card.cancelled)
    expect(await cancelledOn()).toEqual([false])
    expect(await listed()).toEqual([false])
    // In Gaelic the same grid has its own times: 18:00, not 6:00pm.
    const gaelic = await calendarMonthPage(new URLSearchParams({ month: '2027-03', tag }), 'gd')
    expect(gaelic.weeks.flat().flatMap((day) => day.events.map((e) => e.time))).toEqual(['18:00'])
    await cancelEvent(moderator, event.id, 'Venue flooded')
    expect(await cancelledOn()).toEqual([true])
    expect(await listed()).toEqual([true])
  })
})
