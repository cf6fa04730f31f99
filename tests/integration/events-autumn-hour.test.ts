import type { AppLoadContext } from '@remix-run/node'
import { eq } from 'drizzle-orm'
import ICAL from 'ical.js'
import nodeIcal from 'node-ical'
import { afterAll, describe, expect, test } from 'vitest'
import { startSession } from '~/modules/accounts/sessions.server'
import { createEvent, updateEvent } from '~/modules/events/commands.server'
import { calendarFeedResponse } from '~/modules/events/feeds.server'
import type { EventInput } from '~/modules/events/forms'
import { eventForEditing } from '~/modules/events/manage.server'
import { events } from '~/modules/events/schema'
import { eventPage } from '~/modules/events/views.server'
import { getDb } from '~/platform/db.server'
import { stopJobs } from '~/platform/jobs.server'
import * as editEventRoute from '~/routes/manage.events.$id._index'
import * as newEventRoute from '~/routes/manage.events.new'
import { withTestDatabase } from '../helpers/db'
import { itipProblems } from '../helpers/itip'
import { renderRoute, submitToRoute } from '../helpers/render-route'
import { browserRequest } from '../helpers/requests'
import { givenPerson } from '../helpers/people'
import { eventForm, givenOrganisation } from '../helpers/events'

withTestDatabase()
afterAll(() => stopJobs())

// On 31 October 2027 the clocks go back at 02:00 BST to 01:00 GMT: 01:30 happens at 00:30 UTC and again at 01:30 UTC.
const NIGHT = { startDate: '31/10/2027', startTime: '01:30', endDate: '31/10/2027', endTime: '03:00' }
const CSRF = 'd'.repeat(43)
const context = { cspNonce: '', requestId: 'test', csrfToken: CSRF, clientIp: '127.0.0.1' } as AppLoadContext

async function signedInCookies(userId: string) {
  return [(await startSession(new Request('http://localhost/'), userId)).split(';')[0]!, `guth_csrf=${CSRF}`]
}

const formBody = (fields: Partial<EventInput> & Record<string, unknown>) =>
  new URLSearchParams({ csrf: CSRF, ...Object.fromEntries(Object.entries(fields).flatMap(([k, v]) => (v === undefined || v === false ? [] : [[k, v === true ? 'on' : String(v)]]))) })

async function postNewEvent(cookies: string[], fields: Record<string, unknown>, language = 'en') {
  const request = browserRequest('/manage/events/new', cookies, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': language },
    body: formBody(fields),
  })
  return submitToRoute(newEventRoute, '/manage/events/new', request, context)
}

const radios = (html: string, name: string) => [...html.matchAll(new RegExp(`<input[^>]*name="${name}"[^>]*>`, 'g'))].map((m) => m[0])

/** What ical.js and node-ical read as the start and end of an event's own .ics. */
async function icsTimes(slug: string) {
  const text = await (await calendarFeedResponse(new Request('http://localhost/'), { kind: 'event', value: slug })).text()
  expect(itipProblems(text, 'PUBLISH')).toEqual([])
  const calendar = new ICAL.Component(ICAL.parse(text))
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone))
  const viaIcalJs = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!)
  const viaNodeIcal = Object.values(nodeIcal.sync.parseICS(text)).find((item) => item?.type === 'VEVENT') as { start: Date; end: Date }
  return {
    icalJs: [viaIcalJs.startDate.toJSDate().toISOString(), viaIcalJs.endDate.toJSDate().toISOString()],
    nodeIcal: [viaNodeIcal.start.toISOString(), viaNodeIcal.end.toISOString()],
  }
}

describe('a time in the hour the clocks go back', () => {
  test('the form asks whether it is the first (BST) or the second (GMT), without JavaScript, in English and Gaelic', async () => {
    const { organisation, organiser } = await givenOrganisation()
    const cookies = await signedInCookies(organiser.id)
    const fields = { ...eventForm(organisation.slug), ...NIGHT, bookingRequired: true }
    const asked = await postNewEvent(cookies, fields)
    expect(asked.status).toBe(400)
    expect(asked.html).toContain('This time happens twice that night, because the clocks go back an hour.')
    expect(radios(asked.html, 'startClock').map((input) => /value="(\w+)"/.exec(input)?.[1])).toEqual(['BST', 'GMT'])
    expect(radios(asked.html, 'startClock').some((input) => input.includes('checked'))).toBe(false)
    expect(asked.html).toContain('The first time, in British Summer Time (BST, UTC+1), before the clocks go back')
    expect(asked.html).toContain('href="#startClock"')
    // 03:00 happens once: nothing to ask about the end.
    expect(radios(asked.html, 'endClock')).toEqual([])

    const gaelic = await postNewEvent(cookies, fields, 'gd')
    expect(gaelic.html).toContain('Tachraidh an t-àm seo dà thuras an oidhche sin')
    expect(gaelic.html).toContain('An dàrna turas, ann an Àm Meadhanach Greenwich (GMT, UTC+0)')

    const answered = await postNewEvent(cookies, { ...fields, startClock: 'GMT' })
    expect(answered).toMatchObject({ status: 303, location: expect.stringMatching(/^\/manage\/events\/[0-9a-f-]{36}\?done=submitted$/) })
    const id = /events\/([0-9a-f-]{36})/.exec(answered.location!)![1]!
    const [row] = await getDb().select().from(events).where(eq(events.id, id))
    expect(row!.startsAt.toISOString()).toBe('2027-10-31T01:30:00.000Z')
  })

  test('a time that happens once never asks, and an answer given for it is ignored', async () => {
    const { organisation, organiser } = await givenOrganisation()
    const cookies = await signedInCookies(organiser.id)
    const posted = await postNewEvent(cookies, { ...eventForm(organisation.slug), ...NIGHT, startTime: '00:30', startClock: 'nonsense', bookingRequired: true })
    expect(posted.status).toBe(303)
  })

  for (const [clock, startsAt, page] of [
    ['BST', '2027-10-31T00:30:00.000Z', { text: '31 October 2027 at 1:30am BST to 3:00am GMT', datetime: '2027-10-31T01:30+01:00' }],
    ['GMT', '2027-10-31T01:30:00.000Z', { text: '31 October 2027 at 1:30am to 3:00am GMT', datetime: '2027-10-31T01:30+00:00' }],
  ] as const) {
    test(`choosing ${clock} stores ${startsAt}; the page, the .ics (in ical.js and node-ical) and the JSON-LD say the same`, async () => {
      const { organisation } = await givenOrganisation()
      const moderator = await givenPerson({ roles: ['moderator'] })
      const created = await createEvent(moderator, eventForm(organisation.slug, { ...NIGHT, startClock: clock }), null)
      if (!created.ok) throw new Error(JSON.stringify(created))
      const [row] = await getDb().select().from(events).where(eq(events.id, created.id))
      expect(row!.startsAt.toISOString()).toBe(startsAt)
      expect(row!.endsAt.toISOString()).toBe('2027-10-31T03:00:00.000Z')

      const shown = await eventPage(created.slug, 'en')
      expect(shown.event.session).toMatchObject({ text: page.text, start: { datetime: page.datetime }, end: { datetime: '2027-10-31T03:00+00:00' } })
      expect(shown.structuredData).toMatchObject({ startDate: page.datetime, endDate: '2027-10-31T03:00+00:00' })
      expect(await icsTimes(created.slug)).toEqual({ icalJs: [startsAt, '2027-10-31T03:00:00.000Z'], nodeIcal: [startsAt, '2027-10-31T03:00:00.000Z'] })

      // The edit form keeps the answer, and saving it unchanged keeps the instant.
      const editing = await eventForEditing(moderator, created.id)
      expect(editing.values.startClock).toBe(clock)
      expect(await updateEvent(moderator, created.id, editing.values, null)).toMatchObject({ ok: true })
      const [after] = await getDb().select().from(events).where(eq(events.id, created.id))
      expect(after!.startsAt.toISOString()).toBe(startsAt)
      expect(after!.sequence).toBe(0)
    })
  }

  test('an end in the repeated hour is asked about too: 00:30 to the second 1:30am is two hours', async () => {
    const { organisation } = await givenOrganisation()
    const moderator = await givenPerson({ roles: ['moderator'] })
    const night = eventForm(organisation.slug, { ...NIGHT, startTime: '00:30', endTime: '01:30' })
    expect(await createEvent(moderator, night, null)).toMatchObject({ ok: false, fieldErrors: { endClock: ['events:errors.timeRepeated'] } })
    const created = await createEvent(moderator, { ...night, endClock: 'GMT' }, null)
    if (!created.ok) throw new Error(JSON.stringify(created))
    const [row] = await getDb().select().from(events).where(eq(events.id, created.id))
    expect(row!.endsAt.getTime() - row!.startsAt.getTime()).toBe(2 * 3600_000)
    expect(await icsTimes(created.slug)).toEqual({ icalJs: ['2027-10-30T23:30:00.000Z', '2027-10-31T01:30:00.000Z'], nodeIcal: ['2027-10-30T23:30:00.000Z', '2027-10-31T01:30:00.000Z'] })
  })

  test('the edit page shows the saved answer, checked', async () => {
    const { organisation } = await givenOrganisation()
    const moderator = await givenPerson({ roles: ['moderator'] })
    const created = await createEvent(moderator, eventForm(organisation.slug, { ...NIGHT, startClock: 'GMT' }), null)
    if (!created.ok) throw new Error(JSON.stringify(created))
    const html = await renderRoute(editEventRoute, '/manage/events/:id', browserRequest(`/manage/events/${created.id}`, await signedInCookies(moderator.id)), context)
    expect(radios(html, 'startClock').filter((input) => input.includes('checked'))).toEqual([expect.stringContaining('value="GMT"')])
  })

  test('a repeating event cannot fall in that hour, since calendar apps disagree about which it is', async () => {
    const { organisation } = await givenOrganisation()
    const moderator = await givenPerson({ roles: ['moderator'] })
    const attempt = (fields: Partial<EventInput>) => createEvent(moderator, eventForm(organisation.slug, fields), null)
    expect(await attempt({ ...NIGHT, repeat: 'weekly', repeatCount: 3 })).toMatchObject({ ok: false, fieldErrors: { repeat: ['events:errors.repeatInRepeatedHour'] } })
    // Weekly from the Sunday before: its second session is that night.
    const before = { startDate: '24/10/2027', startTime: '01:30', endDate: '24/10/2027', endTime: '02:30' }
    expect(await attempt({ ...before, repeat: 'weekly', repeatCount: 3 })).toMatchObject({ ok: false, fieldErrors: { repeat: ['events:errors.repeatInRepeatedHour'] } })
    expect(await attempt({ ...before, repeat: 'weekly', repeatCount: 3, startTime: '03:00', endTime: '04:00' })).toMatchObject({ ok: true })
  })
})
