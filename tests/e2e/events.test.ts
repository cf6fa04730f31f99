import ICAL from 'ical.js'
import { DateTime } from 'luxon'
import type { ParsedMail } from 'mailparser'
import nodeIcal from 'node-ical'
import type { Page } from 'playwright-core'
import { describe, expect, inject, test } from 'vitest'
import { expectAccessible, signInWithCode, withBrowser } from '../helpers/browser'
import { type ItipMethod, itipProblems } from '../helpers/itip'
import { poll, readCapturedMail, waitForCapturedMail } from '../helpers/smtp'

const browser = withBrowser()

/** The calendar part of an email: its METHOD (from the MIME type) and its text. */
function invitation(mail: ParsedMail) {
  const part = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'))
  expect(part, `a calendar part in "${mail.subject}"`).toBeDefined()
  const type = part!.headers.get('content-type') as { params?: { method?: string } } | undefined
  const method = type?.params?.method?.toUpperCase()
  const text = part!.content.toString('utf8')
  // RFC 5546's tables for the method, and CRLF after every line, as the mail client receives it.
  expect(itipProblems(text, method as ItipMethod), `the calendar part of "${mail.subject}"`).toEqual([])
  return { method, text }
}

/** Both parsers read the invitation's start as the instant the organiser meant. */
function expectStartsAt(text: string, startsAt: Date) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone))
  const viaIcalJs = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!)
  expect(viaIcalJs.startDate.toJSDate().toISOString()).toBe(startsAt.toISOString())
  const viaNodeIcal = Object.values(nodeIcal.sync.parseICS(text)).find((item) => item?.type === 'VEVENT') as { start: Date } | undefined
  expect(viaNodeIcal?.start.toISOString()).toBe(startsAt.toISOString())
}

async function signedIn(email: string, javaScriptEnabled = true) {
  const visitor = await browser.newPage({ javaScriptEnabled })
  await signInWithCode(visitor.page, email)
  return visitor
}

async function fillEventForm(page: Page, title: string, starts: DateTime) {
  const ends = starts.plus({ hours: 2 })
  await page.getByLabel('Title', { exact: true }).fill(title)
  await page.getByLabel('Short summary', { exact: true }).fill('A workshop on the Open Government action plan, for anyone in Perth and Kinross.')
  await page.locator('#event-startDate').fill(starts.toFormat('dd/MM/yyyy'))
  await page.locator('#event-startTime').fill(starts.toFormat('HH:mm'))
  await page.locator('#event-endDate').fill(ends.toFormat('dd/MM/yyyy'))
  await page.locator('#event-endTime').fill(ends.toFormat('HH:mm'))
  await page.getByLabel('Venue').fill('AK Bell Library')
  await page.getByLabel('Address').fill('York Place, Perth PH2 8EP')
  // The form comes back filled in after an error: tick BSL only if it is not ticked already.
  if (!(await page.getByLabel('British Sign Language (BSL) interpretation').isChecked())) {
    await page.locator('label', { hasText: 'British Sign Language (BSL) interpretation' }).click()
  }
  await page.getByLabel('Number of places').fill('2')
}

describe('an event from submission to cancellation', () => {
  test('organiser submits, moderator approves, a citizen books without JavaScript, gets the confirmation and reminder; the cancellation arrives', async () => {
    const mailDir = inject('mailDir')
    const title = `Perth open government workshop ${Date.now().toString(36)}`
    // Starts a day and a couple of minutes from now, so its 24-hour reminder is due during the test.
    const starts = DateTime.now().setZone('Europe/London').plus({ hours: 24, minutes: 2, seconds: 30 }).startOf('minute')

    const organiser = await signedIn('organiser@guth.example')
    await organiser.page.goto('/manage/events')
    await expectAccessible(organiser.page)
    await organiser.page.getByRole('link', { name: 'Schedule an event' }).click()
    await expectAccessible(organiser.page)
    // A time that does not exist is refused with a message, not a 500.
    await fillEventForm(organiser.page, title, starts)
    await organiser.page.locator('#event-endTime').fill('25:00')
    await organiser.page.getByRole('button', { name: 'Send for approval' }).click()
    await expect.poll(() => organiser.page.locator('.ds_error-summary').innerText()).toContain('24-hour clock')
    await expectAccessible(organiser.page)
    await fillEventForm(organiser.page, title, starts)
    await organiser.page.getByRole('button', { name: 'Send for approval' }).click()
    await organiser.page.waitForURL(/\/manage\/events\/[0-9a-f-]{36}\?done=submitted/)
    const manageUrl = organiser.page.url().split('?')[0]!
    await expectAccessible(organiser.page)

    const moderator = await signedIn('moderator@guth.example')
    await moderator.page.goto('/manage/events')
    await moderator.page.getByRole('link', { name: title }).first().click()
    await expectAccessible(moderator.page)
    await moderator.page.getByRole('button', { name: 'Approve and publish' }).click()
    await moderator.page.waitForURL(/done=approved/)
    await waitForCapturedMail(mailDir, 'organiser@guth.example', (m) => Boolean(m.subject?.includes(`Your event is published: ${title}`)))

    const citizen = await browser.newPage({ javaScriptEnabled: false })
    await citizen.page.goto('/events?access=bsl')
    await expect.poll(() => citizen.page.locator('main').innerText()).toContain(title)
    await expectAccessible(citizen.page)
    await citizen.page.getByRole('link', { name: title }).click()
    await expectAccessible(citizen.page)
    await citizen.page.getByLabel('Your name').fill('Ailsa MacDonald')
    await citizen.page.getByLabel('Email address').fill('ailsa.events@example.org')
    await citizen.page.getByLabel('Access needs (optional)').fill('A seat near the interpreter, please')
    await citizen.page.getByRole('button', { name: 'Book a place' }).click()
    await citizen.page.waitForURL(/\/bookings\/[0-9a-f-]{36}\?key=.+done=booked/)
    await expect.poll(() => citizen.page.locator('main').innerText()).toContain('Your place is booked')
    await expectAccessible(citizen.page)
    // Booking again with the same address is refused with a message.
    await citizen.page.goBack()
    await citizen.page.getByLabel('Your name').fill('Ailsa again')
    await citizen.page.getByLabel('Email address').fill('AILSA.events@example.org')
    await citizen.page.getByRole('button', { name: /Book a place|Join the waiting list/ }).click()
    await expect.poll(() => citizen.page.locator('main').innerText()).toContain('already has a booking')

    const confirmation = await waitForCapturedMail(mailDir, 'ailsa.events@example.org', (m) => Boolean(m.subject?.startsWith('Your place is booked')))
    const invited = invitation(confirmation)
    expect(invited.method).toBe('PUBLISH')
    expect(invited.text).toContain('METHOD:PUBLISH')
    expectStartsAt(invited.text, starts.toJSDate())

    // The reminder is a pg-boss job scheduled for 24 hours before the start: a couple of minutes away.
    const reminder = await poll(async () => (await readCapturedMail(mailDir)).find((m) => m.subject?.startsWith(`Reminder: ${title}`)), 240_000, 'the reminder')
    expectStartsAt(invitation(reminder).text, starts.toJSDate())

    await organiser.page.goto(`${manageUrl}/attendees`)
    await expect.poll(() => organiser.page.locator('main').innerText()).toContain('A seat near the interpreter, please')
    await expectAccessible(organiser.page)
    await organiser.page.goto(manageUrl)
    await organiser.page.getByLabel('Reason for cancelling (included in the email)').fill('The library is closed for repairs')
    await organiser.page.getByRole('button', { name: 'Cancel the event' }).click()
    await organiser.page.waitForURL(/done=cancelled/)
    const cancellation = await waitForCapturedMail(mailDir, 'ailsa.events@example.org', (m) => Boolean(m.subject?.startsWith('Event cancelled')))
    const cancelled = invitation(cancellation)
    expect(cancelled.method).toBe('CANCEL')
    expect(cancelled.text).toContain('STATUS:CANCELLED')
    expect(cancelled.text.match(/^UID:.*$/m)?.[0]).toBe(invited.text.match(/^UID:.*$/m)?.[0])
    expect(cancellation.text).toContain('The library is closed for repairs')
    for (const visitor of [organiser, moderator, citizen]) {
      expect(visitor.problems).toEqual([])
      await visitor.close()
    }
  }, 420_000)

  test('a moderator creates a programme without JavaScript, mends a mistake, and its public page shows it', async () => {
    const slug = `community-conversations-${Date.now().toString(36)}`
    const moderator = await signedIn('moderator@guth.example', false)
    const { page } = moderator
    await page.goto('/manage/events')
    await page.getByRole('link', { name: 'Programmes of events' }).click()
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Create a programme' }).click()
    await expectAccessible(page)
    await page.getByLabel('Title', { exact: true }).fill('Community conversations')
    await page.getByLabel('Web address').fill(slug)
    await page.getByLabel('Description (optional)').fill('Six evenings across Scotland on the Open Government action plan.')
    await page.getByLabel('Target number of events').fill('0')
    await page.getByRole('button', { name: 'Create programme' }).click()
    await expect.poll(() => page.locator('.ds_error-summary').innerText()).toContain('whole number of events, 1 or more')
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Community conversations')
    await expectAccessible(page)
    await page.getByLabel('Target number of events').fill('6')
    await page.getByRole('button', { name: 'Create programme' }).click()
    await page.waitForURL(/\/manage\/programmes\/[0-9a-f-]{36}\?done=created/)
    await expectAccessible(page)
    await page.getByRole('link', { name: 'See the public page' }).click()
    await page.waitForURL(`**/programmes/${slug}`)
    await expect.poll(() => page.locator('h1').innerText()).toBe('Community conversations')
    expect(await page.locator('main').innerText()).toContain('0 of 6 events published')
    expect(moderator.problems).toEqual([])
    await moderator.close()
  }, 120_000)

  test('the month grid, a programme page and the event page read well in Gaelic too', async () => {
    for (const locale of ['en-GB', 'gd']) {
      const { page, problems, close } = await browser.newPage({ javaScriptEnabled: false, locale })
      for (const path of ['/events', '/events/month', '/programmes/open-government-pioneer-year', '/events/pioneer-year-launch-edinburgh', '/embed/events?programme=open-government-pioneer-year']) {
        await page.goto(path)
        await expectAccessible(page)
      }
      await page.goto('/events')
      await expect.poll(() => page.locator('h1').innerText()).toBe(locale === 'gd' ? 'Tachartasan' : 'Events')
      expect(problems).toEqual([])
      await close()
    }
  }, 120_000)

  test('a moderator schedules an event at 1:30am on the night the clocks go back, without JavaScript, and says it is the GMT one; page, JSON-LD and .ics agree', async () => {
    const title = `Night sky walk ${Date.now().toString(36)}`
    const moderator = await signedIn('moderator@guth.example', false)
    const { page } = moderator
    await page.goto('/manage/events/new')
    await page.getByLabel('Title', { exact: true }).fill(title)
    await page.getByLabel('Short summary', { exact: true }).fill('Watch the stars through the hour the clocks go back.')
    await page.getByLabel('Organisation running the event').selectOption({ index: 1 })
    await page.locator('#event-startDate').fill('31/10/2027')
    await page.locator('#event-startTime').fill('01:30')
    await page.locator('#event-endDate').fill('31/10/2027')
    await page.locator('#event-endTime').fill('03:00')
    await page.getByLabel('Venue').fill('Galloway Forest Dark Sky Park')
    await page.getByLabel('Number of places').fill('20')
    await page.getByRole('button', { name: 'Send for approval' }).click()
    await expect.poll(() => page.locator('.ds_error-summary').innerText()).toContain('This time happens twice that night')
    await expectAccessible(page)
    await page.locator('label', { hasText: 'The second time, in Greenwich Mean Time (GMT, UTC+0)' }).click()
    await page.getByRole('button', { name: 'Send for approval' }).click()
    await page.waitForURL(/\/manage\/events\/[0-9a-f-]{36}\?done=published/)
    const publicPath = await page.getByRole('link', { name: 'See the public page' }).getAttribute('href')

    const visitor = await browser.newPage()
    const response = await visitor.page.goto(publicPath!)
    await expectAccessible(visitor.page)
    const when = await visitor.page.locator('main time').evaluateAll((els) => els.map((el) => [el.getAttribute('datetime'), el.textContent]))
    expect(when).toEqual([
      ['2027-10-31T01:30+00:00', '31 October 2027 at 1:30am'],
      ['2027-10-31T03:00+00:00', '3:00am GMT'],
    ])
    // The JSON-LD script carries the nonce of this response's Content-Security-Policy.
    const nonce = /'nonce-([^']+)'/.exec(response!.headers()['content-security-policy'] ?? '')?.[1]
    const html = await response!.text()
    const script = /<script type="application\/ld\+json" nonce="([^"]*)">([\s\S]*?)<\/script>/.exec(html)
    expect(nonce).toBeTruthy()
    expect(script?.[1]).toBe(nonce)
    expect(JSON.parse(script![2]!)).toMatchObject({ '@type': 'Event', name: title, startDate: '2027-10-31T01:30+00:00', endDate: '2027-10-31T03:00+00:00' })
    const ics = await (await visitor.page.request.get(`${publicPath}/calendar.ics`)).text()
    expect(itipProblems(ics, 'PUBLISH')).toEqual([])
    expectStartsAt(ics, new Date('2027-10-31T01:30:00Z'))
    for (const person of [moderator, visitor]) {
      expect(person.problems).toEqual([])
      await person.close()
    }
  }, 180_000)
})
