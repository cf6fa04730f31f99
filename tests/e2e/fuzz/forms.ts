import { Window } from 'happy-dom'

export type FieldKind =
  | 'text'
  | 'email'
  | 'number'
  | 'date'
  | 'datetime-local'
  | 'time'
  | 'month'
  | 'url'
  | 'tel'
  | 'hidden'
  | 'checkbox'
  | 'radio'
  | 'select'
  | 'select-multiple'
  | 'textarea'
  | 'file'

export interface Field {
  name: string
  kind: FieldKind
  /** What a browser sends for it untouched (checked boxes, the selected option, the value). */
  values: string[]
  /** The values on offer: options, radios and checkboxes of this name. */
  options: string[]
  required: boolean
  min?: string
}

export interface ParsedForm {
  method: 'get' | 'post'
  /** Path and query, resolved against the page. */
  action: string
  enctype: 'application/x-www-form-urlencoded' | 'multipart/form-data'
  fields: Field[]
  /** The named submit button this form is sent with, if any. */
  submitter?: { name: string; value: string }
}

export interface ParsedPage {
  lang: string | null
  links: string[]
  forms: ParsedForm[]
}

const window = new Window({
  settings: {
    disableJavaScriptEvaluation: true,
    disableJavaScriptFileLoading: true,
    disableCSSFileLoading: true,
    disableIframePageLoading: true,
    disableComputedStyleRendering: true,
  },
})
const parser = new window.DOMParser()

const inputKinds: Record<string, FieldKind> = {
  email: 'email',
  number: 'number',
  range: 'number',
  date: 'date',
  'datetime-local': 'datetime-local',
  time: 'time',
  month: 'month',
  url: 'url',
  tel: 'tel',
  hidden: 'hidden',
  checkbox: 'checkbox',
  radio: 'radio',
  file: 'file',
}

/** Links and forms of a page, as a browser without JavaScript would see and send them. */
export function parsePage(html: string, pageUrl: URL): ParsedPage {
  const document = parser.parseFromString(html, 'text/html')
  const resolve = (href: string) => new URL(href, pageUrl)
  const links = [...document.querySelectorAll('a[href]')]
    .map((a) => a.getAttribute('href') ?? '')
    .filter((href) => href && !href.startsWith('#') && !/^(mailto|tel|javascript):/i.test(href))
    .map((href) => resolve(href))
    .filter((url) => url.origin === pageUrl.origin)
    .map((url) => url.pathname + url.search)

  const forms: ParsedForm[] = []
  for (const form of document.querySelectorAll('form')) {
    const fields = new Map<string, Field>()
    const submitters: { name?: string; value: string; action?: string; method?: string; enctype?: string }[] = []
    for (const element of form.elements as unknown as Element[]) {
      const name = element.getAttribute('name') ?? ''
      if (element.hasAttribute('disabled')) continue
      const tag = element.tagName.toLowerCase()
      const type = (element.getAttribute('type') ?? (tag === 'button' ? 'submit' : 'text')).toLowerCase()
      if ((tag === 'button' || tag === 'input') && (type === 'submit' || type === 'image')) {
        submitters.push({
          name: name || undefined,
          value: element.getAttribute('value') ?? '',
          action: element.getAttribute('formaction') ?? undefined,
          method: element.getAttribute('formmethod') ?? undefined,
          enctype: element.getAttribute('formenctype') ?? undefined,
        })
        continue
      }
      if (!name || tag === 'button' || type === 'reset' || type === 'button') continue
      const kind: FieldKind =
        tag === 'select'
          ? element.hasAttribute('multiple')
            ? 'select-multiple'
            : 'select'
          : tag === 'textarea'
            ? 'textarea'
            : (inputKinds[type] ?? 'text')
      const field = fields.get(name) ?? { name, kind, values: [], options: [], required: false }
      fields.set(name, field)
      field.required ||= element.hasAttribute('required')
      if (element.getAttribute('min')) field.min = element.getAttribute('min')!
      if (tag === 'select') {
        const options = [...element.querySelectorAll('option')]
        const value = (o: Element) => o.getAttribute('value') ?? o.textContent ?? ''
        field.options.push(...options.map(value))
        const selected = options.filter((o) => o.hasAttribute('selected')).map(value)
        if (selected.length) field.values.push(...(kind === 'select' ? selected.slice(0, 1) : selected))
        else if (kind === 'select' && options[0]) field.values.push(value(options[0]))
      } else if (tag === 'textarea') {
        field.values.push(element.textContent ?? '')
      } else if (kind === 'checkbox' || kind === 'radio') {
        const value = element.getAttribute('value') ?? 'on'
        field.options.push(value)
        if (element.hasAttribute('checked')) field.values.push(value)
      } else if (kind === 'file') {
        field.values.push('')
      } else {
        field.values.push(element.getAttribute('value') ?? '')
      }
    }
    const method = (form.getAttribute('method') ?? 'get').toLowerCase() === 'post' ? 'post' : 'get'
    const base = {
      method,
      action: form.getAttribute('action') ?? '',
      enctype: form.getAttribute('enctype') ?? '',
    }
    // A form is sent by one of its buttons; each named button (or its own formaction) is a way in.
    const ways = submitters.length ? submitters : [{ value: '' }]
    const seen = new Set<string>()
    for (const way of ways as (typeof submitters)[number][]) {
      const action = resolve(way.action ?? base.action ?? '')
      const formMethod = (way.method ?? base.method).toLowerCase() === 'post' ? 'post' : 'get'
      const enctype = (way.enctype ?? base.enctype).toLowerCase() === 'multipart/form-data' ? 'multipart/form-data' : 'application/x-www-form-urlencoded'
      const key = `${formMethod} ${action.href} ${way.name ?? ''}=${way.value}`
      if (seen.has(key) || action.origin !== pageUrl.origin) continue
      seen.add(key)
      forms.push({
        method: formMethod,
        action: formMethod === 'get' ? action.pathname : action.pathname + action.search,
        enctype,
        fields: [...fields.values()].map((f) => ({ ...f, values: [...f.values], options: [...f.options] })),
        submitter: way.name ? { name: way.name, value: way.value } : undefined,
      })
    }
  }
  return { lang: document.documentElement.getAttribute('lang'), links, forms }
}
