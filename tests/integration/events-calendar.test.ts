import { afterAll, describe, expect, test } from 'vitest'
import { approveEvent, cancelEvent, createEvent, returnEvent } from '~/modules/events/commands.server'
import { calendarFeedResponse, embedResponse, feedScopeFrom, syndicationResponse } from '~/modules/events/feeds.server'
import { getProgramme } from '~/modules/events/queries.server'
import { calendarListPage, calendarMonthPage, eventPage } from '~/modules/events/views.server'
import { stopJobs } from '~/platform/jobs.server'
import { seedDemoContent } from '../../scripts/seed/demo'
import { googleSessions } from '../helpers/calendar-events'
import { withTestDatabase } from '../helpers/db'
import { itipProblems } from '../helpers/itip'
import { givenPerson } from '../helpers/people'
import { eventForm, givenOrganisation, givenPublishedEvent } from '../helpers/events'

const database = withTestDatabase()
afterAll(() => stopJobs())

const list = (query: string) => calendarListPage(new URLSearchParams(query), 'en')

describe('the seeded Pioneer-year programme', () => {
  test('has at least 6 upcoming events across Scotland, some BSL-interpreted and some online', async () => {
    await seedDemoContent()
    await seedDemoContent()
    const found = await getProgramme('open-government-pioneer-year')
    expect(found?.target).toBe(6)
    expect(found!.held).toBeGreaterThanOrEqual(6)
    const places = found!.events.map((event) => `${event.venue ?? ''} ${event.address ?? ''}`).join(' ')
    for (const town of ['Edinburgh', 'Glasgow', 'Inverness', 'Dundee', 'Stornoway']) expect(places).toContain(town)
    expect(found!.events.filter((event) => event.accessibility.includes('bsl')).length).toBeGreaterThanOrEqual(2)
    expect(found!.events.some((event) => event.mode === 'online')).toBe(true)
    expect(found!.events.every((event) => event.endsAt > new Date())).toBe(true)
  })
})

describe('the public calendar', () => {
  test('filters by tag, accessibility and mode, and refuses filter values it does not know with a 400', async () => {
    const { event } = await givenPublishedEvent({ tags: 'Climate, Open data', accessibility: ['bsl', 'step_free'] })
    const online = await givenPublishedEvent({ mode: 'online', venue: '', address: '', onlineUrl: 'https://meet.example.org/x', tags: 'climate' })
    expect((await list('tag=climate')).events.map((e) => e.slug).sort()).toEqual([event.slug, online.event.slug].sort())
    expect((await list('tag=climate&access=bsl')).events.map((e) => e.slug)).toEqual([event.slug])
    expect((await list('tag=climate&mode=online')).events.map((e) => e.slug)).toEqual([online.event.slug])
    for (const bad of ['mode=teleport', 'access=jetpack', 'from=2027-02-31', 'from=2027-03-02&to=2027-03-01', 'page=0']) {
      await expect(list(bad), bad).rejects.toMatchObject({ status: 400 })
    }
    await expect(calendarMonthPage(new URLSearchParams('month=2027-13'), 'en')).rejects.toMatchObject({ status: 400 })
  })

  test('a repeating event is listed at its next occurrence among one-off events, and counted once', async () => {
    const later = await givenPublishedEvent({ tags: 'merge-check' }, 12)
    const sooner = await givenPublishedEvent({ tags: 'merge-check' }, 3)
    // Weekly from eight days ago: its next occurrence is six days from now, between the two.
    const weekly = await givenPublishedEvent({ tags: 'merge-check', repeat: 'weekly', repeatCount: 4 }, -8)
    const found = await list('tag=merge-check')
    expect(found.events.map((e) => e.slug)).toEqual([sooner.event.slug, weekly.event.slug, later.event.slug])
    expect(found.total).toBe(3)
    expect(found.events[1]!.repeats).toBe(true)
    expect((await list('tag=merge-check&when=past')).events).toEqual([])
  })

  test('Add to Google Calendar on the monthly drop-in adds the sessions the page lists, not the one left out', async () => {
    await seedDemoContent()
    const page = await eventPage('online-open-government-drop-in', 'en')
    expect(page.event.sessions).toHaveLength(5)
    const now = Date.now()
    const added = googleSessions(page.addToCalendar.google).filter((start) => new Date(start).getTime() > now - 3600_000)
    expect(added).toEqual(page.event.sessions.map((session) => new Date(session.start.datetime).toISOString()))
    expect(page.addToCalendar.outlook.kind).toBe('subscription')
  })

  test('an event page never shows the joining link to the public', async () => {
    const { event } = await givenPublishedEvent({ mode: 'online', venue: '', onlineUrl: 'https://meet.example.org/secret-room' })
    const page = await eventPage(event.slug, 'en')
    expect(JSON.stringify(page)).not.toContain('secret-room')
    expect(page.addToCalendar.feed.webcal).toMatch(/^webcal:\/\//)
    expect(page.addToCalendar.google).toContain('calendar.google.com')
  })
})

describe('feeds', () => {
  test('a feed answers 304 to its own ETag and Last-Modified, and a new version after a change', async () => {
    const { event } = await givenPublishedEvent()
    const first = await calendarFeedResponse(new Request('http://localhost/feeds/events.ics'), { kind: 'event', value: event.slug })
    expect(first.status).toBe(200)
    expect(first.headers.get('Content-Type')).toContain('text/calendar')
    const etag = first.headers.get('ETag')!
    const again = await calendarFeedResponse(new Request('http://localhost/feeds/events.ics', { headers: { 'If-None-Match': etag } }), { kind: 'event', value: event.slug })
    expect(again.status).toBe(304)
    const since = await calendarFeedResponse(new Request('http://localhost/', { headers: { 'If-Modified-Since': first.headers.get('Last-Modified')! } }), { kind: 'event', value: event.slug })
    expect(since.status).toBe(304)
    await database.current.query(`UPDATE events SET sequence = sequence + 1, updated_at = now() + interval '1 second' WHERE id = $1`, [event.id])
    const changed = await calendarFeedResponse(new Request('http://localhost/', { headers: { 'If-None-Match': etag } }), { kind: 'event', value: event.slug })
    expect(changed.status).toBe(200)
  })

  test('every feed, all events and each organisation\'s, tag\'s, programme\'s and event\'s, is a valid PUBLISH ending in CRLF', async () => {
    await seedDemoContent()
    const { event } = await givenPublishedEvent({ tags: 'feed-check', repeat: 'weekly', repeatCount: 3 })
    await cancelEvent((await givenPublishedEvent()).moderator, event.id, 'Hall double-booked')
    const scopes = [{ kind: 'all' }, { kind: 'organisation', value: 'electoral-reform-society-scotland' }, { kind: 'tag', value: 'feed-check' }, { kind: 'programme', value: 'open-government-pioneer-year' }, { kind: 'event', value: event.slug }, { kind: 'event', value: 'online-open-government-drop-in' }] as const
    for (const scope of scopes) {
      const text = await (await calendarFeedResponse(new Request('http://localhost/feeds/events.ics'), scope)).text()
      expect(itipProblems(text, 'PUBLISH'), JSON.stringify(scope)).toEqual([])
    }
    const mine = await (await calendarFeedResponse(new Request('http://localhost/'), { kind: 'event', value: event.slug })).text()
    expect(mine).toContain('STATUS:CANCELLED')
  })

  test('bad feed filters are a 400 and unknown organisations a 404, never a broken feed', async () => {
    expect((await calendarFeedResponse(new Request('http://localhost/'), feedScopeFrom(new URLSearchParams('tag=a&organisation=b')))).status).toBe(400)
    expect((await calendarFeedResponse(new Request('http://localhost/'), feedScopeFrom(new URLSearchParams('organisation=<script>')))).status).toBe(400)
    expect((await calendarFeedResponse(new Request('http://localhost/'), feedScopeFrom(new URLSearchParams('organisation=nobody-here')))).status).toBe(404)
  })
})

describe('RSS, Atom and the embeddable list', () => {
  test('list upcoming events with escaped text, answer 304 when unchanged, and refuse bad filters', async () => {
    const { event } = await givenPublishedEvent({ title: 'Tea & <b>talk</b>', tags: 'syndicated' })
    const rss = await syndicationResponse(new Request('http://localhost/feeds/events.rss?tag=syndicated'), 'rss')
    const text = await rss.text()
    expect(rss.headers.get('Content-Type')).toContain('application/rss+xml')
    expect(text).toContain('<title>Tea &amp; &lt;b&gt;talk&lt;/b&gt;</title>')
    expect(text).toContain(`/events/${event.slug}`)
    const again = await syndicationResponse(new Request('http://localhost/feeds/events.rss?tag=syndicated', { headers: { 'If-None-Match': rss.headers.get('ETag')! } }), 'rss')
    expect(again.status).toBe(304)
    const atom = await (await syndicationResponse(new Request('http://localhost/feeds/events.atom?tag=syndicated'), 'atom')).text()
    expect(atom).toContain(`<id>urn:uuid:${event.id}</id>`)
    const embed = await embedResponse(new Request('http://localhost/embed/events?tag=syndicated&limit=2'))
    expect(await embed.text()).toContain('Tea &amp; &lt;b&gt;talk&lt;/b&gt;')
    expect((await embedResponse(new Request('http://localhost/embed/events?limit=0'))).status).toBe(400)
    // A Gaelic site asks for Gaelic; the iframe carries no cookie of ours.
    const gaelic = await (await embedResponse(new Request('http://localhost/embed/events?tag=syndicated&lang=gd'))).text()
    expect(gaelic).toContain('<html lang="gd">')
    expect(gaelic).toContain('Tachartasan ri teachd')
    expect((await syndicationResponse(new Request('http://localhost/feeds/events.rss?tag=a&programme=b'), 'rss')).status).toBe(400)
  })
})

describe('scheduling and moderation', () => {
  test('an organiser submits, a moderator approves and the organiser is emailed; returning needs a reason', async () => {
    const { organisation, organiser } = await givenOrganisation()
    const moderator = await givenPerson({ roles: ['moderator'] })
    const submitted = await createEvent(organiser, eventForm(organisation.slug), null)
    expect(submitted).toMatchObject({ ok: true, status: 'submitted' })
    if (!submitted.ok) return
    await expect(eventPage(submitted.slug, 'en')).rejects.toMatchObject({ status: 404 })
    await expect(approveEvent(organiser, submitted.id)).rejects.toMatchObject({ status: 403 })
    expect(await approveEvent(moderator, submitted.id)).toMatchObject({ ok: true, status: 'published' })
    expect((await eventPage(submitted.slug, 'en')).bookable).toBe(true)
    const mail = await database.current.query<{ subject: string }>(`SELECT data->>'subject' AS subject FROM pgboss.job WHERE name = 'send-email' AND data->>'to' = $1`, [organiser.email])
    expect(mail.map((m) => m.subject)).toEqual([expect.stringMatching(/published/)])
    const second = await createEvent(organiser, eventForm(organisation.slug), null)
    if (!second.ok) throw new Error('not created')
    expect(await returnEvent(moderator, second.id, '  ')).toMatchObject({ ok: false, reason: 'invalid' })
    expect(await returnEvent(moderator, second.id, 'Please add the venue address')).toMatchObject({ ok: true, status: 'returned' })
  })

  test('someone outside the organisation cannot schedule for it', async () => {
    const { organisation } = await givenOrganisation()
    const stranger = await givenPerson()
    await expect(createEvent(stranger, eventForm(organisation.slug), null)).rejects.toMatchObject({ status: 403 })
  })

  test('impossible dates, the skipped spring hour and an end before the start get clear messages', async () => {
    const { organisation, organiser } = await givenOrganisation()
    const attempt = (fields: Parameters<typeof eventForm>[1]) => createEvent(organiser, eventForm(organisation.slug, fields), null)
    expect(await attempt({ startDate: '31/02/2027', endDate: '31/02/2027' })).toMatchObject({ fieldErrors: { startDate: ['events:errors.dateImpossible'] } })
    expect(await attempt({ startDate: '28/03/2027', startTime: '01:30', endDate: '28/03/2027', endTime: '03:00' })).toMatchObject({ fieldErrors: { startTime: ['events:errors.timeSkipped'] } })
    expect(await attempt({ startTime: '20:00', endTime: '19:00' })).toMatchObject({ fieldErrors: { endDate: ['events:errors.endBeforeStart'] } })
    expect(await attempt({ repeat: 'weekly', repeatCount: 3, exceptions: '01/01/2020' })).toMatchObject({ fieldErrors: { exceptions: ['events:errors.exceptionNotOccurrence'] } })
  })
})
