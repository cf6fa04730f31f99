import { randomUUID } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { asc, eq } from 'drizzle-orm'
import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { I18nextProvider } from '~/platform/i18n/react'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { QuestionPreview } from '~/components/QuestionPreview'
import type { PlatformRole } from '~/modules/accounts/permissions'
import { auditLog, memberships, organisations } from '~/modules/accounts/schema'
import {
  addDocument,
  addQuestion,
  type ConsultationInput,
  copyConsultation,
  createConsultation,
  deleteQuestion,
  moveQuestion,
  openDocument,
  publishConsultation,
  readConsultationBody,
  reinstateConsultation,
  retractConsultation,
  updateConsultation,
  updateQuestion,
} from '~/modules/consultations/commands.server'
import type { QuestionInput } from '~/modules/consultations/forms-authoring'
import { notifyConsultationMilestones } from '~/modules/consultations/notify.server'
import { getConsultationById, listQuestions } from '~/modules/consultations/queries.server'
import type { QuestionView } from '~/modules/consultations/questions'
import { answers, consultations, responses } from '~/modules/consultations/schema'
import { getConnection, getDb } from '~/platform/db.server'
import { setEnvForTests } from '~/platform/env.server'
import { getI18n } from '~/platform/i18n/i18next.server'
import { stopJobs } from '~/platform/jobs.server'
import * as download from '~/routes/documents.$documentId'
import * as overview from '~/routes/manage.consultations.$id._index'
import * as documentsPage from '~/routes/manage.consultations.$id.documents'
import * as preview from '~/routes/manage.consultations.$id.preview'
import * as editQuestion from '~/routes/manage.consultations.$id.questions.$questionId'
import * as newQuestion from '~/routes/manage.consultations.$id.questions.new'
import * as list from '~/routes/manage.consultations._index'
import * as newConsultation from '~/routes/manage.consultations.new'
import { withTestDatabase } from '../helpers/db'
import { CSRF, cookieFor, type Loader, loaderOutcome, routeContext } from '../helpers/http'
import { givenPerson } from '../helpers/people'

withTestDatabase()

beforeAll(() => {
  setEnvForTests({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'guth-authoring-')), PUBLIC_URL: 'https://guth.example' })
})

afterAll(async () => {
  await stopJobs()
  setEnvForTests({})
})

const unique = () => randomUUID().slice(0, 8)

const details = (overrides: Partial<ConsultationInput> = {}): ConsultationInput => ({
  titleEn: `Bringing decisions closer to communities ${unique()}`,
  titleGd: 'A’ toirt cho-dhùnaidhean nas fhaisge air coimhearsnachdan',
  summaryEn: 'Our proposals for a Local Democracy Bill.',
  team: 'Local Democracy Team',
  contactEmail: 'LocalDemocracy@gov.scot',
  opensDate: '1/4/2027',
  opensTime: '09:00',
  closesDate: '2027-06-30',
  closesTime: '23:59',
  ...overrides,
})

async function givenDraft(official: { id: string; roles: PlatformRole[] }, overrides: Partial<ConsultationInput> = {}) {
  const created = await createConsultation(official, details(overrides))
  if (!created.ok) throw new Error(`consultation not created: ${JSON.stringify(created)}`)
  return created
}

const question = (overrides: Partial<QuestionInput> = {}): QuestionInput => ({ kind: 'long_text', promptEn: 'What do you think?', ...overrides })

async function expectForbidden(attempt: Promise<unknown>) {
  const outcome = await attempt.then(
    () => 'allowed',
    (error: unknown) => error,
  )
  expect(outcome).toBeInstanceOf(Response)
  expect((outcome as Response).status).toBe(403)
}

const minimalPdf = () =>
  new File(
    [
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/MediaBox[0 0 3 3]/Parent 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    ],
    'Consultation paper.pdf',
    { type: 'application/pdf' },
  )

test('a citizen cannot write, publish or change consultations', async () => {
  const citizen = await givenPerson()
  const moderator = await givenPerson({ roles: ['moderator'] })
  const official = await givenPerson({ roles: ['official'] })
  const draft = await givenDraft(official)
  await expectForbidden(createConsultation(citizen, details()))
  await expectForbidden(updateConsultation(moderator, draft.id, details()))
  await expectForbidden(addQuestion(citizen, draft.id, question()))
  await expectForbidden(publishConsultation(citizen, draft.id))
  await expectForbidden(copyConsultation(moderator, draft.id))
  await expectForbidden(addDocument(citizen, draft.id, minimalPdf(), { kind: 'consultation_paper', titleEn: 'Paper' }))
})

test('an official writes a consultation with every kind of question and a follow-up, then publishes it', async () => {
  const official = await givenPerson({ roles: ['official'] })
  const draft = await givenDraft(official, { slug: '' })
  expect(draft.slug).toMatch(/^bringing-decisions-closer-to-communities-[a-z0-9]+$/)

  const added: Record<string, string> = {}
  for (const kind of ['text', 'long_text', 'single', 'multiple', 'scale', 'yes_no'] as const) {
    const outcome = await addQuestion(official, draft.id, {
      kind,
      promptEn: `A ${kind} question`,
      promptGd: `Ceist ${kind}`,
      required: kind !== 'multiple',
      charLimit: kind === 'long_text' ? '1200' : kind === 'single' ? 'ignored for choices' : undefined,
      options: 'Yes, in person | Tha, gu pearsanta\nOnline\nYes, in person!',
      sectionEn: kind === 'single' ? 'About you' : undefined,
    })
    expect(outcome, kind).toMatchObject({ ok: true })
    if (outcome.ok) added[kind] = outcome.id
  }
  const followUp = await addQuestion(official, draft.id, { followUpOf: added.scale, promptEn: '' })
  expect(followUp).toMatchObject({ ok: true })
  expect(await addQuestion(official, draft.id, { followUpOf: added.scale, promptEn: 'Again' })).toMatchObject({
    ok: false,
    reason: 'invalid',
    fieldErrors: { followUpOf: ['manage:errors.followUpInvalid'] },
  })
  expect(await addQuestion(official, draft.id, { followUpOf: added.text, promptEn: 'Explain' })).toMatchObject({ ok: false, reason: 'invalid' })

  const questions = await listQuestions(draft.id)
  expect(questions.map((q) => q.kind)).toEqual(['text', 'long_text', 'single', 'multiple', 'scale', 'long_text', 'yes_no'])
  expect(questions.map((q) => q.position)).toEqual([1, 2, 3, 4, 5, 6, 7])
  const explain = questions[5]!
  expect(explain).toMatchObject({ followUpOf: added.scale, prompt: { en: 'Please explain your answer', gd: 'Mìnich do fhreagairt, mas e do thoil e' } })
  const single = questions.find((q) => q.kind === 'single')!
  expect(single.options).toEqual([
    { value: 'yes-in-person', label: { en: 'Yes, in person', gd: 'Tha, gu pearsanta' } },
    { value: 'online', label: { en: 'Online' } },
    { value: 'yes-in-person-2', label: { en: 'Yes, in person!' } },
  ])
  expect(single.charLimit).toBeNull()
  expect(single.section).toEqual({ en: 'About you' })
  expect(questions.find((q) => q.kind === 'long_text')!.charLimit).toBe(1200)
  expect(questions.find((q) => q.kind === 'scale')!.options).toEqual([])

  // Rewording and reordering choices keeps the values answers are stored under.
  const reworded = await updateQuestion(official, draft.id, single.id, { kind: 'single', promptEn: 'How?', options: 'Online | Air loidhne\nYes, in person\nBy post' })
  expect(reworded).toMatchObject({ ok: true })
  expect((await listQuestions(draft.id)).find((q) => q.id === single.id)!.options.map((o) => o.value)).toEqual(['online', 'yes-in-person', 'by-post'])
  expect(await updateQuestion(official, draft.id, added.scale!, { kind: 'text', promptEn: 'Now text' })).toMatchObject({
    ok: false,
    fieldErrors: { kind: ['manage:errors.kindHasFollowUp'] },
  })
  expect(await addQuestion(official, draft.id, { kind: 'single', promptEn: 'One choice only', options: 'Just one' })).toMatchObject({
    ok: false,
    fieldErrors: { options: ['manage:errors.optionsTooFew'] },
  })

  // The scale question moves up with its follow-up.
  expect(await moveQuestion(official, draft.id, added.scale!, 'up')).toEqual({ ok: true })
  expect((await listQuestions(draft.id)).map((q) => q.kind)).toEqual(['text', 'long_text', 'single', 'scale', 'long_text', 'multiple', 'yes_no'])
  expect(await moveQuestion(official, draft.id, added.text!, 'up')).toEqual({ ok: false, reason: 'cannot_move' })

  expect(await publishConsultation(official, draft.id)).toEqual({ ok: true })
  expect(await publishConsultation(official, draft.id)).toEqual({ ok: false, reason: 'already_published' })
  const published = await getConsultationById(draft.id)
  expect(published!.publishedAt).toBeInstanceOf(Date)

  expect(await retractConsultation(official, draft.id)).toEqual({ ok: true })
  expect((await getConsultationById(draft.id))!.retractedAt).toBeInstanceOf(Date)
  expect(await reinstateConsultation(official, draft.id)).toEqual({ ok: true })
  expect((await getConsultationById(draft.id))!.retractedAt).toBeNull()

  const audited = await getDb().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.actorId, official.id)).orderBy(asc(auditLog.createdAt))
  expect(audited.map((row) => row.action)).toEqual(
    expect.arrayContaining(['consultation.created', 'question.added', 'question.updated', 'question.moved', 'consultation.published', 'consultation.retracted', 'consultation.reinstated']),
  )
})

test('the consultation paper is read from the form, keeps its block ids, and may be left empty', async () => {
  const official = await givenPerson({ roles: ['official'] })
  const draft = await givenDraft(official)
  const form = new FormData()
  form.set('bodyText', '## Why\n\nBecause decisions belong close to people.')
  const read = readConsultationBody(form, null)
  if (!read.ok || !read.doc) throw new Error('body not read')
  expect(await updateConsultation(official, draft.id, details({ slug: draft.slug, body: read.doc }))).toMatchObject({ ok: true })
  const stored = (await getConsultationById(draft.id))!.body as { content: { type: string; attrs: { id: string } }[] }
  expect(stored.content.map((block) => block.type)).toEqual(['heading', 'paragraph'])
  form.set('bodyText', '## Why\n\nBecause decisions belong close to people.\n\nA new paragraph.')
  const again = readConsultationBody(form, stored as never)
  expect(again.ok && again.doc!.content.slice(0, 2).map((block) => block.attrs?.id)).toEqual(stored.content.map((block) => block.attrs.id))
  const empty = new FormData()
  empty.set('bodyText', '   ')
  expect(readConsultationBody(empty, null)).toEqual({ ok: true, doc: null })
})

test('deleting a question takes unfinished responses’ answers to it (and its follow-up) with it', async () => {
  const official = await givenPerson({ roles: ['official'] })
  const draft = await givenDraft(official)
  const asked = await addQuestion(official, draft.id, { kind: 'yes_no', promptEn: 'Do you agree?' })
  const kept = await addQuestion(official, draft.id, question())
  if (!asked.ok || !kept.ok) throw new Error('questions not added')
  const explain = await addQuestion(official, draft.id, { followUpOf: asked.id, promptEn: 'Why?' })
  if (!explain.ok) throw new Error('follow-up not added')
  const [response] = await getDb().insert(responses).values({ consultationId: draft.id, reference: `REF-${unique()}` }).returning()
  await getDb()
    .insert(answers)
    .values([
      { responseId: response!.id, questionId: asked.id, choices: ['yes'] },
      { responseId: response!.id, questionId: explain.id, text: 'Because' },
      { responseId: response!.id, questionId: kept.id, text: 'Kept' },
    ])
  expect(await deleteQuestion(official, draft.id, asked.id)).toEqual({ ok: true })
  expect((await getDb().select().from(answers).where(eq(answers.responseId, response!.id))).map((a) => a.text)).toEqual(['Kept'])
  expect((await listQuestions(draft.id)).map((q) => [q.id, q.position])).toEqual([[kept.id, 1]])
})

test('a consultation without questions cannot be published', async () => {
  const official = await givenPerson({ roles: ['official'] })
  const draft = await givenDraft(official)
  expect(await publishConsultation(official, draft.id)).toEqual({ ok: false, reason: 'no_questions' })
  expect((await getConsultationById(draft.id))!.publishedAt).toBeNull()
})

describe('dates are Scottish dates and times', () => {
  test('closing before opening is refused', async () => {
    const official = await givenPerson({ roles: ['official'] })
    expect(await createConsultation(official, details({ opensDate: '2027-06-30', closesDate: '2027-04-01' }))).toMatchObject({
      ok: false,
      fieldErrors: { closesDate: ['manage:errors.closesBeforeOpens'] },
    })
    expect(await createConsultation(official, details({ opensDate: '2027-06-30', opensTime: '23:59', closesDate: '2027-06-30', closesTime: '23:59' }))).toMatchObject({
      ok: false,
      fieldErrors: { closesDate: ['manage:errors.closesBeforeOpens'] },
    })
  })

  test('31 February and a missing hour are refused', async () => {
    const official = await givenPerson({ roles: ['official'] })
    expect(await createConsultation(official, details({ closesDate: '31/2/2027' }))).toMatchObject({
      ok: false,
      fieldErrors: { closesDate: ['manage:errors.dateImpossible'] },
    })
    expect(await createConsultation(official, details({ opensTime: '' }))).toMatchObject({ ok: false, fieldErrors: { opensTime: ['manage:errors.opensTimeMissing'] } })
    expect(await createConsultation(official, details({ closesTime: '25:00' }))).toMatchObject({ ok: false, fieldErrors: { closesTime: ['manage:errors.timeFormat'] } })
  })

  test('a time in the hour the clocks skip in spring is refused', async () => {
    const official = await givenPerson({ roles: ['official'] })
    // The clocks go forward at 1am on 28 March 2027: 01:30 that night never happens.
    expect(await createConsultation(official, details({ opensDate: '28/03/2027', opensTime: '01:30' }))).toMatchObject({
      ok: false,
      fieldErrors: { opensTime: ['manage:errors.timeSkipped'] },
    })
  })

  test('a closing time in British Summer Time is stored as the right instant', async () => {
    const official = await givenPerson({ roles: ['official'] })
    const draft = await givenDraft(official, { opensDate: '2027-03-01', opensTime: '9:00', closesDate: '30/06/2027', closesTime: '23:59' })
    const stored = await getConsultationById(draft.id)
    expect(stored!.opensAt.toISOString()).toBe('2027-03-01T09:00:00.000Z')
    expect(stored!.closesAt.toISOString()).toBe('2027-06-30T22:59:00.000Z')
  })

  test('a web address already in use is a field error', async () => {
    const official = await givenPerson({ roles: ['official'] })
    const first = await givenDraft(official)
    expect(await createConsultation(official, details({ slug: first.slug }))).toEqual({ ok: false, reason: 'invalid', fieldErrors: { slug: ['manage:errors.slugTaken'] } })
    const second = await givenDraft(official)
    expect(await updateConsultation(official, second.id, details({ slug: first.slug }))).toMatchObject({ ok: false, fieldErrors: { slug: ['manage:errors.slugTaken'] } })
  })
})

test('questions lock with the first response, and a copy is a new draft that can change', async () => {
  const official = await givenPerson({ roles: ['official'] })
  const draft = await givenDraft(official, { slug: `local-democracy-${unique()}` })
  const closed = await addQuestion(official, draft.id, { kind: 'yes_no', promptEn: 'Do you agree?' })
  const open = await addQuestion(official, draft.id, question())
  if (!closed.ok || !open.ok) throw new Error('questions not added')
  await addQuestion(official, draft.id, { followUpOf: closed.id, promptEn: 'Why?' })
  await publishConsultation(official, draft.id)
  await getDb().update(consultations).set({ questionsLockedAt: new Date() }).where(eq(consultations.id, draft.id))

  const locked = { ok: false, reason: 'questions_locked' }
  expect(await addQuestion(official, draft.id, question())).toEqual(locked)
  expect(await updateQuestion(official, draft.id, open.id, question({ promptEn: 'Changed' }))).toEqual(locked)
  expect(await deleteQuestion(official, draft.id, open.id)).toEqual(locked)
  expect(await moveQuestion(official, draft.id, open.id, 'up')).toEqual(locked)
  expect((await listQuestions(draft.id)).map((q) => q.prompt.en)).toEqual(['Do you agree?', 'Why?', 'What do you think?'])

  const copy = await copyConsultation(official, draft.id)
  expect(copy).toMatchObject({ ok: true, slug: `${draft.slug}-v2` })
  if (!copy.ok) return
  const stored = await getConsultationById(copy.id)
  expect(stored).toMatchObject({ publishedAt: null, questionsLockedAt: null, title: (await getConsultationById(draft.id))!.title })
  const copied = await listQuestions(copy.id)
  expect(copied.map((q) => q.prompt.en)).toEqual(['Do you agree?', 'Why?', 'What do you think?'])
  expect(copied[1]!.followUpOf).toBe(copied[0]!.id)
  expect(await updateQuestion(official, copy.id, copied[2]!.id, question({ promptEn: 'Changed' }))).toMatchObject({ ok: true })
  expect(await deleteQuestion(official, copy.id, copied[0]!.id)).toEqual({ ok: true })
  expect((await listQuestions(copy.id)).map((q) => [q.prompt.en, q.position])).toEqual([['Changed', 1]])

  expect(await copyConsultation(official, copy.id)).toMatchObject({ ok: true, slug: `${draft.slug}-v3` })
})

describe('documents', () => {
  test('a text file renamed .pdf is refused; a real PDF is stored and served', async () => {
    const official = await givenPerson({ roles: ['official'] })
    const draft = await givenDraft(official)
    const renamed = new File(['This is not a PDF at all.\n'], 'paper.pdf', { type: 'application/pdf' })
    expect(await addDocument(official, draft.id, renamed, { kind: 'consultation_paper', titleEn: 'Paper' })).toEqual({ ok: false, reason: 'file_type' })
    expect(await addDocument(official, draft.id, renamed, { kind: 'easy_read', titleEn: 'Easy Read' })).toEqual({ ok: false, reason: 'file_type' })
    const zip = new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])], 'archive.docx')
    expect(await addDocument(official, draft.id, zip, { kind: 'other', titleEn: 'Zip' })).toEqual({ ok: false, reason: 'file_type' })
    expect(await addDocument(official, draft.id, new File([], 'empty.pdf'), { kind: 'other', titleEn: 'Empty' })).toEqual({ ok: false, reason: 'file_missing' })

    const easyRead = await addDocument(official, draft.id, new File(['Easy Read words.\n'], 'easy read.txt'), { kind: 'easy_read', titleEn: 'Easy Read' })
    expect(easyRead).toMatchObject({ ok: true })
    const stored = await addDocument(official, draft.id, minimalPdf(), { kind: 'consultation_paper', titleEn: 'Consultation paper', titleGd: 'Pàipear' })
    expect(stored).toMatchObject({ ok: true })
    if (!stored.ok) return

    // A draft's documents are for officials only.
    expect(await openDocument(null, stored.id)).toBeNull()
    const response = await download.loader({ request: new Request(`http://localhost/documents/${stored.id}`, { headers: { cookie: await cookieFor(official.id) } }), params: { documentId: stored.id }, context: routeContext })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    expect(response.headers.get('content-disposition')).toBe(`inline; filename="Consultation paper.pdf"; filename*=UTF-8''Consultation%20paper.pdf`)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    expect(await response.text()).toMatch(/^%PDF-1\.4/)

    await addQuestion(official, draft.id, question())
    await publishConsultation(official, draft.id)
    const opened = await openDocument(null, stored.id)
    expect(opened).toMatchObject({ isPublic: true, document: { mime: 'application/pdf', fileName: 'Consultation paper.pdf' } })
  })

  test('an upload over 20 MB gets a clear 400, not a server error', async () => {
    const official = await givenPerson({ roles: ['official'] })
    const draft = await givenDraft(official)
    const form = new FormData()
    form.set('csrf', CSRF)
    form.set('kind', 'consultation_paper')
    form.set('titleEn', 'Too big')
    form.set('file', new File([new Uint8Array(20 * 1024 * 1024 + 1)], 'big.pdf', { type: 'application/pdf' }))
    const request = new Request(`http://localhost/manage/consultations/${draft.id}/documents`, { method: 'POST', body: form, headers: { cookie: await cookieFor(official.id) } })
    const result = (await documentsPage.action({ request, params: { id: draft.id }, context: routeContext })) as { init: { status: number }; data: { fileError: string } }
    expect(result.init.status).toBe(400)
    expect(result.data.fileError).toBe('manage:errors.fileTooLarge')
  })
})

test('officials hear once, in their own language, when a consultation opens and when it closes', async () => {
  const official = await givenPerson({ roles: ['official'] })
  await givenPerson({ roles: ['admin'], locale: 'gd' })
  const draft = await givenDraft(official, { opensDate: '2020-01-01', closesDate: '2037-01-01' })
  await addQuestion(official, draft.id, question())
  await publishConsultation(official, draft.id)
  const title = (await getConsultationById(draft.id))!.title.en

  const recipients = await getConnection().query<{ n: number }>(
    `SELECT count(DISTINCT u.id)::int AS n FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role IN ('official', 'admin')`,
  )
  const mailAbout = () =>
    getConnection().query<{ to: string; subject: string; text: string }>(
      `SELECT data->>'to' AS to, data->>'subject' AS subject, data->>'text' AS text FROM pgboss.job WHERE name = 'send-email' AND data->>'text' LIKE $1`,
      [`%/manage/consultations/${draft.id}%`],
    )
  // The opening was long ago (more than a week): it is marked without anyone being told.
  await notifyConsultationMilestones()
  expect(await mailAbout()).toEqual([])
  expect((await getConsultationById(draft.id))!.openedNotifiedAt).toBeInstanceOf(Date)

  await getDb().update(consultations).set({ opensAt: new Date(Date.now() - 60_000), openedNotifiedAt: null }).where(eq(consultations.id, draft.id))
  await notifyConsultationMilestones()
  await notifyConsultationMilestones()
  const opened = await mailAbout()
  expect(opened).toHaveLength(recipients[0]!.n)
  expect(new Set(opened.map((mail) => mail.to)).size).toBe(opened.length)
  expect(opened.find((mail) => mail.to === official.email)).toMatchObject({ subject: `Now open: ${title}` })
  expect(opened.filter((mail) => mail.subject.startsWith('Fosgailte a-nis:'))).not.toHaveLength(0)
  expect(opened.find((mail) => mail.to === official.email)!.text).toContain(`https://guth.example/manage/consultations/${draft.id}`)

  await getDb().update(consultations).set({ closesAt: new Date(Date.now() - 1000) }).where(eq(consultations.id, draft.id))
  await notifyConsultationMilestones()
  await notifyConsultationMilestones()
  const all = await mailAbout()
  expect(all.filter((mail) => mail.subject.startsWith('Now closed') || mail.subject.startsWith('Dùinte a-nis'))).toHaveLength(recipients[0]!.n)
  expect((await getConsultationById(draft.id))!.closedNotifiedAt).toBeInstanceOf(Date)
})

// Each authoring page as each kind of person (anonymous people are sent to sign in).


test('every authoring page answers each kind of person as it should', async () => {
  const official = await givenPerson({ roles: ['official'] })
  const draft = await givenDraft(official)
  const added = await addQuestion(official, draft.id, { kind: 'single', promptEn: 'Which?', options: 'This\nThat' })
  const document = await addDocument(official, draft.id, minimalPdf(), { kind: 'consultation_paper', titleEn: 'Paper' })
  if (!added.ok || !document.ok) throw new Error('setup failed')
  const organiser = await givenPerson()
  const [organisation] = await getDb().insert(organisations).values({ slug: `org-${unique()}`, name: { en: 'Org' } }).returning()
  await getDb().insert(memberships).values({ organisationId: organisation!.id, userId: organiser.id, role: 'admin', status: 'approved' })
  const people = {
    anonymous: null,
    citizen: await givenPerson(),
    organiser,
    moderator: await givenPerson({ roles: ['moderator'] }),
    official,
    admin: await givenPerson({ roles: ['admin'] }),
  }
  const base = `/manage/consultations/${draft.id}`
  const pages: [string, Loader, string, Record<string, string>][] = [
    ['list', list.loader as Loader, '/manage/consultations', {}],
    ['new', newConsultation.loader as Loader, '/manage/consultations/new', {}],
    ['overview', overview.loader as Loader, base, { id: draft.id }],
    ['new question', newQuestion.loader as Loader, `${base}/questions/new`, { id: draft.id }],
    ['follow-up', newQuestion.loader as Loader, `${base}/questions/new?followUpOf=${added.id}`, { id: draft.id }],
    ['question', editQuestion.loader as Loader, `${base}/questions/${added.id}`, { id: draft.id, questionId: added.id }],
    ['documents', documentsPage.loader as Loader, `${base}/documents`, { id: draft.id }],
    ['preview', preview.loader as Loader, `${base}/preview`, { id: draft.id }],
    ['draft document', download.loader as Loader, `/documents/${document.id}`, { documentId: document.id }],
  ]
  const seen: Record<string, Record<string, number>> = {}
  for (const [name, loader, url, params] of pages) {
    seen[name] = {}
    for (const [role, person] of Object.entries(people)) {
      seen[name][role] = (await loaderOutcome(loader, url, params, person ? await cookieFor(person.id) : undefined)).status
    }
  }
  const officialsOnly = { anonymous: 302, citizen: 403, organiser: 403, moderator: 403, official: 200, admin: 200 }
  expect(seen).toEqual({
    list: officialsOnly,
    new: officialsOnly,
    overview: officialsOnly,
    'new question': officialsOnly,
    'follow-up': officialsOnly,
    question: officialsOnly,
    documents: officialsOnly,
    preview: officialsOnly,
    'draft document': { anonymous: 404, citizen: 404, organiser: 404, moderator: 404, official: 200, admin: 200 },
  })
  expect((await loaderOutcome(overview.loader as Loader, '/manage/consultations/not-a-uuid', { id: 'not-a-uuid' }, await cookieFor(official.id))).status).toBe(404)
  expect((await loaderOutcome(newQuestion.loader as Loader, `${base}/questions/new?followUpOf=${randomUUID()}`, { id: draft.id }, await cookieFor(official.id))).status).toBe(404)
})

test('a form without its CSRF token changes nothing', async () => {
  const official = await givenPerson({ roles: ['official'] })
  const draft = await givenDraft(official)
  await addQuestion(official, draft.id, question())
  const form = new URLSearchParams({ intent: 'publish' })
  const request = new Request(`http://localhost/manage/consultations/${draft.id}`, {
    method: 'POST',
    body: form,
    headers: { cookie: await cookieFor(official.id), 'content-type': 'application/x-www-form-urlencoded' },
  })
  await expectForbidden(overview.action({ request, params: { id: draft.id }, context: routeContext }))
  expect((await getConsultationById(draft.id))!.publishedAt).toBeNull()

  form.set('csrf', CSRF)
  const signed = new Request(request.url, { method: 'POST', body: form, headers: request.headers })
  const response = (await overview.action({ request: signed, params: { id: draft.id }, context: routeContext })) as Response
  expect(response.status).toBe(303)
  expect(response.headers.get('location')).toBe(`/manage/consultations/${draft.id}?done=published`)
  expect((await getConsultationById(draft.id))!.publishedAt).toBeInstanceOf(Date)
})

describe('a question as respondents see it', () => {
  const view = (overrides: Partial<QuestionView>): QuestionView => ({
    id: '00000000-0000-4000-8000-000000000001',
    position: 1,
    kind: 'long_text',
    prompt: { en: 'What should change?', gd: 'Dè bu chòir atharrachadh?' },
    help: null,
    section: null,
    options: [],
    required: true,
    followUpOf: null,
    charLimit: 800,
    ...overrides,
  })
  async function render(props: Parameters<typeof QuestionPreview>[0], language: 'en' | 'gd' = 'en') {
    const i18n = await getI18n(language)
    return renderToString(createElement(I18nextProvider, { i18n }, createElement(QuestionPreview, props)))
  }

  test('long text carries the design system character count in English, and the limit as a hint', async () => {
    const html = await render({ question: view({}), language: 'en', mode: 'answer', values: { '00000000-0000-4000-8000-000000000001': { text: 'Tha', choices: [] } } })
    expect(html).toContain('data-module="ds-character-count"')
    expect(html).toContain('data-maxlength="800"')
    expect(html).toContain('You can enter up to 800 characters')
    expect(html).toContain('name="q-00000000-0000-4000-8000-000000000001"')
    expect(html).toContain('>Tha</textarea>')
    const gaelic = await render({ question: view({}), language: 'gd', mode: 'answer', errors: { '00000000-0000-4000-8000-000000000001': 'respond:errors.answerMissing' } }, 'gd')
    expect(gaelic).not.toContain('data-module')
    expect(gaelic).toContain('Dè bu chòir atharrachadh?')
    expect(gaelic).toContain('Faodaidh tu suas ri 800 caractar a chur a-steach')
    expect(gaelic).toContain('ds_question--error')
  })

  test('closed questions are radios or checkboxes, with the follow-up under them; a preview cannot be filled in', async () => {
    const scale = view({ kind: 'scale', charLimit: null })
    const followUp = view({ id: '00000000-0000-4000-8000-000000000002', kind: 'long_text', prompt: { en: 'Please explain your answer' }, followUpOf: scale.id, charLimit: null })
    const html = await render({ question: scale, followUp, language: 'en', mode: 'preview' })
    expect(html.match(/type="radio"/g)).toHaveLength(5)
    expect(html).toContain('Strongly agree')
    expect(html).toContain('Please explain your answer')
    expect(html).toContain('You can enter up to 10000 characters')
    expect(html.match(/disabled=""/g)).toHaveLength(6)
    const multiple = view({ kind: 'multiple', options: [{ value: 'a', label: { en: 'A' } }, { value: 'b', label: { en: 'B' } }], charLimit: null })
    const ticked = await render({ question: multiple, language: 'en', mode: 'answer', values: { [multiple.id]: { text: null, choices: ['b'] } } })
    expect(ticked.match(/type="checkbox"/g)).toHaveLength(2)
    expect(ticked).toMatch(/value="b" checked=""|checked="" value="b"/)
  })
})
