import { randomUUID } from 'node:crypto'
import type { AppLoadContext } from '@remix-run/node'
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { users } from '~/modules/accounts/schema'
import { statusOf } from '~/modules/consultations/lifecycle'
import { countPublicByTab, getPublicConsultation, listPublicConsultations, listQuestions, type PublicTab } from '~/modules/consultations/queries.server'
import { consultations } from '~/modules/consultations/schema'
import { getDb } from '~/platform/db.server'
import * as consultationPage from '~/routes/consultations.$slug._index'
import * as consultationList from '~/routes/consultations._index'
import * as home from '~/routes/_index'
import { localDemocracySlug } from '../../scripts/seed/consultation'
import { seedDemoContent } from '../../scripts/seed/demo'
import { type ConsultationOptions, givenConsultation } from '../helpers/consultations'
import { withTestDatabase } from '../helpers/db'
import { cookieFor } from '../helpers/http'
import { givenPerson } from '../helpers/people'

withTestDatabase()

const unique = () => randomUUID().replaceAll('-', '').slice(0, 10)
const DAY = 24 * 60 * 60 * 1000
const fromNow = (ms: number) => new Date(Date.now() + ms)

/** A consultation with no questions, by its address. */
async function givenConsultationSlug(options: ConsultationOptions = {}) {
  return (await givenConsultation({ questions: [], ...options })).consultation.slug
}

async function slugsIn(tab: PublicTab, q: string) {
  return (await listPublicConsultations({ tab, q })).consultations.map((c) => c.slug).sort()
}

const context = { cspNonce: '', requestId: 'test', csrfToken: 'test', clientIp: '127.0.0.1' } as AppLoadContext
const get = (path: string, headers: Record<string, string> = {}) => new Request(`http://localhost${path}`, { headers })

async function listPage(query: string, headers: Record<string, string> = {}) {
  return consultationList.loader({ request: get(`/consultations${query}`, headers), params: {}, context })
}

async function consultationPageFor(slug: string, headers: Record<string, string> = {}) {
  return consultationPage.loader({ request: get(`/consultations/${slug}`, headers), params: { slug }, context })
}

async function statusFor(run: () => Promise<unknown>) {
  try {
    await run()
    return 200
  } catch (error) {
    if (error instanceof Response) return error.status
    throw error
  }
}

describe('tabs', () => {
  test('each published consultation is in the tab for where it is today', async () => {
    const token = unique()
    const title = (name: string) => ({ en: `${name} ${token}` })
    const forthcoming = await givenConsultationSlug({ title: title('Forthcoming'), opensAt: fromNow(2 * DAY), closesAt: fromNow(40 * DAY) })
    const justOpened = await givenConsultationSlug({ title: title('Just opened'), opensAt: fromNow(-60_000), closesAt: fromNow(10 * DAY) })
    const closingSoon = await givenConsultationSlug({ title: title('Closing soon'), opensAt: fromNow(-10 * DAY), closesAt: fromNow(60_000) })
    const justClosed = await givenConsultationSlug({ title: title('Just closed'), opensAt: fromNow(-10 * DAY), closesAt: fromNow(-60_000) })

    expect(await slugsIn('open', token)).toEqual([justOpened, closingSoon].sort())
    expect(await slugsIn('forthcoming', token)).toEqual([forthcoming])
    expect(await slugsIn('closed', token)).toEqual([justClosed])
  })

  test('open consultations are listed closing soonest first, closed ones most recently closed first', async () => {
    const token = unique()
    const later = await givenConsultationSlug({ title: { en: `Later ${token}` }, closesAt: fromNow(20 * DAY) })
    const sooner = await givenConsultationSlug({ title: { en: `Sooner ${token}` }, closesAt: fromNow(2 * DAY) })
    const longAgo = await givenConsultationSlug({ title: { en: `Long ago ${token}` }, opensAt: fromNow(-90 * DAY), closesAt: fromNow(-60 * DAY) })
    const lately = await givenConsultationSlug({ title: { en: `Lately ${token}` }, opensAt: fromNow(-90 * DAY), closesAt: fromNow(-DAY) })

    const order = async (tab: PublicTab) => (await listPublicConsultations({ tab, q: token })).consultations.map((c) => c.slug)
    expect(await order('open')).toEqual([sooner, later])
    expect(await order('closed')).toEqual([lately, longAgo])
  })

  test('the page shows the chosen tab with counts, and an unknown tab shows the open ones', async () => {
    const token = unique()
    const open = await givenConsultationSlug({ title: { en: `Open ${token}` } })
    const closed = await givenConsultationSlug({ title: { en: `Closed ${token}` }, opensAt: fromNow(-9 * DAY), closesAt: fromNow(-DAY) })

    const closedTab = await listPage(`?tab=closed&q=${token}`)
    expect(closedTab.tab).toBe('closed')
    expect(closedTab.consultations.map((c) => c.slug)).toEqual([closed])
    expect(closedTab.consultations[0]!.status).toBe('closed')
    expect(closedTab.counts).toEqual({ open: 1, forthcoming: 0, closed: 1 })

    const unknown = await listPage(`?tab=%3Cscript%3E&q=${token}`)
    expect(unknown.tab).toBe('open')
    expect(unknown.consultations.map((c) => c.slug)).toEqual([open])

    const everything = await listPage('?tab=open')
    expect(everything.counts).toEqual(await countPublicByTab())
  })

  test('a search longer than 200 characters is cut short, and a page past the end is empty, not an error', async () => {
    const long = await listPage(`?q=${'a'.repeat(500)}`)
    expect(long.q).toHaveLength(200)
    expect(long.consultations).toEqual([])
    const farAway = await listPage('?tab=closed&page=99999')
    expect(farAway.consultations).toEqual([])
    const nonsense = await listPage('?page=-3')
    expect(nonsense.page).toBe(1)
  })
})

describe('what the public never sees', () => {
  test('drafts and retracted consultations appear in no tab and have no page', async () => {
    const token = unique()
    const draft = await givenConsultationSlug({ title: { en: `Draft ${token}` }, published: false })
    const draftClosed = await givenConsultationSlug({ title: { en: `Old draft ${token}` }, published: false, closesAt: fromNow(-DAY), opensAt: fromNow(-9 * DAY) })
    const retracted = await givenConsultationSlug({ title: { en: `Retracted ${token}` }, retracted: true })
    const retractedForthcoming = await givenConsultationSlug({ title: { en: `Retracted later ${token}` }, retracted: true, opensAt: fromNow(DAY) })

    for (const tab of ['open', 'forthcoming', 'closed'] as const) expect(await slugsIn(tab, token)).toEqual([])
    for (const slug of [draft, draftClosed, retracted, retractedForthcoming]) {
      expect(await getPublicConsultation(slug)).toBeNull()
      expect(await statusFor(() => consultationPageFor(slug))).toBe(404)
    }
    expect(await statusFor(() => consultationPageFor('no-such-consultation'))).toBe(404)
  })
})

describe('search', () => {
  test('matches titles and summaries in English and Gaelic, whatever the case', async () => {
    const token = unique()
    const ferries = await givenConsultationSlug({
      title: { en: `Island Ferries ${token}`, gd: `Aiseagan nan Eilean ${token}` },
      summary: { en: 'Timetables and fares.' },
    })
    const peatlands = await givenConsultationSlug({
      title: { en: `Land use ${token}` },
      summary: { en: 'Restoring PEATLANDS across Scotland.', gd: 'Ag ath-nuadhachadh bhoglaichean air feadh na h-Alba.' },
    })

    expect(await slugsIn('open', `island FERRIES ${token}`)).toEqual([ferries])
    expect(await slugsIn('open', `aiseagan NAN eilean ${token}`)).toEqual([ferries])
    const bySummary = (await listPublicConsultations({ tab: 'open', q: 'peatlands across' })).consultations.map((c) => c.slug)
    expect(bySummary).toContain(peatlands)
    const byGaelicSummary = (await listPublicConsultations({ tab: 'open', q: 'BHOGLAICHEAN' })).consultations.map((c) => c.slug)
    expect(byGaelicSummary).toContain(peatlands)
    expect(bySummary).not.toContain(ferries)
  })

  test('treats % and _ as the characters themselves, not wildcards', async () => {
    const token = unique()
    const percent = await givenConsultationSlug({ title: { en: `Rates ${token}% rise` } })
    const digit = await givenConsultationSlug({ title: { en: `Rates ${token}5 rise` } })
    const underscore = await givenConsultationSlug({ title: { en: `File ${token}_a` } })
    const letter = await givenConsultationSlug({ title: { en: `File ${token}ba` } })

    expect(await slugsIn('open', `${token}%`)).toEqual([percent])
    expect(await slugsIn('open', `${token}_`)).toEqual([underscore])
    expect(await slugsIn('open', token)).toEqual([percent, digit, underscore, letter].sort())
    expect(await slugsIn('open', '%%%%')).toEqual([])
  })

  test('the search keeps the tab, and the counts follow the search', async () => {
    const token = unique()
    const forthcoming = await givenConsultationSlug({ title: { en: `Ferries ${token}` }, opensAt: fromNow(5 * DAY) })
    const page = await listPage(`?tab=forthcoming&q=${token}`)
    expect(page.consultations.map((c) => c.slug)).toEqual([forthcoming])
    expect(page.counts).toEqual({ open: 0, forthcoming: 1, closed: 0 })
  })
})

describe('the consultation page', () => {
  test('speaks the reader’s language, and marks English shown to a Gaelic reader', async () => {
    const both = await givenConsultationSlug({ title: { en: 'Island ferries', gd: 'Aiseagan nan eilean' }, summary: { en: 'Fares.', gd: 'Faraidhean.' } })
    const englishOnly = await givenConsultationSlug({ title: { en: 'Bus services' }, summary: { en: 'Routes.' } })

    const gaelic = { 'accept-language': 'gd' }
    expect((await consultationPageFor(both, gaelic)).consultation.title).toEqual({ text: 'Aiseagan nan eilean' })
    expect((await consultationPageFor(englishOnly, gaelic)).consultation.title).toEqual({ text: 'Bus services', lang: 'en' })
    expect((await consultationPageFor(englishOnly, gaelic)).consultation.summary).toEqual({ text: 'Routes.', lang: 'en' })
    expect((await consultationPageFor(both)).consultation.title).toEqual({ text: 'Island ferries' })
  })

  test('says clearly when it closed, and when a forthcoming one opens', async () => {
    const closed = await givenConsultationSlug({ opensAt: fromNow(-20 * DAY), closesAt: fromNow(-2 * DAY) })
    const forthcoming = await givenConsultationSlug({ opensAt: fromNow(3 * DAY), closesAt: fromNow(40 * DAY) })
    const closedPage = await consultationPageFor(closed)
    expect(closedPage.consultation.status).toBe('closed')
    expect(closedPage.consultation.countdown).toBeNull()
    const forthcomingPage = await consultationPageFor(forthcoming)
    expect(forthcomingPage.consultation.status).toBe('forthcoming')
    expect(forthcomingPage.consultation.countdown).toBeNull()
  })

  test('everyone, signed in or not, sees the same public pages', async () => {
    const slug = await givenConsultationSlug()
    const draft = await givenConsultationSlug({ published: false })
    const cookies: Record<string, Record<string, string>> = { anonymous: {} }
    for (const role of ['citizen', 'official', 'admin'] as const) {
      const person = await givenPerson({ roles: role === 'citizen' ? [] : [role] })
      cookies[role] = { cookie: await cookieFor(person.id) }
    }
    for (const [role, headers] of Object.entries(cookies)) {
      const statuses = {
        list: await statusFor(() => listPage('', headers)),
        page: await statusFor(() => consultationPageFor(slug, headers)),
        draft: await statusFor(() => consultationPageFor(draft, headers)),
        home: await statusFor(() => home.loader({ request: get('/', headers), params: {}, context })),
      }
      expect(statuses, role).toEqual({ list: 200, page: 200, draft: 404, home: 200 })
    }
  })
})

describe('the seeded local democracy consultation', () => {
  test('seeding twice leaves one consultation, with its questions, open now; its companions fill the other tabs', async () => {
    await seedDemoContent()
    await seedDemoContent()

    const rows = await getDb().select().from(consultations).where(eq(consultations.slug, localDemocracySlug))
    expect(rows).toHaveLength(1)
    const seeded = rows[0]!
    expect(statusOf(seeded)).toBe('open')
    expect(seeded.title.gd).toBeTruthy()
    expect(seeded.contactEmail).toBe('localdemocracy@gov.scot.example')
    const [official] = await getDb().select({ id: users.id }).from(users).where(eq(users.email, 'official@guth.example'))
    expect(seeded.createdBy).toBe(official!.id)

    const questions = await listQuestions(seeded.id)
    expect(new Set(questions.map((q) => q.kind))).toEqual(new Set(['text', 'long_text', 'single', 'multiple', 'scale', 'yes_no', 'ranking']))
    expect(questions.filter((q) => !q.followUpOf).length).toBeGreaterThanOrEqual(10)
    // Each "please explain" comes straight after the question it follows.
    questions.forEach((question, index) => {
      if (!question.followUpOf) return
      const previous = questions[index - 1]!
      expect(previous.id === question.followUpOf || previous.followUpOf === question.followUpOf).toBe(true)
    })
    expect(questions.every((q) => q.section?.en)).toBe(true)

    const page = await consultationPageFor(localDemocracySlug)
    expect(page.consultation.countdown).toMatch(/^Closes in \d+ days\.$/)
    expect(page.headings.map((h) => h.text)).toEqual([
      'Ministerial foreword',
      'Why we are consulting',
      'What the Bill would do',
      'Who we want to hear from',
      'How we will use your views',
      'Next steps',
    ])
    expect(page.bodyHtml).toContain('<ul')

    const companions = await getDb().select().from(consultations)
    const statusOfSlug = (slug: string) => statusOf(companions.find((c) => c.slug === slug)!)
    expect(statusOfSlug('scottish-budget-engagement-2026')).toBe('closed')
    expect(statusOfSlug('open-government-action-plan-2027')).toBe('forthcoming')
    expect(companions.filter((c) => c.slug === 'scottish-budget-engagement-2026')).toHaveLength(1)
  })
})
