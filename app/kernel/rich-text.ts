import { Extension, type Extensions } from '@tiptap/core'
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table'
import { StarterKit } from '@tiptap/starter-kit'
import { z } from 'zod'

// The body of a consultation paper: tiptap JSON validated against Guth's own schema, with a stable
// id on every top-level block so comments can anchor to one paragraph. Isomorphic: the editor and
// the server both use it.

export type BodyMark = { type: 'bold' } | { type: 'italic' } | { type: 'link'; attrs: { href: string } }
export interface TextNode {
  type: 'text'
  text: string
  marks?: BodyMark[]
}
export interface HardBreakNode {
  type: 'hardBreak'
}
export type InlineNode = TextNode | HardBreakNode
export interface BlockAttrs {
  id?: string
}
export interface ParagraphNode {
  type: 'paragraph'
  attrs?: BlockAttrs
  content?: InlineNode[]
}
export interface HeadingNode {
  type: 'heading'
  attrs: BlockAttrs & { level: 2 | 3 | 4 }
  content?: InlineNode[]
}
export interface ListItemNode {
  type: 'listItem'
  content: [ParagraphNode, ...BlockNode[]]
}
export interface BulletListNode {
  type: 'bulletList'
  attrs?: BlockAttrs
  content: ListItemNode[]
}
export interface OrderedListNode {
  type: 'orderedList'
  attrs?: BlockAttrs & { start?: number; type?: '1' | 'a' | 'A' | 'i' | 'I' }
  content: ListItemNode[]
}
export interface BlockquoteNode {
  type: 'blockquote'
  attrs?: BlockAttrs
  content: BlockNode[]
}
export interface TableCellNode {
  type: 'tableCell' | 'tableHeader'
  attrs?: { colspan?: number; rowspan?: number; colwidth?: number[]; align?: 'left' | 'right' | 'center' }
  content: BlockNode[]
}
export interface TableRowNode {
  type: 'tableRow'
  content: TableCellNode[]
}
export interface TableNode {
  type: 'table'
  attrs?: BlockAttrs
  content: TableRowNode[]
}
export type BlockNode = ParagraphNode | HeadingNode | BulletListNode | OrderedListNode | BlockquoteNode | TableNode
export interface BodyDoc {
  type: 'doc'
  content: BlockNode[]
}

export type BodyResult = { ok: true; doc: BodyDoc } | { ok: false; reason: 'invalid' | 'too_large' }

export const MAX_BODY_BYTES = 200_000
export const MAX_BODY_NODES = 5_000
const MAX_DEPTH = 80 // JSON nesting; about 18 levels of nested lists
const MAX_VALUES = 100_000
export const BLOCK_ID = /^[a-z]{1,4}-[0-9a-z]{6,16}$/
const BLOCK_TYPES = ['paragraph', 'heading', 'bulletList', 'orderedList', 'blockquote', 'table'] as const

/** Whether a link may point here: http(s), mailto, or a path on this site. */
export function isAllowedHref(href: string): boolean {
  // Browsers ignore tabs and newlines inside URLs and read `\` as `/`, so refuse them outright.
  if (href.length > 2048 || /[\u0000-\u0020\u007f\\]/.test(href)) return false
  if (href.startsWith('/')) return !href.startsWith('//')
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase()
  if (scheme === 'mailto') return href.length > 'mailto:'.length
  if (scheme !== 'http' && scheme !== 'https') return false
  try {
    return new URL(href).hostname !== ''
  } catch {
    return false
  }
}

/** What an official typed into the link prompt, as an allowed href (bare domains become https). */
export function normaliseLinkInput(input: string): string | null {
  const value = input.trim()
  if (!value || /^https?:\/\/$/i.test(value)) return null
  const href =
    /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('/')
      ? value
      : value.includes('@') && !value.includes('/')
        ? `mailto:${value}`
        : `https://${value}`
  return isAllowedHref(href) ? href : null
}

// ---- Validation -------------------------------------------------------------------------------

interface RawNode {
  type: string
  attrs?: Record<string, unknown>
  content?: RawNode[]
  text?: string
  marks?: { type: string; attrs?: Record<string, unknown> }[]
}

// Pasted links carry whatever target/rel/class/title the source had: accepted, then dropped.
const ignored = z.string().max(500).nullable().optional()
const markSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('bold'), attrs: z.object({}).strict().optional() }).strict(),
  z.object({ type: z.literal('italic'), attrs: z.object({}).strict().optional() }).strict(),
  z
    .object({
      type: z.literal('link'),
      attrs: z.object({ href: z.string().max(2048), target: ignored, rel: ignored, class: ignored, title: ignored }).strict(),
    })
    .strict(),
])
const marks = z.array(markSchema).max(8).optional()
const inlineSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().min(1), marks }).strict(),
  z.object({ type: z.literal('hardBreak'), marks }).strict(),
])
const blockId = z.string().regex(BLOCK_ID).nullable().optional()
const blockAttrs = z.object({ id: blockId }).strict().optional()
const inlineContent = z.array(inlineSchema).optional()
const blocks = z.array(z.lazy(() => blockSchema)).min(1)
const span = (max: number) => z.number().int().min(1).max(max).optional()

const paragraphSchema = z.object({ type: z.literal('paragraph'), attrs: blockAttrs, content: inlineContent }).strict()
const listItemSchema = z
  .object({ type: z.literal('listItem'), content: z.tuple([paragraphSchema]).rest(z.lazy(() => blockSchema)) })
  .strict()
const cellSchema = z
  .object({
    type: z.enum(['tableCell', 'tableHeader']),
    attrs: z
      .object({
        colspan: span(50),
        rowspan: span(500),
        colwidth: z.array(z.number().int().min(0).max(10_000).nullable()).max(50).nullable().optional(),
        align: z.enum(['left', 'right', 'center']).nullable().optional(),
      })
      .strict()
      .optional(),
    content: blocks,
  })
  .strict()
const blockSchema: z.ZodType<RawNode> = z.discriminatedUnion('type', [
  paragraphSchema,
  z
    .object({
      type: z.literal('heading'),
      attrs: z.object({ id: blockId, level: z.union([z.literal(2), z.literal(3), z.literal(4)]) }).strict(),
      content: inlineContent,
    })
    .strict(),
  z.object({ type: z.literal('bulletList'), attrs: blockAttrs, content: z.array(listItemSchema).min(1) }).strict(),
  z
    .object({
      type: z.literal('orderedList'),
      attrs: z
        .object({
          id: blockId,
          start: z.number().int().min(0).max(1_000_000).optional(),
          type: z.enum(['1', 'a', 'A', 'i', 'I']).nullable().optional(),
        })
        .strict()
        .optional(),
      content: z.array(listItemSchema).min(1),
    })
    .strict(),
  z.object({ type: z.literal('blockquote'), attrs: blockAttrs, content: blocks }).strict(),
  z
    .object({
      type: z.literal('table'),
      attrs: blockAttrs,
      content: z.array(z.object({ type: z.literal('tableRow'), content: z.array(cellSchema) }).strict()).min(1),
    })
    .strict(),
])
const docSchema = z.object({ type: z.literal('doc'), content: z.array(blockSchema).min(1) }).strict()

/** Bounds the work before zod sees the value: nodes (marks not counted), nesting and size. */
function measure(value: unknown): 'ok' | 'invalid' | 'too_large' {
  const stack: [unknown, number, boolean][] = [[value, 0, false]]
  let nodes = 0
  let values = 0
  while (stack.length) {
    const [item, depth, isMark] = stack.pop()!
    if (++values > MAX_VALUES) return 'too_large'
    if (item === null || typeof item !== 'object') continue
    if (depth > MAX_DEPTH) return 'invalid'
    if (Array.isArray(item)) {
      for (const child of item) stack.push([child, depth + 1, isMark])
      continue
    }
    if (!isMark && 'type' in item && ++nodes > MAX_BODY_NODES) return 'too_large'
    for (const [key, child] of Object.entries(item)) stack.push([child, depth + 1, key === 'marks'])
  }
  return new TextEncoder().encode(JSON.stringify(value)).length > MAX_BODY_BYTES ? 'too_large' : 'ok'
}

const MARK_ORDER = ['link', 'bold', 'italic']

function normaliseMarks(raw: RawNode['marks']): BodyMark[] {
  const seen = new Set<string>()
  const kept: BodyMark[] = []
  for (const mark of raw ?? []) {
    if (seen.has(mark.type)) continue
    if (mark.type === 'link') {
      const href = String(mark.attrs?.href ?? '')
      if (isAllowedHref(href)) kept.push({ type: 'link', attrs: { href } })
    } else kept.push({ type: mark.type } as BodyMark)
    seen.add(mark.type)
  }
  return kept.sort((a, b) => MARK_ORDER.indexOf(a.type) - MARK_ORDER.indexOf(b.type))
}

/** Only the attributes that mean something are stored; defaults and pasted noise are dropped. */
function normaliseAttrs(type: string, raw: Record<string, unknown> = {}): Record<string, unknown> | undefined {
  const attrs: Record<string, unknown> = {}
  if (typeof raw.id === 'string') attrs.id = raw.id
  if (type === 'heading') attrs.level = raw.level
  if (type === 'orderedList') {
    if (raw.start !== undefined && raw.start !== 1) attrs.start = raw.start
    if (raw.type) attrs.type = raw.type
  }
  if (type === 'tableCell' || type === 'tableHeader') {
    if (raw.colspan !== undefined && raw.colspan !== 1) attrs.colspan = raw.colspan
    if (raw.rowspan !== undefined && raw.rowspan !== 1) attrs.rowspan = raw.rowspan
    if (Array.isArray(raw.colwidth) && raw.colwidth.every((width) => typeof width === 'number')) attrs.colwidth = raw.colwidth
    if (raw.align) attrs.align = raw.align
  }
  return Object.keys(attrs).length ? attrs : undefined
}

function normaliseNode(raw: RawNode): RawNode {
  if (raw.type === 'hardBreak') return { type: 'hardBreak' }
  if (raw.type === 'text') {
    const kept = normaliseMarks(raw.marks)
    return kept.length ? { type: 'text', text: raw.text!, marks: kept } : { type: 'text', text: raw.text! }
  }
  const node: RawNode = { type: raw.type }
  const attrs = normaliseAttrs(raw.type, raw.attrs)
  if (attrs) node.attrs = attrs
  const content = raw.content ? mergeText(raw.content.map(normaliseNode)) : undefined
  if (content && (content.length || (raw.type !== 'paragraph' && raw.type !== 'heading'))) node.content = content
  return node
}

/** Joins neighbouring text nodes with the same marks, as ProseMirror itself does. */
function mergeText<T extends { type: string; text?: string; marks?: unknown }>(nodes: T[]): T[] {
  const merged: T[] = []
  for (const node of nodes) {
    const last = merged.at(-1)
    if (node.type === 'text' && last?.type === 'text' && JSON.stringify(last.marks) === JSON.stringify(node.marks)) {
      merged[merged.length - 1] = { ...last, text: `${last.text}${node.text}` }
    } else merged.push(node)
  }
  return merged
}

/**
 * Checks a body strictly (only Guth's node types, marks and attributes; within size limits) and
 * returns it in canonical form, with links to anything but http(s), mailto or a site path removed.
 */
export function parseBodyDoc(value: unknown): BodyResult {
  const size = measure(value)
  if (size !== 'ok') return { ok: false, reason: size }
  const parsed = docSchema.safeParse(value)
  if (!parsed.success) return { ok: false, reason: 'invalid' }
  return { ok: true, doc: normaliseNode(parsed.data as RawNode) as unknown as BodyDoc }
}

// ---- Block ids --------------------------------------------------------------------------------

function randomId(): string {
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz'
  let id = ''
  while (id.length < 8) {
    // 252 = 7 × 36: rejecting larger bytes keeps every character equally likely.
    for (const byte of crypto.getRandomValues(new Uint8Array(16))) if (byte < 252 && id.length < 8) id += alphabet[byte % 36]
  }
  return `p-${id}`
}

const idOf = (node: { attrs?: BlockAttrs }) => node.attrs?.id

function withoutIds<T>(node: T): T {
  const { attrs, content, ...rest } = node as RawNode
  const copy: RawNode = { ...(rest as RawNode) }
  if (attrs) {
    const { id: _id, ...others } = attrs
    if (Object.keys(others).length) copy.attrs = others
  }
  if (content) copy.content = content.map(withoutIds)
  return copy as T
}

function firstNestedId(node: RawNode): string | undefined {
  for (const child of node.content ?? []) {
    const id = child.attrs?.id
    if (typeof id === 'string' && BLOCK_ID.test(id)) return id
    const deeper = firstNestedId(child)
    if (deeper) return deeper
  }
}

const containsTable = (node: RawNode): boolean => node.type === 'table' || (node.content ?? []).some(containsTable)

/** Two blocks hold the same content if they read the same in the text format (tables: same JSON). */
function contentKey(block: BlockNode): string {
  const bare = withoutIds(block)
  return containsTable(block as RawNode) ? `json:${JSON.stringify(bare)}` : `text:${blockLines(bare).join('\n')}`
}

/**
 * Gives every top-level block an id and removes ids from nested ones. A block keeps its own id
 * (the first of duplicates wins); a block that lost it (wrapped in a list, or re-read from the
 * text format) takes a nested id or the id of an identical block in `previous`; others get new ids,
 * never one that `previous` used, so old comments cannot jump to a new paragraph.
 */
export function assignBlockIds(doc: BodyDoc, previous?: BodyDoc): BodyDoc {
  const used = new Set<string>()
  const claim = (id: string | undefined) => (id && BLOCK_ID.test(id) && !used.has(id) ? (used.add(id), id) : undefined)
  const ids = doc.content.map((block) => claim(idOf(block)))
  doc.content.forEach((block, index) => (ids[index] ??= claim(firstNestedId(block as RawNode))))
  if (previous) {
    const pool = previous.content.filter((block) => idOf(block) && !used.has(idOf(block)!)).map((block) => ({ id: idOf(block)!, key: contentKey(block) }))
    doc.content.forEach((block, index) => {
      if (ids[index]) return
      const key = contentKey(block)
      const match = pool.findIndex((candidate) => candidate.key === key)
      if (match >= 0) ids[index] = claim(pool.splice(match, 1)[0]!.id)
    })
  }
  const retired = new Set(previous?.content.map(idOf))
  const freshId = (): string => {
    const id = randomId()
    return (!retired.has(id) && claim(id)) || freshId()
  }
  return {
    type: 'doc',
    content: doc.content.map((block, index) => {
      const bare = withoutIds(block) as RawNode
      return { ...bare, attrs: { ...bare.attrs, id: ids[index] ?? freshId() } } as BlockNode
    }),
  }
}

// ---- Reading the body ------------------------------------------------------------------------

function plainText(node: RawNode): string {
  if (node.type === 'text') return node.text ?? ''
  if (node.type === 'hardBreak') return '\n'
  const inline = node.type === 'paragraph' || node.type === 'heading'
  return (node.content ?? []).map(plainText).join(inline ? '' : '\n')
}

/** Each top-level block's id, type and plain text: what a comment can anchor to. */
export function blockAnchors(doc: BodyDoc): { id: string; kind: BlockNode['type']; text: string }[] {
  return doc.content.flatMap((block) => {
    const id = idOf(block)
    return id ? [{ id, kind: block.type, text: plainText(block as RawNode).trim() }] : []
  })
}

/** True when the body has no words and no table: nothing worth publishing. */
export function isBodyEmpty(doc: BodyDoc): boolean {
  return doc.content.every((block) => !containsTable(block as RawNode) && !plainText(block as RawNode).trim())
}

export const MAX_BODY_TEXT = 200_000

/**
 * The body posted by the BodyEditor: the editor's JSON (`${name}Json`) when JavaScript ran, else
 * the text format (`${name}Text`); ids are kept or matched against `previous` (the stored body).
 */
export function readBodyFromForm(form: FormData, name: string, previous?: BodyDoc): BodyResult {
  const json = form.get(`${name}Json`)
  let result: BodyResult
  if (typeof json === 'string' && json.trim()) {
    if (json.length > MAX_BODY_BYTES) return { ok: false, reason: 'too_large' }
    let value: unknown
    try {
      value = JSON.parse(json)
    } catch {
      return { ok: false, reason: 'invalid' }
    }
    result = parseBodyDoc(value)
  } else {
    const text = form.get(`${name}Text`)
    if (typeof text !== 'string') return { ok: false, reason: 'invalid' }
    if (text.length > MAX_BODY_TEXT) return { ok: false, reason: 'too_large' }
    result = parseBodyDoc(textToDoc(text, previous))
  }
  return result.ok ? { ok: true, doc: assignBlockIds(result.doc, previous) } : result
}

// ---- The tiptap schema ------------------------------------------------------------------------

/** The top-level block id as a tiptap attribute, rendered as the element's `id`. */
const BlockIds = Extension.create({
  name: 'blockIds',
  addGlobalAttributes() {
    return [
      {
        types: [...BLOCK_TYPES],
        attributes: {
          id: {
            default: null,
            // Enter must not copy the id into the new paragraph, and pasted HTML never brings one:
            // a copy of a block is a new block.
            keepOnSplit: false,
            parseHTML: () => null,
            renderHTML: (attributes) => (attributes.id ? { id: attributes.id } : {}),
          },
        },
      },
    ]
  },
})

/** The editor's and the renderer's extensions: the same schema as parseBodyDoc accepts. */
export function bodyExtensions(): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3, 4] },
      code: false,
      codeBlock: false,
      horizontalRule: false,
      strike: false,
      underline: false,
      link: {
        openOnClick: false,
        defaultProtocol: 'https',
        HTMLAttributes: { target: null, rel: 'noopener', class: null },
        isAllowedUri: (url) => isAllowedHref(url),
      },
    }),
    Table.configure({ resizable: false }),
    TableRow,
    TableHeader,
    TableCell,
    BlockIds,
  ]
}

// ---- The text format, for editing without JavaScript ------------------------------------------
//
//   ## Heading (# and ## are h2, ### h3, #### h4)      a blank line starts the next block
//   - item or * item     1. item (numbers count on from the first)     > quoted line
//   a single line break inside a paragraph or item is kept as a line break; indent an item's
//   further lines (or a list inside it) under its text; a line holding only \ is an empty line
//   **bold**  *italic*  [text](https://…)  and \ before * [ ] ( ) # > - . \ makes it plain
//
// Tables cannot be edited as text. A top-level block that is or holds a table becomes one note
// line ending in its id — `[Table: 3 rows — edit with JavaScript to change it #p-1a2b3c4d]` — and
// when that line comes back (textToDoc with `previous`) the block is restored exactly as it was.
// Deleting the line deletes the table. A note whose id is changed, or read without `previous`,
// stays as a paragraph of plain text: the official sees it on the page rather than losing the
// table silently.

const ESCAPABLE = new Set(['\\', '*', '[', ']', '(', ')', '#', '>', '-', '.'])
const LINK = /\[((?:\\.|[^\\[\]]){1,1000})\]\(((?:[^()\s\\]|\([^()\s\\]{0,500}\)){1,2048})\)/y
const LINK_HREF = /^(?:[^()\s\\]|\([^()\s\\]{0,500}\))+$/
const KEPT = /^\[[^\n]*#([a-z]{1,4}-[0-9a-z]{6,16})\]$/
const HEADING = /^(#{1,6})(?:\s+(.*))?$/
const BULLET = /^[-*](?:\s+|$)/
const ORDERED = /^(\d{1,9})\.(?:\s+|$)/
const MAX_TEXT_DEPTH = 16
type Emphasis = 'bold' | 'italic'
const EMPHASIS: Emphasis[] = ['bold', 'italic']
const DELIMITER: Record<Emphasis, string> = { bold: '**', italic: '*' }

interface Token {
  text: string
  delim?: { n: number; open: boolean; close: boolean }
  link?: { href: string; nodes: TextNode[] }
}

function textNode(text: string, marks: BodyMark[]): TextNode {
  const kept = normaliseMarks(marks)
  return kept.length ? { type: 'text', text, marks: kept } : { type: 'text', text }
}

/**
 * Pairs `*` runs as CommonMark does (a closer takes the nearest open run; `**` on both sides is
 * bold) and returns the emphasis of every token. Linear, however the stars are arranged.
 */
function matchEmphasis(tokens: Token[]): Emphasis[][] {
  const spans = { bold: new Int32Array(tokens.length + 1), italic: new Int32Array(tokens.length + 1) }
  const openers: number[] = []
  tokens.forEach((token, at) => {
    const closer = token.delim
    if (!closer) return
    while (closer.close && closer.n > 0 && openers.length) {
      const openerAt = openers.at(-1)!
      const opener = tokens[openerAt]!.delim!
      const use = opener.n >= 2 && closer.n >= 2 ? 2 : 1
      opener.n -= use
      closer.n -= use
      if (opener.n === 0) openers.pop()
      const counts = spans[use === 2 ? 'bold' : 'italic']
      counts[openerAt + 1]! += 1
      counts[at]! -= 1
    }
    if (closer.open && closer.n > 0) openers.push(at)
  })
  let bold = 0
  let italic = 0
  return tokens.map((_, at) => {
    bold += spans.bold[at]!
    italic += spans.italic[at]!
    return EMPHASIS.filter((type) => (type === 'bold' ? bold : italic) > 0)
  })
}

function parseInline(source: string): TextNode[] {
  const tokens: Token[] = []
  let text = ''
  const flush = () => {
    if (text) tokens.push({ text })
    text = ''
  }
  for (let i = 0; i < source.length; ) {
    const char = source[i]!
    const next = source[i + 1]
    if (char === '\\' && next !== undefined && ESCAPABLE.has(next)) {
      text += next
      i += 2
      continue
    }
    if (char === '[') {
      LINK.lastIndex = i
      const link = LINK.exec(source)
      if (link && isAllowedHref(link[2]!)) {
        const end = LINK.lastIndex
        flush()
        tokens.push({ text: '', link: { href: link[2]!, nodes: parseInline(link[1]!) } })
        i = end
        continue
      }
    }
    if (char === '*') {
      let end = i
      while (source[end] === '*') end++
      flush()
      const before = source[i - 1]
      const after = source[end]
      tokens.push({ text: '', delim: { n: end - i, open: after !== undefined && /\S/.test(after), close: before !== undefined && /\S/.test(before) } })
      i = end
      continue
    }
    text += char
    i++
  }
  flush()
  const emphasisOfToken = matchEmphasis(tokens)
  return mergeText(
    tokens.flatMap((token, at) => {
      const emphasis: BodyMark[] = emphasisOfToken[at]!.map((type) => ({ type }))
      if (token.link) {
        const link: BodyMark = { type: 'link', attrs: { href: token.link.href } }
        return token.link.nodes.map((node) => textNode(node.text, [link, ...(node.marks ?? []), ...emphasis]))
      }
      const literal = token.delim ? '*'.repeat(token.delim.n) : token.text
      return literal ? [textNode(literal, emphasis)] : []
    }),
  )
}

function paragraphNode(lines: string[]): ParagraphNode {
  const content: InlineNode[] = []
  lines.forEach((line, index) => {
    if (index) content.push({ type: 'hardBreak' })
    if (line !== '\\') content.push(...parseInline(line))
  })
  return content.length ? { type: 'paragraph', content } : { type: 'paragraph' }
}

const indentOf = (line: string) => line.length - line.trimStart().length
const isBlank = (line: string) => !line.trim()
function startsBlock(line: string): boolean {
  const text = line.trim()
  return HEADING.test(text) || text.startsWith('>') || BULLET.test(text) || ORDERED.test(text) || KEPT.test(text)
}

function parseBlocks(lines: string[], depth: number, kept?: Map<string, BlockNode>): BlockNode[] {
  const blocks: BlockNode[] = []
  const nested = depth < MAX_TEXT_DEPTH
  let i = 0
  while (i < lines.length) {
    const line = lines[i]!.trim()
    const keep = kept?.get(KEPT.exec(line)?.[1] ?? '')
    const heading = HEADING.exec(line)
    if (!line) i++
    else if (keep) {
      blocks.push(structuredClone(keep))
      i++
    } else if (heading) {
      const level = Math.min(Math.max(heading[1]!.length, 2), 4) as 2 | 3 | 4
      const content = parseInline(heading[2] ?? '')
      blocks.push(content.length ? { type: 'heading', attrs: { level }, content } : { type: 'heading', attrs: { level } })
      i++
    } else if (nested && line.startsWith('>')) i = parseQuote(lines, i, depth, blocks)
    else if (nested && (BULLET.test(line) || ORDERED.test(line))) i = parseList(lines, i, depth, blocks)
    else {
      const paragraph = [line]
      for (i++; i < lines.length && !isBlank(lines[i]!) && !startsBlock(lines[i]!); i++) paragraph.push(lines[i]!.trim())
      blocks.push(paragraphNode(paragraph))
    }
  }
  return blocks
}

function parseQuote(lines: string[], start: number, depth: number, blocks: BlockNode[]): number {
  const body: string[] = []
  let i = start
  for (; i < lines.length; i++) {
    const line = lines[i]!.trim()
    if (line.startsWith('>')) body.push(lines[i]!.trimStart().replace(/^>[ ]?/, ''))
    else if (line && !startsBlock(line) && body.at(-1)?.trim()) body.push(line) // a lazy continuation line
    else break
  }
  const content = parseBlocks(body, depth + 1)
  blocks.push({ type: 'blockquote', content: content.length ? content : [{ type: 'paragraph' }] })
  return i
}

function parseList(lines: string[], start: number, depth: number, blocks: BlockNode[]): number {
  const ordered = ORDERED.exec(lines[start]!.trim())
  const marker = ordered ? ORDERED : BULLET
  const items: ListItemNode[] = []
  let i = start
  while (i < lines.length) {
    const raw = lines[i]!
    const indent = indentOf(raw)
    const found = marker.exec(raw.trim())
    if (!found) break
    const contentIndent = indent + found[0].length
    const body = [raw.trim().slice(found[0].length)]
    for (i++; i < lines.length; i++) {
      const line = lines[i]!
      if (isBlank(line)) {
        // Blank lines stay in the item only when its next line is indented under it.
        let next = i
        while (next < lines.length && isBlank(lines[next]!)) next++
        if (next === lines.length || indentOf(lines[next]!) <= indent) break
        body.push('')
        i = next - 1
      } else if (indentOf(line) > indent) body.push(line.slice(Math.min(indentOf(line), contentIndent)))
      else if (!startsBlock(line) && body.at(-1)!.trim()) body.push(line.trim())
      else break
    }
    const content = parseBlocks(body, depth + 1)
    items.push({ type: 'listItem', content: content[0]?.type === 'paragraph' ? (content as ListItemNode['content']) : [{ type: 'paragraph' }, ...content] })
  }
  const first = Number(ordered?.[1] ?? 1)
  blocks.push(
    ordered
      ? { type: 'orderedList', ...(first !== 1 && { attrs: { start: first } }), content: items }
      : { type: 'bulletList', content: items },
  )
  return i
}

/**
 * The no-JavaScript text format read back as a body (see the format above). With `previous`,
 * table notes are replaced by the tables they stand for.
 */
export function textToDoc(text: string, previous?: BodyDoc): BodyDoc {
  const kept = new Map<string, BlockNode>()
  for (const block of previous?.content ?? []) if (idOf(block) && containsTable(block as RawNode)) kept.set(idOf(block)!, block)
  const lines = text.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n')
  const content = parseBlocks(lines, 0, kept)
  return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] }
}

const linkOf = (node: TextNode) => node.marks?.find((mark) => mark.type === 'link')?.attrs.href
const emphasisOf = (node: TextNode) => EMPHASIS.filter((type) => node.marks?.some((mark) => mark.type === type))

function escapeText(text: string, inLink: boolean): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    const next = text[i + 1]
    if (char === '\\') out += next === undefined || ESCAPABLE.has(next) ? '\\\\' : '\\'
    else if (char === '*' || (inLink && (char === '[' || char === ']')) || (char === '(' && text[i - 1] === ']')) out += `\\${char}`
    else out += char
  }
  return out
}

function serializeLine(nodes: TextNode[], inLink = false): string {
  const pieces = mergeText(nodes)
  let out = ''
  let open: Emphasis[] = []
  // Delimiters never touch whitespace on their inner side (`**a** b`, not `**a **b`, which would not
  // read back as bold), so spaces at the edge of a mark move outside it; they look the same.
  const emit = (wanted: Emphasis[], piece: string) => {
    let same = 0
    while (same < open.length && same < wanted.length && open[same] === wanted[same]) same++
    const want = piece.trim() ? wanted : wanted.slice(0, same)
    if (open.length > same) {
      const trailing = /\s*$/.exec(out)![0]
      out = out.slice(0, out.length - trailing.length)
      for (let j = open.length - 1; j >= same; j--) out += DELIMITER[open[j]!]
      out += trailing
    }
    const leading = want.length > same ? /^\s*/.exec(piece)![0] : ''
    out += leading
    for (let j = same; j < want.length; j++) out += DELIMITER[want[j]!]
    open = want
    const render = piece.slice(leading.length)
    out += out.endsWith(']') && render.startsWith('(') ? `\\${render}` : render
  }
  for (let i = 0; i < pieces.length; ) {
    const href = inLink ? undefined : linkOf(pieces[i]!)
    if (href === undefined) {
      emit(emphasisOf(pieces[i]!), escapeText(pieces[i]!.text, inLink))
      i++
      continue
    }
    let end = i
    while (end < pieces.length && linkOf(pieces[end]!) === href) end++
    const group = pieces.slice(i, end)
    const shared = EMPHASIS.filter((type) => group.every((node) => emphasisOf(node).includes(type)))
    const inner = group.map((node) => textNode(node.text, (node.marks ?? []).filter((mark) => mark.type !== 'link' && !shared.includes(mark.type as Emphasis))))
    const target = LINK_HREF.test(href) ? href : href.replace(/\(/g, '%28').replace(/\)/g, '%29')
    emit(shared, `[${serializeLine(inner, true)}](${target})`)
    i = end
  }
  emit([], '')
  return out
}

function inlineLines(content: InlineNode[] = []): string[] {
  const lines: TextNode[][] = [[]]
  for (const node of content) {
    if (node.type === 'hardBreak') lines.push([])
    else lines.at(-1)!.push(node)
  }
  return lines.map((line) => serializeLine(line).trim())
}

function escapeLineStart(line: string): string {
  if (/^(#|>|-(\s|$))/.test(line) || KEPT.test(line)) return `\\${line}`
  return line.replace(/^(\d{1,9})\.(?=\s|$)/, '$1\\.')
}

function itemLines(marker: string, item: ListItemNode): string[] {
  const [first = '', ...rest] = blocksLines(item.content, true)
  return [`${marker}${first}`.trimEnd(), ...rest.map((line) => (line ? `${' '.repeat(marker.length)}${line}` : ''))]
}

const isList = (block: BlockNode) => block.type === 'bulletList' || block.type === 'orderedList'

function blocksLines(blocks: BlockNode[], compact: boolean): string[] {
  const lines: string[] = []
  let previous: BlockNode | undefined
  for (const block of blocks) {
    const own = blockLines(block)
    if (!own.length) continue
    // Inside a list item a nested list follows its text directly; everything else is spaced.
    if (lines.length && !(compact && previous?.type === 'paragraph' && isList(block))) lines.push('')
    lines.push(...own)
    previous = block
  }
  return lines
}

function blockLines(block: BlockNode): string[] {
  switch (block.type) {
    case 'paragraph': {
      const lines = inlineLines(block.content).map(escapeLineStart)
      return lines.some(Boolean) ? lines.map((line) => line || '\\') : []
    }
    case 'heading':
      return [`${'#'.repeat(block.attrs.level)} ${inlineLines(block.content).join(' ')}`.trim()]
    case 'bulletList':
      return block.content.flatMap((item) => itemLines('- ', item))
    case 'orderedList':
      return block.content.flatMap((item, index) => itemLines(`${(block.attrs?.start ?? 1) + index}. `, item))
    case 'blockquote': {
      const lines = blocksLines(block.content, false)
      return lines.length ? lines.map((line) => (line ? `> ${line}` : '>')) : ['>']
    }
    case 'table':
      return [`[${defaultKeptNote(block)}]`]
  }
}

function defaultKeptNote(block: BlockNode): string {
  return block.type === 'table'
    ? `Table: ${block.content.length} rows — edit with JavaScript to change it`
    : 'A block containing a table — edit with JavaScript to change it'
}

/**
 * The body in the text format, for the no-JavaScript textarea. Reading it back with textToDoc
 * gives the same body, tidied: spaces at line and mark edges, empty paragraphs, line breaks in
 * headings and a list's letter or roman numbering do not survive. `keptBlockNote` words the note
 * that stands for a table (see the format above).
 */
export function docToText(doc: BodyDoc, options: { keptBlockNote?: (block: BlockNode) => string } = {}): string {
  const note = options.keptBlockNote ?? defaultKeptNote
  return doc.content
    .map((block) => {
      if (!containsTable(block as RawNode)) return blockLines(block).join('\n')
      const id = idOf(block)
      return `[${note(block).replace(/\s+/g, ' ').trim()}${id ? ` #${id}` : ''}]`
    })
    .filter(Boolean)
    .join('\n\n')
}
