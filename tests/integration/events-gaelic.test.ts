import type { AppLoadContext } from '@remix-run/node'
import { eq } from 'drizzle-orm'
import { afterAll, describe, expect, test } from 'vitest'
import { textToDoc } from '~/kernel/rich-text'
import { bookPlace } from '~/modules/events/bookings.server'
import { createEvent, updateEvent } from '~/modules/events/commands.server'
import { embedResponse } from '~/modules/events/feeds.server'
import { readEventForm } from '~/modules/events/details.server'
import { eventForEditing } from '~/modules/events/manage.server'
import { createProgramme, programmeForEditing } from '~/modules/events/programmes.server'
import { events } from '~/modules/events/schema'
import { getDb } from '~/platform/db.server'
import { stopJobs } from '~/platform/jobs.server'
import * as eventRoute from '~/routes/events.$slug._index'
import * as listRoute from '~/routes/events._index'
import * as monthRoute from '~/routes/events.month'
import * as programmeRoute from '~/routes/programmes.$slug'
import { withTestDatabase } from '../helpers/db'
import { renderRoute } from '../helpers/render-route'
import { browserRequest } from '../helpers/requests'
import { givenPerson } from '../helpers/people'
import { eventForm, givenOrganisation } from '../helpers/events'

const database = withTestDatabase()
afterAll(() => stopJobs())

const context = { cspNonce: 'bm9uY2U', requestId: 'test', csrfToken: 'c'.repeat(43), clientIp: '127.0.0.1' } as AppLoadContext
const get = (route: Parameters<typeof renderRoute>[0], pattern: string, path: string, language: 'en' | 'gd') =>
  renderRoute(route, pattern, browserRequest(path, [], { headers: { 'accept-language': language } }), context)

const ENGLISH_ONLY = 'Chan eil an t-susbaint seo ri fhaighinn ach sa Bheurla.'
const ENGLISH_ONLY_SHORT = 'Sa Bheurla a-mhàin'
const GAELIC = {
  titleGd: 'Coinneamh mun Riaghaltas Fhosgailte',
  summaryGd: 'Feasgar mu phlana-gnìomha an Riaghaltais Fhosgailte',
}

/** A published event in its own organisation (and tag, to find it in lists), Gaelic fields as given. */
async function givenEvent(tag: string, gaelic: { titleGd?: string; summaryGd?: string; descriptionGd?: string } = {}, programme?: string) {
  const { organisation } = await givenOrganisation()
  const moderator = await givenPerson({ roles: ['moderator'] })
  const form = eventForm(organisation.slug, { tags: tag, titleGd: gaelic.titleGd, summaryGd: gaelic.summaryGd, programme })
  const created = await createEvent(moderator, form, textToDoc('The English description of the evening.'), gaelic.descriptionGd ? textToDoc(gaelic.descriptionGd) : null)
  if (!created.ok) throw new Error(JSON.stringify(created))
  const [event] = await getDb().select().from(events).where(eq(events.id, created.id))
  return { event: event!, moderator, organisation }
}

const heading = (html: string) => /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)![0]

describe('an event in the Gaelic interface', () => {
  test('shows its Gaelic title, summary and description, with no English-only notice', async () => {
    const { event } = await givenEvent('gd-full', { ...GAELIC, descriptionGd: 'Tuairisgeul an fheasgair sa Ghàidhlig.' })
    const html = await get(eventRoute, '/events/:slug', `/events/${event.slug}`, 'gd')
    expect(heading(html)).toBe(`<h1 class="ds_page-header__title">${GAELIC.titleGd}</h1>`)
    expect(html).toContain(`<p class="ds_leader">${GAELIC.summaryGd}</p>`)
    expect(html).toContain('Tuairisgeul an fheasgair sa Ghàidhlig.')
    expect(html).not.toContain('The English description of the evening.')
    expect(html).not.toContain(ENGLISH_ONLY)
    expect(html).not.toContain('lang="en"')
  })

  test('without Gaelic, shows the English marked lang="en" and says it is only in English', async () => {
    const { event } = await givenEvent('gd-none')
    const html = await get(eventRoute, '/events/:slug', `/events/${event.slug}`, 'gd')
    expect(heading(html)).toBe(`<h1 class="ds_page-header__title" lang="en">${event.title}</h1>`)
    expect(html).toContain(`<p class="ds_leader" lang="en">${event.summary}</p>`)
    expect(html).toContain(ENGLISH_ONLY)
    expect(html).toMatch(/<div class="guth-body" lang="en">\s*<p[^>]*>The English description of the evening.<\/p>/)
  })

  test('a Gaelic title over an English description: the notice and lang="en" are on the description', async () => {
    const { event } = await givenEvent('gd-part', GAELIC)
    const html = await get(eventRoute, '/events/:slug', `/events/${event.slug}`, 'gd')
    expect(heading(html)).not.toContain('lang=')
    const notice = html.indexOf(ENGLISH_ONLY)
    expect(notice).toBeGreaterThan(html.indexOf(GAELIC.summaryGd))
    expect(html.indexOf('<div lang="en"><div class="guth-body">')).toBeGreaterThan(notice)
  })

  test('the English interface shows the English and never the notice, even where Gaelic exists', async () => {
    const { event } = await givenEvent('gd-en', { ...GAELIC, descriptionGd: 'Tuairisgeul sa Ghàidhlig.' })
    const plain = await givenEvent('gd-en')
    for (const slug of [event.slug, plain.event.slug]) {
      const html = await get(eventRoute, '/events/:slug', `/events/${slug}`, 'en')
      expect(html).not.toContain(ENGLISH_ONLY)
      expect(html).not.toContain('only available in English')
      expect(html).not.toContain(GAELIC.titleGd)
      expect(heading(html)).not.toContain('lang=')
    }
    const list = await get(listRoute, '/events', '/events?tag=gd-en', 'en')
    expect(list).not.toContain('In English only')
    expect(list).not.toContain('lang="en"')
  })

  test('lists and the month grid name events in Gaelic, marking and noting the English-only ones', async () => {
    const gaelic = await givenEvent('gd-list', GAELIC)
    const english = await givenEvent('gd-list')
    const list = await get(listRoute, '/events', '/events?tag=gd-list', 'gd')
    expect(list).toContain(`href="/events/${gaelic.event.slug}">${GAELIC.titleGd}</a>`)
    expect(list).toContain(`<a class="ds_search-result__link" lang="en" data-discover="true" href="/events/${english.event.slug}">${english.event.title}</a>`)
    expect(list.split(ENGLISH_ONLY_SHORT)).toHaveLength(2)
    const month = await get(monthRoute, '/events/month', `/events/month?tag=gd-list&month=${gaelic.event.startsAt.toISOString().slice(0, 7)}`, 'gd')
    expect(month).toContain(GAELIC.titleGd)
    expect(month).toContain(`<span lang="en">${english.event.title}</span>`)
  })
})

describe('the embed another site shows', () => {
  test('with ?lang=gd names events in Gaelic and marks English-only titles; without, all English', async () => {
    const gaelic = await givenEvent('gd-embed', GAELIC)
    const english = await givenEvent('gd-embed')
    const html = await (await embedResponse(new Request('http://localhost:3000/embed/events?tag=gd-embed&lang=gd'))).text()
    expect(html).toContain(`target="_top">${GAELIC.titleGd}</a>`)
    expect(html).toContain(`target="_top" lang="en">${english.event.title}</a>`)
    const inEnglish = await (await embedResponse(new Request('http://localhost:3000/embed/events?tag=gd-embed&lang=en'))).text()
    expect(inEnglish).toContain(`>${gaelic.event.title}</a>`)
    expect(inEnglish).not.toContain('target="_top" lang=')
  })
})

describe('a programme in the Gaelic interface', () => {
  test('shows its Gaelic name and description; one without Gaelic is marked English', async () => {
    const moderator = await givenPerson({ roles: ['moderator'] })
    const slug = `gd-programme-${Date.now()}`
    const made = await createProgramme(moderator, { name: 'Pioneer year', slug, description: 'A year of engagement.', nameGd: 'Bliadhna tùsaire', descriptionGd: 'Bliadhna de chom-pàirteachadh.', target: 6 })
    expect(made).toMatchObject({ ok: true })
    expect((await programmeForEditing(moderator, (made as { id: string }).id)).values).toMatchObject({ nameGd: 'Bliadhna tùsaire', descriptionGd: 'Bliadhna de chom-pàirteachadh.' })
    const english = await givenEvent('gd-programme', {}, slug)
    const html = await get(programmeRoute, '/programmes/:slug', `/programmes/${slug}`, 'gd')
    expect(heading(html)).toBe('<h1 class="ds_page-header__title">Bliadhna tùsaire</h1>')
    expect(html).toContain('<p class="ds_leader">Bliadhna de chom-pàirteachadh.</p>')
    expect(html).toContain(`lang="en" data-discover="true" href="/events/${english.event.slug}">${english.event.title}</a>`)
    const eventHtml = await get(eventRoute, '/events/:slug', `/events/${english.event.slug}`, 'gd')
    expect(eventHtml).toContain(`href="/programmes/${slug}">Bliadhna tùsaire</a>`)

    const bare = `gd-bare-${Date.now()}`
    await createProgramme(moderator, { name: 'Bare programme', slug: bare, target: 1 })
    const bareHtml = await get(programmeRoute, '/programmes/:slug', `/programmes/${bare}`, 'gd')
    expect(heading(bareHtml)).toContain('lang="en"')
    expect(bareHtml).toContain(ENGLISH_ONLY)
  })
})

describe('the organiser enters the Gaelic versions', () => {
  test('the form posts a Gaelic title, summary and description (no JavaScript) and the edit form shows them again', async () => {
    const { organisation, organiser } = await givenOrganisation()
    const form = new FormData()
    for (const [key, value] of Object.entries(eventForm(organisation.slug))) form.set(key, String(value))
    form.set('bookingRequired', 'on')
    form.set('titleGd', GAELIC.titleGd)
    form.set('summaryGd', GAELIC.summaryGd)
    form.set('descriptionText', 'In English.')
    form.set('descriptionGdText', 'Sa Ghàidhlig.\n\n## Prògram\n\n- Fàilte')
    const read = readEventForm(form, null)
    expect(read.descriptionGdError).toBeNull()
    const created = await createEvent(organiser, read.input, read.description, read.descriptionGd)
    if (!created.ok) throw new Error(JSON.stringify(created))
    const editing = await eventForEditing(organiser, created.id)
    expect(editing.values).toMatchObject({ titleGd: GAELIC.titleGd, summaryGd: GAELIC.summaryGd })
    expect(JSON.stringify(editing.event.descriptionGd)).toContain('Prògram')

    // Emptied again, the Gaelic is gone (English stands in).
    const emptied = readEventForm(form, editing.event.description as never, editing.event.descriptionGd as never)
    const cleared = await updateEvent(organiser, created.id, { ...emptied.input, titleGd: '', summaryGd: '' }, emptied.description, null)
    expect(cleared).toMatchObject({ ok: true })
    expect((await eventForEditing(organiser, created.id)).event).toMatchObject({ titleGd: null, summaryGd: null, descriptionGd: null })
  })

  test('a Gaelic title too long is refused on its own field', async () => {
    const { organisation, organiser } = await givenOrganisation()
    const outcome = await createEvent(organiser, eventForm(organisation.slug, { titleGd: 'a'.repeat(201) }), null)
    expect(outcome).toMatchObject({ ok: false, fieldErrors: { titleGd: ['events:errors.tooLong'] } })
  })
})

describe('booking emails', () => {
  test('a booking made in Gaelic is confirmed with the Gaelic title; one in English with the English', async () => {
    const { event } = await givenEvent('gd-mail', GAELIC)
    const inGaelic = `gd.${event.id.slice(0, 8)}@example.org`
    const inEnglish = `en.${event.id.slice(0, 8)}@example.org`
    await bookPlace(event.id, { name: 'Ailsa', email: inGaelic }, { language: 'gd' })
    await bookPlace(event.id, { name: 'Ruairidh', email: inEnglish }, { language: 'en' })
    const subject = async (to: string) =>
      (await database.current.query<{ subject: string }>(`SELECT data->>'subject' AS subject FROM pgboss.job WHERE name = 'send-email' AND data->>'to' = $1`, [to]))[0]?.subject
    expect(await subject(inGaelic)).toContain(GAELIC.titleGd)
    expect(await subject(inEnglish)).toContain(event.title)
  })
})
