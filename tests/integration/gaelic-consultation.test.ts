import type { AppLoadContext } from '@remix-run/node'
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { getDashboard } from '~/modules/analysis/dashboard.server'
import { findOpenQuestion } from '~/modules/analysis/context.server'
import { addQuote, changeReport, publishReport } from '~/modules/analysis/report.server'
import { getPublicConsultation } from '~/modules/consultations/queries.server'
import { startDraft } from '~/modules/consultations/responding.server'
import { questions } from '~/modules/consultations/schema'
import { getDb } from '~/platform/db.server'
import { languageCookie } from '~/platform/i18n/i18next.server'
import * as publishedAnalysis from '~/routes/analysis.$slug._index'
import * as publishedResponses from '~/routes/analysis.$slug.responses'
import * as consultationPage from '~/routes/consultations.$slug._index'
import * as questionPage from '~/routes/consultations.$slug.respond.questions.$number'
import { localDemocracySlug } from '../../scripts/seed/consultation'
import { seedDemoContent } from '../../scripts/seed/demo'
import { givenAnalysedConsultation, givenConsultation } from '../helpers/consultations'
import { withTestDatabase } from '../helpers/db'
import { renderRoute } from '../helpers/render-route'
import { browserRequest } from '../helpers/requests'
import { givenPerson } from '../helpers/people'
import { givenResponses } from '../helpers/responses'

withTestDatabase()

const context = { cspNonce: '', requestId: 'test', csrfToken: 'test', clientIp: '127.0.0.1' } as AppLoadContext
const NOTICE_EN = 'This content is only available in English.'
const NOTICE_GD = 'Chan eil an t-susbaint seo ri fhaighinn ach sa Bheurla.'

/** The cookie the language switcher sets when someone chooses Gàidhlig. */
const gaelic = async () => [await languageCookie.serialize('gd')]
// React writes apostrophes in text as &#x27;: compare with the page's own escaping.
const html = (text: string) => text.replace(/&/g, '&amp;').replace(/'/g, '&#x27;').replace(/"/g, '&quot;')

async function demoConsultation() {
  await seedDemoContent()
  return (await getPublicConsultation(localDemocracySlug))!.consultation
}

describe('the demo consultation in the Gaelic interface', () => {
  test('the page shows the Gaelic title and summary; the English-only paper says so and is marked English', async () => {
    const consultation = await demoConsultation()
    const page = await renderRoute(consultationPage, '/consultations/:slug', browserRequest(`/consultations/${consultation.slug}`, await gaelic()), context)
    expect(page).toContain(html(consultation.title.gd!))
    expect(page).toContain(html(consultation.summary.gd!))
    expect(page).not.toContain(html(consultation.title.en))
    expect(page).toContain(NOTICE_GD)
    expect(page).toMatch(/<div class="guth-body" lang="en">/)
    expect(page).not.toMatch(/<h1[^>]*lang="en"/)
  })

  test('in the English interface there is no notice and nothing is marked as another language', async () => {
    const consultation = await demoConsultation()
    const page = await renderRoute(consultationPage, '/consultations/:slug', browserRequest(`/consultations/${consultation.slug}`), context)
    expect(page).toContain(html(consultation.title.en))
    expect(page).not.toContain(NOTICE_EN)
    expect(page).not.toContain(NOTICE_GD)
    expect(page).toMatch(/<div class="guth-body">/)
    expect(page).not.toMatch(/<(h1|div|p)[^>]*class="(ds_page-header__title|ds_leader|guth-body)"[^>]*lang=/)
  })

  test('question 1 of a response asks in Gaelic, with its Gaelic help', async () => {
    const consultation = await demoConsultation()
    const cookies = await gaelic()
    const started = await startDraft(browserRequest(`/consultations/${consultation.slug}/respond`, cookies), consultation, 'gd')
    const [first] = await getDb().select().from(questions).where(eq(questions.consultationId, consultation.id)).orderBy(questions.position).limit(1)
    const page = await renderRoute(
      questionPage,
      '/consultations/:slug/respond/questions/:number',
      browserRequest(`/consultations/${consultation.slug}/respond/questions/1`, [...cookies, ...(started.cookie ? [started.cookie] : [])]),
      context,
    )
    expect(page).toContain(html(first!.prompt.gd!))
    expect(page).toContain(html(first!.help!.gd!))
    expect(page).not.toContain(html(first!.prompt.en))
  })

  test('a question with no Gaelic version is asked in English, marked as English', async () => {
    const { consultation } = await givenConsultation({ questions: [{ kind: 'single', prompt: 'How do you travel?', options: ['By bus', 'By ferry'] }] })
    const cookies = await gaelic()
    const started = await startDraft(browserRequest(`/consultations/${consultation.slug}/respond`, cookies), consultation, 'gd')
    const page = await renderRoute(
      questionPage,
      '/consultations/:slug/respond/questions/:number',
      browserRequest(`/consultations/${consultation.slug}/respond/questions/1`, [...cookies, ...(started.cookie ? [started.cookie] : [])]),
      context,
    )
    expect(page).toContain('<span lang="en">How do you travel?</span>')
    expect(page).toContain('<span lang="en">By ferry</span>')
  })

  test('every question of the demo consultation has Gaelic prompt, help and options', async () => {
    const consultation = await demoConsultation()
    const rows = await getDb().select().from(questions).where(eq(questions.consultationId, consultation.id))
    const missing = rows.flatMap((q) => [
      ...(q.prompt.gd?.trim() ? [] : [`prompt ${q.position}`]),
      ...(q.help && !q.help.gd?.trim() ? [`help ${q.position}`] : []),
      ...(q.section && !q.section.gd?.trim() ? [`section ${q.position}`] : []),
      ...q.options.filter((o) => !o.label.gd?.trim()).map((o) => `option ${q.position} ${o.value}`),
    ])
    expect(missing).toEqual([])
  })
})

async function givenPublishedAnalysis() {
  const { consultation, questions: [closed, open] } = await givenAnalysedConsultation()
  // Gaelic for the closed question and two of its options; "Maybe" and the open question stay English only.
  await getDb()
    .update(questions)
    .set({
      prompt: { en: closed!.prompt.en, gd: 'Am bu chòir barrachd cumhachdan a bhith aig comhairlean coimhearsnachd?' },
      options: closed!.options.map((o) => ({ ...o, label: { ...o.label, ...({ yes: { gd: 'Bu chòir' }, no: { gd: 'Cha bu chòir' } } as Record<string, { gd: string }>)[o.value] } })),
    })
    .where(eq(questions.id, closed!.id))
  const answers = await givenResponses(consultation.id, [closed!.id, open!.id], [
    { type: 'individual', consent: 'anonymous', answers: { 0: ['yes'], 1: 'Community councils need budgets.' } },
    { type: 'organisation', consent: 'with_name', organisation: 'Orkney Development Trust', answers: { 0: ['maybe'], 1: 'Island communities need a say on ferries.' } },
  ])
  const official = await givenPerson({ roles: ['official'] })
  const form = new FormData()
  form.set('intent', 'add:questions:closedQuestion')
  form.set('questions-closedQuestion', closed!.id)
  form.set('questions-display', 'chart')
  form.set('section-introductionText', 'We received responses from across Scotland.')
  form.set('weDid', 'We changed the Bill.')
  await changeReport(official, consultation.id, form)
  await addQuote(official, consultation.id, answers[1]![1]!, 'questions')
  expect(await publishReport(official, consultation.id)).toEqual({ status: 'published' })
  return { consultation, closed: closed!, open: open!, official }
}

describe('the published analysis in the Gaelic interface', () => {
  test('question titles and options are in Gaelic; English standing in for Gaelic, and the English-only prose, are marked and the prose says so', async () => {
    const { consultation } = await givenPublishedAnalysis()
    const page = await renderRoute(publishedAnalysis, '/analysis/:slug', browserRequest(`/analysis/${consultation.slug}`, await gaelic()), context)
    expect(page).toContain('Ceist 1: Am bu chòir barrachd cumhachdan a bhith aig comhairlean coimhearsnachd?')
    expect(page).not.toContain('Should community councils have more powers?')
    expect(page).toContain('<th scope="row">Bu chòir</th>')
    expect(page).toContain('<th scope="row" lang="en">Maybe</th>')
    expect(page).toContain(NOTICE_GD)
    expect(page).toMatch(/<div class="guth-body" lang="en"><p[^>]*>We received responses from across Scotland.<\/p>/)
    expect(page).toContain('<span lang="en">We changed the Bill.</span>')
    expect(page).toContain(html(`Co-chomhairle ${consultation.slug}`))

    const english = await renderRoute(publishedAnalysis, '/analysis/:slug', browserRequest(`/analysis/${consultation.slug}`), context)
    expect(english).toContain('Question 1: Should community councils have more powers?')
    expect(english).not.toContain(NOTICE_EN)
    expect(english).not.toContain('lang="en"')
  })

  test('the published responses name each question in Gaelic, the English-only one marked as English', async () => {
    const { consultation } = await givenPublishedAnalysis()
    const page = await renderRoute(publishedResponses, '/analysis/:slug/responses', browserRequest(`/analysis/${consultation.slug}/responses`, await gaelic()), context)
    expect(page).toContain('Ceist 1: Am bu chòir barrachd cumhachdan a bhith aig comhairlean coimhearsnachd?')
    expect(page).toContain('Ceist 2: <span lang="en">What would make local decisions better?</span>')
    expect(page).toContain('<span lang="en">Maybe</span>')
  })

  test('officials working in Gaelic see the Gaelic question text, English where there is none marked', async () => {
    const { consultation, closed, open, official } = await givenPublishedAnalysis()
    const dashboard = await getDashboard(official, consultation.id, 'gd')
    expect(dashboard!.closed.find((q) => q.questionId === closed.id)).toMatchObject({ prompt: 'Am bu chòir barrachd cumhachdan a bhith aig comhairlean coimhearsnachd?' })
    expect(dashboard!.closed[0]!.promptLang).toBeUndefined()
    expect(dashboard!.open.find((q) => q.questionId === open.id)).toMatchObject({ prompt: open.prompt.en, promptLang: 'en' })
    expect((await findOpenQuestion(official, consultation.id, open.id, 'gd'))!.question).toMatchObject({ prompt: open.prompt.en, promptLang: 'en' })
    expect((await findOpenQuestion(official, consultation.id, open.id, 'en'))!.question.promptLang).toBeUndefined()
  })
})
