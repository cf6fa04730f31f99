import ICAL from 'ical.js'
import { DateTime } from 'luxon'
import type { ParsedMail } from 'mailparser'
import { expect, inject, test } from 'vitest'
import { expectAccessible, signInWithCode, withBrowser } from '../helpers/browser'
import { itipProblems } from '../helpers/itip'
import { waitForCapturedMail } from '../helpers/smtp'

const browser = withBrowser()

/** The one VEVENT of a calendar file, read by ical.js: its RECURRENCE-ID, start and whether it repeats. */
function readSingleDate(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone))
  const events = calendar.getAllSubcomponents('vevent')
  expect(events).toHaveLength(1)
  const event = events[0]!
  return {
    recurrenceId: (event.getFirstPropertyValue('recurrence-id') as ICAL.Time | null)?.toJSDate().toISOString() ?? null,
    start: (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
    repeats: event.hasProperty('rrule'),
  }
}

const calendarPart = (mail: ParsedMail) => mail.attachments.find((a) => a.contentType.startsWith('text/calendar'))!.content.toString('utf8')

// A weekly event of three dates, one place each: booking the second date leaves the first and the
// third open, and its confirmation, .ics and booking page are about the second date alone.
test('a citizen books the second date of a weekly event, with and without JavaScript; each date keeps its own places, its dated address works and the organiser sees who comes when', async () => {
  const mailDir = inject('mailDir')
  const title = `Ferries hybrid workshop ${Date.now().toString(36)}`
  const first = DateTime.now().setZone('Europe/London').plus({ days: 8 }).set({ hour: 14, minute: 0, second: 0, millisecond: 0 })
  const second = first.plus({ weeks: 1 })
  const secondDay = second.toFormat('yyyy-MM-dd')

  // An administrator moderates too (the moderator account is busy in other test files).
  const moderator = await browser.newPage({ javaScriptEnabled: false })
  await signInWithCode(moderator.page, 'admin@guth.example')
  await moderator.page.goto('/manage/events/new')
  await moderator.page.getByLabel('Title', { exact: true }).fill(title)
  await moderator.page.getByLabel('Short summary', { exact: true }).fill('How ferry timetables shape taking part, in Oban and online.')
  await moderator.page.getByLabel('Organisation running the event').selectOption({ index: 1 })
  await moderator.page.locator('#event-startDate').fill(first.toFormat('dd/MM/yyyy'))
  await moderator.page.locator('#event-startTime').fill('14:00')
  await moderator.page.locator('#event-endDate').fill(first.toFormat('dd/MM/yyyy'))
  await moderator.page.locator('#event-endTime').fill('16:00')
  await moderator.page.locator('label', { hasText: 'Every week' }).click()
  await moderator.page.getByLabel('How many times in all').fill('3')
  await moderator.page.getByLabel('Venue').fill('Corran Halls, Oban')
  await moderator.page.getByLabel('Number of places').fill('2')
  await moderator.page.getByRole('button', { name: 'Send for approval' }).click()
  await moderator.page.waitForURL(/\/manage\/events\/[0-9a-f-]{36}\?done=published/)
  const manageUrl = moderator.page.url().split('?')[0]!
  const publicPath = (await moderator.page.getByRole('link', { name: 'See the public page' }).getAttribute('href'))!

  for (const [index, javaScriptEnabled] of [true, false].entries()) {
    const email = `ferries-${index}@example.org`
    const citizen = await browser.newPage({ javaScriptEnabled })
    // The address of one date leads to the series' page with that date chosen.
    const dated = `${publicPath.replace(/-\d{4}-\d{2}-\d{2}$/, '')}-${secondDay}`
    const response = await citizen.page.request.get(dated, { maxRedirects: 0 })
    expect(response.status()).toBe(301)
    await citizen.page.goto(dated)
    expect(citizen.page.url()).toContain(`${publicPath}?date=${secondDay}`)
    await expect.poll(() => citizen.page.locator(`#date-${secondDay}`).innerText()).toContain(index === 0 ? 'Places left: 2' : 'Places left: 1')
    await expectAccessible(citizen.page)
    const dates = citizen.page.getByRole('group', { name: 'Which dates would you like to come to?' })
    expect(await dates.getByRole('checkbox').count()).toBe(3)
    expect(await dates.getByRole('checkbox').nth(1).isChecked()).toBe(true)
    expect(await dates.getByRole('checkbox', { checked: true }).count()).toBe(1)

    // Not choosing a date is a clear message, and nothing typed is lost.
    // The design system's label covers its checkbox: people (and tests) click the label.
    await dates.locator('label').nth(1).click()
    await citizen.page.getByLabel('Your name').fill(`Morag ${index}`)
    await citizen.page.getByLabel('Email address').fill(email)
    await citizen.page.getByRole('button', { name: 'Book a place' }).click()
    await expect.poll(() => citizen.page.locator('.ds_error-summary').innerText()).toContain('Select at least one date')
    expect(await citizen.page.getByLabel('Email address').inputValue()).toBe(email)
    await expectAccessible(citizen.page)

    await dates.locator('label').nth(1).click()
    expect(await dates.getByRole('checkbox', { checked: true }).count()).toBe(1)
    await citizen.page.getByRole('button', { name: 'Book a place' }).click()
    await citizen.page.waitForURL(/\/bookings\/[0-9a-f-]{36}\?key=.+done=booked/)
    // Polled: with JavaScript the address changes a moment before the booking page replaces the form.
    await expect.poll(() => citizen.page.locator('main').innerText()).toContain('Your place is booked')
    expect(await citizen.page.locator('main').innerText()).toContain(second.setLocale('en-GB').toFormat('d MMMM yyyy'))
    await expectAccessible(citizen.page)

    // The booking's .ics and the confirmation's calendar part name that one date of the series.
    const icsHref = (await citizen.page.getByRole('link', { name: 'Add this date to your calendar (.ics)' }).getAttribute('href'))!
    const ics = await (await citizen.page.request.get(icsHref)).text()
    expect(itipProblems(ics, 'PUBLISH')).toEqual([])
    expect(readSingleDate(ics)).toEqual({ recurrenceId: second.toJSDate().toISOString(), start: second.toJSDate().toISOString(), repeats: false })
    const confirmation = await waitForCapturedMail(mailDir, email, (m) => Boolean(m.subject?.startsWith('Your place is booked')))
    expect(confirmation.text).toContain(second.setLocale('en-GB').toFormat('d MMMM yyyy'))
    expect(readSingleDate(calendarPart(confirmation))).toMatchObject({ recurrenceId: second.toJSDate().toISOString(), repeats: false })
    expect(citizen.problems).toEqual([])
    await citizen.close()
  }

  // Two bookings filled the second date; the first and third keep their places.
  const visitor = await browser.newPage({ javaScriptEnabled: false })
  await visitor.page.goto(publicPath)
  expect(await visitor.page.locator(`#date-${secondDay}`).innerText()).toContain('Full')
  expect(await visitor.page.locator(`#date-${first.toFormat('yyyy-MM-dd')}`).innerText()).toContain('Places left: 2')
  await visitor.close()

  // The organiser's list can show one date, and its CSV says which date each person booked.
  await moderator.page.goto(`${manageUrl}/attendees`)
  await moderator.page.getByLabel('Date').selectOption(secondDay)
  await moderator.page.getByRole('button', { name: 'Show' }).click()
  await moderator.page.waitForURL(new RegExp(`date=${secondDay}`))
  const rows = await moderator.page.locator('tbody tr').allInnerTexts()
  expect(rows).toHaveLength(2)
  await expectAccessible(moderator.page)
  const csv = await (await moderator.page.request.get(`${manageUrl}/attendees.csv?date=${secondDay}`)).text()
  expect(csv.split('\n')[0]).toContain('Date')
  expect(csv).toContain(`ferries-1@example.org,${secondDay}`)
  await moderator.page.goto(`${manageUrl}/attendees?date=${first.toFormat('yyyy-MM-dd')}`)
  expect(await moderator.page.locator('tbody tr').count()).toBe(0)
  expect(moderator.problems).toEqual([])
  await moderator.close()
}, 300_000)
