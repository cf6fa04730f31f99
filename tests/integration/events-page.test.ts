import type { AppLoadContext } from '@remix-run/node'
import { afterAll, describe, expect, test } from 'vitest'
import { cancelEvent } from '~/modules/events/commands.server'
import { stopJobs } from '~/platform/jobs.server'
import * as eventRoute from '~/routes/events.$slug._index'
import * as listRoute from '~/routes/events._index'
import { withTestDatabase } from '../helpers/db'
import { renderRoute } from '../helpers/render-route'
import { browserRequest } from '../helpers/requests'
import { givenPublishedEvent } from '../helpers/events'

withTestDatabase()
afterAll(() => stopJobs())

const NONCE = 'bm9uY2Utb2YtdGhpcy1yZXF1ZXN0'
const context = { cspNonce: NONCE, requestId: 'test', csrfToken: 'c'.repeat(43), clientIp: '127.0.0.1' } as AppLoadContext

const showEvent = (slug: string, language = 'en') => renderRoute(eventRoute, '/events/:slug', browserRequest(`/events/${slug}`, [], { headers: { 'accept-language': language } }), context)

/** The page's JSON-LD scripts: their attributes and what their text parses to. */
function jsonLd(html: string) {
  return [...html.matchAll(/<script([^>]*type="application\/ld\+json"[^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({ attributes: m[1]!, data: JSON.parse(m[2]!) as Record<string, unknown> }))
}

/** Each <time> element: its datetime and its words. */
// The times the page states as facts (the booking form's date choices repeat them).
const facts = (html: string) => html.split('id="booking-heading"')[0]!
const times = (html: string) => [...facts(html).matchAll(/<time datetime="([^"]+)">([^<]*)<\/time>/gi)].map((m) => ({ datetime: m[1], text: m[2]!.replace(/&amp;/g, '&') }))

describe('event times on pages', () => {
  test('the event page and the list put each start and end in <time datetime> with its offset, and name BST or GMT', async () => {
    // Weekly across the end of British Summer Time (31 October 2027): the sessions are in BST, then GMT.
    const { event } = await givenPublishedEvent({ startDate: '2027-10-24', endDate: '2027-10-24', repeat: 'weekly', repeatCount: 2, tags: 'time-check' }, 0)
    const found = times(await showEvent(event.slug))
    expect(found).toEqual([
      { datetime: '2027-10-24T18:00+01:00', text: '24 October 2027 at 6:00pm' },
      { datetime: '2027-10-24T20:00+01:00', text: '8:00pm BST' },
      { datetime: '2027-10-31T18:00+00:00', text: '31 October 2027 at 6:00pm' },
      { datetime: '2027-10-31T20:00+00:00', text: '8:00pm GMT' },
    ])
    expect(times(await showEvent(event.slug, 'gd')).map((t) => t.text)).toEqual(['24 dhen Dàmhair 2027 aig 18:00', '20:00 TSB', '31 dhen Dàmhair 2027 aig 18:00', '20:00 GMT'])
    const list = await renderRoute(listRoute, '/events', browserRequest('/events?tag=time-check'), context)
    expect(times(list)).toEqual(found.slice(0, 2))
  })

  test('an all-day event has dates, no time of day and no zone', async () => {
    const { event } = await givenPublishedEvent({ allDay: true, startDate: '2027-03-27', startTime: '', endDate: '2027-03-28', endTime: '' }, 0)
    expect(times(await showEvent(event.slug))).toEqual([
      { datetime: '2027-03-27', text: '27 March 2027' },
      { datetime: '2027-03-28', text: '28 March 2027' },
    ])
  })
})

describe('schema.org Event JSON-LD on the event page', () => {
  test('an in-person event: name, times with offsets, status, attendance mode, Place, organiser, url and description', async () => {
    const { event, organisation } = await givenPublishedEvent({ startDate: '2027-06-15', endDate: '2027-06-15', startTime: '18:00', endTime: '20:30' }, 0)
    const [script, ...others] = jsonLd(await showEvent(event.slug))
    expect(others).toEqual([])
    expect(script!.attributes).toContain(`nonce="${NONCE}"`)
    expect(script!.data).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Event',
      name: event.title,
      description: event.summary,
      url: `http://localhost:3000/events/${event.slug}`,
      startDate: '2027-06-15T18:00+01:00',
      endDate: '2027-06-15T20:30+01:00',
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: { '@type': 'Place', name: 'Augustine United Church', address: { '@type': 'PostalAddress', streetAddress: '41 George IV Bridge, Edinburgh EH1 1EL', addressCountry: 'GB' } },
      organizer: { '@type': 'Organization', name: `Organisation ${organisation.slug}`, url: `http://localhost:3000/events?organisation=${organisation.slug}` },
    })
  })

  test('online and hybrid events have a VirtualLocation (the event page, never the joining link); a cancelled one says so', async () => {
    const online = await givenPublishedEvent({ mode: 'online', venue: '', address: '', onlineUrl: 'https://meet.example.org/private-room' })
    const [onlineData] = jsonLd(await showEvent(online.event.slug))
    expect(onlineData!.data).toMatchObject({ eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode', location: { '@type': 'VirtualLocation', url: `http://localhost:3000/events/${online.event.slug}` } })
    expect(JSON.stringify(onlineData)).not.toContain('private-room')
    const hybrid = await givenPublishedEvent({ mode: 'hybrid', onlineUrl: 'https://meet.example.org/private-room' })
    await cancelEvent(hybrid.moderator, hybrid.event.id, 'Speaker unwell')
    const [hybridData] = jsonLd(await showEvent(hybrid.event.slug))
    expect(hybridData!.data).toMatchObject({
      eventStatus: 'https://schema.org/EventCancelled',
      eventAttendanceMode: 'https://schema.org/MixedEventAttendanceMode',
      location: [{ '@type': 'Place', name: 'Augustine United Church' }, { '@type': 'VirtualLocation' }],
    })
  })

  test('a repeating event is one Event per session the page lists', async () => {
    const { event } = await givenPublishedEvent({ repeat: 'weekly', repeatCount: 4 })
    const html = await showEvent(event.slug)
    const data = jsonLd(html)[0]!.data as { '@graph': { '@type': string; startDate: string }[] }
    expect(data['@graph'].map((item) => item['@type'])).toEqual(['Event', 'Event', 'Event', 'Event'])
    const starts = times(html).filter((_, i) => i % 2 === 0).map((t) => t.datetime)
    expect(data['@graph'].map((item) => item.startDate)).toEqual(starts)
  })

  test('a title with </script> or <!-- stays inside the JSON and comes back as typed', async () => {
    const title = 'Tea </script><script>alert(1)</script> & <!-- talk'
    const { event } = await givenPublishedEvent({ title })
    const html = await showEvent(event.slug)
    expect(html).not.toContain('<script>alert(1)</script>')
    const [script] = jsonLd(html)
    expect(script!.data.name).toBe(title)
  })
})
