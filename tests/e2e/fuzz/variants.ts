import { multipart, type Pairs, urlencoded, type Value } from './client'
import type { Field, ParsedForm } from './forms'

export const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000'
const HONEYPOT = 'website_url'
const CSRF = 'csrf'
const MB = 1024 * 1024
// Each field of a form is spoiled on its own; past this many, the rest are alike (one per block or
// question) and would only make the run longer.
export const FIELDS_SPOILED_ONE_BY_ONE = 30
const spoiledOneByOne = (form: ParsedForm, fields: Field[]) => {
  const some = fields.slice(0, FIELDS_SPOILED_ONE_BY_ONE)
  const button = fields.find((f) => f.name === form.submitter?.name)
  return button && !some.includes(button) ? [...some, button] : some
}
const uuidLike = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** One request to send: a body already encoded, and what it is meant to show. */
export interface Variant {
  name: string
  field?: string
  body: Buffer | string
  contentType: string
  /** A body that cannot be stored or cannot mean anything: it must be refused. */
  mustRefuse?: boolean
}

const isSplitDate = (name: string) => /(^|[-_.])(day|month|year)$/i.test(name)
const isDateish = (f: Field) =>
  ['date', 'datetime-local', 'month', 'time'].includes(f.kind) ||
  (['text', 'hidden'].includes(f.kind) && (/(date|_at$|At$|starts|ends|opens|closes|deadline)/.test(f.name) || isSplitDate(f.name)))

// A new address each time, so a per-address limit never refuses the sensible form.
let addresses = 0

/** What a person would plausibly type into an empty field, so the rest of the form passes. */
function plausible(field: Field): string {
  const { name, kind } = field
  if (kind === 'email' || /email/i.test(name)) return `fuzz-${++addresses}@example.org`
  if (kind === 'number') return field.min && Number(field.min) > 0 ? field.min : '1'
  if (kind === 'date') return '2027-06-15'
  if (kind === 'datetime-local') return '2027-06-15T10:00'
  if (kind === 'time') return '10:00'
  if (kind === 'month') return '2027-06'
  if (kind === 'url' || /(^|_)url$|link|website/i.test(name)) return 'https://example.org/fuzz'
  if (kind === 'tel' || /phone|tel$/i.test(name)) return '0131 496 0000'
  if (/(^|[-_.])day$/i.test(name)) return '15'
  if (/(^|[-_.])month$/i.test(name)) return '6'
  if (/(^|[-_.])year$/i.test(name)) return '2027'
  if (/time$/i.test(name)) return '10:00'
  if (/date$|_at$|At$/.test(name)) return '2027-06-15'
  if (/postcode/i.test(name)) return 'EH1 3DG'
  if (/^code$/i.test(name)) return '123456'
  if (/slug/i.test(name)) return 'fuzz-slug'
  if (/capacity|count|limit|position|number|amount|target/i.test(name)) return '10'
  if (kind === 'textarea') return 'A fuzz test wrote this text.'
  return 'Fuzz test'
}

/** The values this field is sent with by someone filling the form in sensibly. */
export function baselineValues(field: Field): Value[] {
  if (field.name === HONEYPOT) return ['']
  switch (field.kind) {
    case 'hidden':
      return field.values
    case 'checkbox':
      return field.values.length || !field.required ? field.values : field.options.slice(0, 1)
    case 'radio':
      return field.values.length ? field.values.slice(0, 1) : field.options.slice(0, 1)
    case 'select':
    case 'select-multiple': {
      if (field.values.some((v) => v !== '')) return field.values
      const first = field.options.find((o) => o !== '')
      return first === undefined ? field.values : [first]
    }
    case 'file':
      return [{ filename: '', type: 'application/octet-stream', content: Buffer.alloc(0) }]
    default:
      return field.values.map((v) => (v === '' ? plausible(field) : v))
  }
}

/** The form's fields plus the button it is sent with, as one list. */
export function fieldsOf(form: ParsedForm): Field[] {
  const fields = form.fields.filter((f) => f.name !== CSRF)
  if (form.submitter && !fields.some((f) => f.name === form.submitter!.name)) {
    fields.push({ name: form.submitter.name, kind: 'hidden', values: [form.submitter.value], options: [form.submitter.value], required: true })
  }
  return fields
}

type Override = Record<string, Value[]>

function pairsFor(form: ParsedForm, csrf: string | undefined, override: Override = {}): Pairs {
  const pairs: Pairs = csrf === undefined ? [] : [[CSRF, csrf]]
  for (const field of fieldsOf(form)) {
    for (const value of override[field.name] ?? baselineValues(field)) pairs.push([field.name, value])
  }
  return pairs
}

function encode(pairs: Pairs, enctype: ParsedForm['enctype']) {
  if (enctype === 'multipart/form-data') {
    const { body, contentType } = multipart(pairs)
    return { body, contentType }
  }
  return { body: urlencoded(pairs), contentType: 'application/x-www-form-urlencoded' }
}

const other = (enctype: ParsedForm['enctype']) =>
  enctype === 'multipart/form-data' ? 'application/x-www-form-urlencoded' : 'multipart/form-data'

function wrongTypes(field: Field): string[] {
  const single = field.values[0] ?? ''
  switch (field.kind) {
    case 'number':
      return ['abc', '-1', '99999999999999999999', '1.5e400']
    case 'date':
    case 'datetime-local':
    case 'time':
    case 'month':
      return ['abc']
    case 'select':
    case 'select-multiple':
    case 'radio':
    case 'checkbox':
      return ['no-such-option']
    case 'email':
      return ['not-an-email']
    case 'url':
      return ['not a url']
    case 'hidden':
      return uuidLike.test(single) ? ['not-a-uuid', NO_SUCH_ID] : /^\d+$/.test(single) ? ['abc', '-1', '99999999999999999999'] : ['no-such-option']
    default:
      return isDateish(field) ? ['abc'] : []
  }
}

function impossibleDate(field: Field, which: 0 | 1 | 2): string {
  if (isSplitDate(field.name)) {
    const parts = [
      { day: '30', month: '2', year: '2026' },
      { day: '1', month: '1', year: '99999' },
      { day: '45', month: '13', year: '2026' },
    ][which]!
    return /day$/i.test(field.name) ? parts.day : /month$/i.test(field.name) ? parts.month : parts.year
  }
  const date = ['2026-02-30', '99999-01-01', '2026-13-45'][which]!
  if (field.kind === 'datetime-local' || /_at$|At$/.test(field.name)) return `${date}T10:00`
  if (field.kind === 'time' || /time$/i.test(field.name)) return ['24:00', '99:99', '10:61'][which]!
  if (field.kind === 'month') return ['2026-00', '99999-01', '2026-13'][which]!
  return date
}

const huge = (field: Field, size: number) =>
  field.kind === 'email' || /email/i.test(field.name) ? `${'a'.repeat(size - 12)}@example.org` : 'a'.repeat(size)

/**
 * Every way the issue asks a form to be mangled, in a fixed order: whole-form variants first,
 * then each field spoiled on its own while the rest of the form stays sensible.
 */
export function formVariants(form: ParsedForm, csrf: string): Variant[] {
  const fields = fieldsOf(form)
  const variants: Variant[] = []
  const add = (name: string, pairs: Pairs, enctype = form.enctype, extra: Partial<Variant> = {}) =>
    variants.push({ name, ...encode(pairs, enctype), ...extra })

  add('empty (csrf only)', [[CSRF, csrf]])
  const json: Record<string, unknown> = {}
  for (const [name, value] of pairsFor(form, csrf)) {
    const text = typeof value === 'string' ? value : value.filename
    json[name] = name in json ? [json[name], text].flat() : text
  }
  variants.push({ name: 'JSON body', body: JSON.stringify(json), contentType: 'application/json' })
  add(form.enctype === 'multipart/form-data' ? 'urlencoded where multipart is expected' : 'multipart where urlencoded is expected', pairsFor(form, csrf), other(form.enctype))

  const spoilable = fields.filter((f) => f.name !== HONEYPOT)
  const everyField = (value: string) => Object.fromEntries(spoilable.map((f) => [f.name, [value]]))
  if (spoilable.length) {
    add('NUL in every field', pairsFor(form, csrf, everyField('a\u0000b')), form.enctype, { mustRefuse: true })
    add('lone surrogate in every field', pairsFor(form, csrf, everyField('a\uD800b')), other(form.enctype))
  }
  add(
    'duplicate field names',
    pairsFor(form, csrf).flatMap(([name, value]) => (name === CSRF ? [[name, value]] : [[name, value], [name, typeof value === 'string' ? `${value}-second` : value]])) as Pairs,
  )
  const dateish = fields.filter(isDateish)
  if (dateish.length) {
    for (const which of [0, 1, 2] as const) {
      const override = Object.fromEntries(dateish.map((f) => [f.name, [impossibleDate(f, which)]]))
      add(`impossible date ${['2026-02-30', '99999-01-01', '2026-13-45'][which]}`, pairsFor(form, csrf, override))
    }
  }

  for (const field of spoiledOneByOne(form, fields)) {
    const one = (name: string, values: Value[]) => variants.push({ name, field: field.name, ...encode(pairsFor(form, csrf, { [field.name]: values }), form.enctype) })
    one('NUL in one field', ['a\u0000b'])
    one('lone surrogate in one field', ['a\uD800b'])
    if (field.kind === 'file') {
      one('1 MB file that is not a video', [{ filename: 'fuzz.mp4', type: 'video/mp4', content: Buffer.alloc(MB, 0x61) }])
      continue
    }
    one('1 MB in one field', [huge(field, MB)])
    one('10 KB in one field', [huge(field, 10_000)])
    for (const wrong of wrongTypes(field)) one(`wrong type: ${wrong}`, [wrong])
    if (!['checkbox', 'select-multiple'].includes(field.kind)) {
      const base = baselineValues(field)[0] ?? 'x'
      one('array where one value is expected', [base, typeof base === 'string' ? `${base}-other` : base])
    }
  }
  return variants
}

/** The form as a sensible person sends it: it should normally be accepted. */
export function baselineVariant(form: ParsedForm, csrf: string | undefined, name = 'baseline (sensible values)'): Variant {
  return { name, ...encode(pairsFor(form, csrf), form.enctype) }
}

/** Query-string variants of a GET form: each field spoiled on its own. */
export function getFormVariants(form: ParsedForm): { name: string; field: string; query: string }[] {
  const fields = fieldsOf(form)
  const out: { name: string; field: string; query: string }[] = []
  for (const field of spoiledOneByOne(form, fields)) {
    const query = (values: Value[]) => urlencoded(pairsFor(form, undefined, { [field.name]: values }))
    out.push({ name: 'NUL in one field', field: field.name, query: query(['a\u0000b']) })
    out.push({ name: 'lone surrogate in one field', field: field.name, query: query(['a\uD800b']) })
    out.push({ name: '8 KB in one field', field: field.name, query: query(['a'.repeat(8_000)]) })
    for (const wrong of wrongTypes(field)) out.push({ name: `wrong type: ${wrong}`, field: field.name, query: query([wrong]) })
    out.push({ name: 'array where one value is expected', field: field.name, query: query(['a', 'b']) })
  }
  return out
}

/** Values for a path parameter that names nothing, or cannot name anything. */
export const badParams: { name: string; value: string }[] = [
  { name: 'unknown uuid', value: NO_SUCH_ID },
  { name: 'not a uuid', value: 'not-a-uuid' },
  { name: 'NUL (%00)', value: '%00' },
  { name: 'lone surrogate (%ED%A0%80)', value: '%ED%A0%80' },
  { name: 'broken escape (%E0%A4%A)', value: '%E0%A4%A' },
  { name: '3000 characters', value: 'x'.repeat(3000) },
  { name: 'negative number', value: '-1' },
  { name: 'huge number', value: '99999999999999999999' },
]

/** Query strings for list and search pages. */
export const badQueries: { name: string; query: Record<string, string> }[] = [
  { name: 'page=99999999999999999999', query: { page: '99999999999999999999' } },
  { name: 'page=-1', query: { page: '-1' } },
  { name: 'page=abc', query: { page: 'abc' } },
  { name: 'q=%00', query: { q: '%00' } },
  { name: 'q=%ED%A0%80', query: { q: '%ED%A0%80' } },
  { name: 'q=<8 KB>', query: { q: 'a'.repeat(8_000) } },
]
