import type { Extensions } from '@tiptap/core'
import { generateHTML } from '@tiptap/html/server'
import { BLOCK_ID, bodyExtensions, isAllowedHref, parseBodyDoc } from './rich-text'

let extensions: Extensions | undefined

/**
 * A stored consultation body as HTML for the page: checked again against the schema, rendered by
 * tiptap, then passed through the allow-list below. Throws if the stored body is not valid.
 */
export function renderBodyHtml(doc: unknown): string {
  const known = doc && typeof doc === 'object' ? renderedDocs.get(doc) : undefined
  if (known !== undefined) return known
  const parsed = parseBodyDoc(doc)
  if (!parsed.ok) throw new Error(`Consultation body not rendered: it failed validation (${parsed.reason})`)
  extensions ??= bodyExtensions()
  const html = sanitizeBodyHtml(generateHTML(parsed.doc, extensions))
  // A document kept by a public read (a consultation's paper, an event's description) is the same
  // frozen object on every view, so its HTML cannot go stale.
  if (doc && typeof doc === 'object' && Object.isFrozen(doc)) renderedDocs.set(doc, html)
  return html
}

const renderedDocs = new WeakMap<object, string>()

type AttributeRule = (value: string) => string | null

const span: AttributeRule = (value) => (/^[1-9]\d{0,2}$/.test(value) ? value : null)
const ALLOWED: Record<string, Record<string, AttributeRule>> = {
  p: {},
  h2: {},
  h3: {},
  h4: {},
  ul: {},
  ol: { start: (value) => (/^\d{1,7}$/.test(value) ? value : null), type: (value) => (/^[1aAiI]$/.test(value) ? value : null) },
  li: {},
  blockquote: {},
  table: {},
  thead: {},
  tbody: {},
  tr: {},
  th: { colspan: span, rowspan: span },
  td: { colspan: span, rowspan: span },
  strong: {},
  em: {},
  br: {},
  a: { href: (value) => (isAllowedHref(value) ? value : null) },
}
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'])
// Elements whose content is code or markup, not text: dropped whole.
const DROP_WITH_CONTENT = new Set(['script', 'style', 'template', 'iframe', 'object', 'noscript', 'noembed', 'noframes', 'textarea', 'title', 'xmp', 'svg', 'math', 'select', 'colgroup'])

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/y
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi, (entity, name: string) => {
    if (!name.startsWith('#')) return NAMED[name.toLowerCase()] ?? entity
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd'
  })
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const escapeAttribute = (value: string) => escapeText(value).replace(/"/g, '&quot;')

function openTag(name: string, rawAttributes: string, topLevel: boolean): string | null {
  const rules = ALLOWED[name]!
  const kept: Record<string, string> = {}
  for (const [, attribute, ...values] of rawAttributes.matchAll(ATTRIBUTE)) {
    const key = attribute!.toLowerCase()
    const value = decodeEntities(values.find((candidate) => candidate !== undefined) ?? '')
    // Only top-level blocks carry the ids comments anchor to.
    const rule = key === 'id' ? (topLevel ? (id: string) => (BLOCK_ID.test(id) ? id : null) : undefined) : rules[key]
    const allowed = rule?.(value)
    if (allowed != null && !(key in kept)) kept[key] = allowed
  }
  if (name === 'a') {
    if (!kept.href) return null
    kept.rel = 'noopener'
  }
  if (name === 'table') kept.class = 'ds_table'
  const attributes = Object.entries(kept)
    .map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`)
    .join('')
  // The wrapper lets a wide table scroll sideways on a narrow screen, without JavaScript.
  return name === 'table' ? `<div class="guth-body__table"><table${attributes}>` : `<${name}${attributes}>`
}

const closeTag = (name: string) => (name === 'table' ? '</table></div>' : `</${name}>`)

/**
 * Keeps only the tags and attributes a consultation body may have; everything else is removed,
 * text is re-escaped, links get rel="noopener" and tables the design system's class.
 */
export function sanitizeBodyHtml(html: string): string {
  let out = ''
  const open: { name: string; kept: boolean }[] = []
  let dropping: { name: string; depth: number } | null = null
  let i = 0
  while (i < html.length) {
    const next = html.indexOf('<', i)
    const end = next === -1 ? html.length : next
    if (end > i) {
      if (!dropping) out += escapeText(decodeEntities(html.slice(i, end)))
      i = end
      continue
    }
    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4)
      i = close === -1 ? html.length : close + 3
      continue
    }
    TAG.lastIndex = i
    const tag = TAG.exec(html)
    if (!tag) {
      if (!dropping) out += '&lt;'
      i++
      continue
    }
    i = TAG.lastIndex
    const [, slash, rawName, rawAttributes = '', selfClosing] = tag
    const closing = slash === '/'
    const name = rawName!.toLowerCase()
    if (dropping) {
      if (name === dropping.name && !VOID.has(name)) dropping.depth += closing ? -1 : selfClosing ? 0 : 1
      if (dropping.depth === 0) dropping = null
      continue
    }
    if (DROP_WITH_CONTENT.has(name)) {
      if (!closing && !selfClosing) dropping = { name, depth: 1 }
      continue
    }
    if (closing) {
      const at = open.map((element) => element.name).lastIndexOf(name)
      while (at >= 0 && open.length > at) {
        const element = open.pop()!
        if (element.kept) out += closeTag(element.name)
      }
      continue
    }
    const rendered = ALLOWED[name] ? openTag(name, rawAttributes, open.length === 0) : null
    if (rendered) out += rendered
    if (VOID.has(name)) continue
    if (selfClosing) {
      if (rendered) out += closeTag(name)
      continue
    }
    open.push({ name, kept: rendered !== null })
  }
  while (open.length) {
    const element = open.pop()!
    if (element.kept) out += closeTag(element.name)
  }
  return out
}

/**
 * The consultation paper as safe HTML. A public consultation is a frozen public read, so its
 * paper is rendered once per version (renderBodyHtml keeps the HTML of a frozen document).
 */
export function renderConsultationBody(consultation: { body: unknown }) {
  return consultation.body ? renderBodyHtml(consultation.body) : ''
}
