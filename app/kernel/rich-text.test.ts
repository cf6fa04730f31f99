import { Editor, getSchema } from '@tiptap/core'
import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { BodyEditor } from '~/components/BodyEditor'
import {
  assignBlockIds,
  blockAnchors,
  type BlockNode,
  type BodyDoc,
  type BodyMark,
  bodyExtensions,
  docToText,
  type InlineNode,
  type ParagraphNode,
  isBodyEmpty,
  normaliseLinkInput,
  parseBodyDoc,
  readBodyFromForm,
  type TableNode,
  textToDoc,
} from './rich-text'
import { renderBodyHtml, sanitizeBodyHtml } from './rich-text.server'

const bold: BodyMark = { type: 'bold' }
const italic: BodyMark = { type: 'italic' }
const link = (href: string): BodyMark => ({ type: 'link', attrs: { href } })
const text = (value: string, ...marks: BodyMark[]): InlineNode => (marks.length ? { type: 'text', text: value, marks } : { type: 'text', text: value })
const br: InlineNode = { type: 'hardBreak' }
const p = (...content: (InlineNode | string)[]): ParagraphNode => ({ type: 'paragraph', content: content.map((part) => (typeof part === 'string' ? text(part) : part)) })
const h = (level: 2 | 3 | 4, words: string): BlockNode => ({ type: 'heading', attrs: { level }, content: [text(words)] })
const item = (first: ParagraphNode, ...rest: BlockNode[]) => ({ type: 'listItem' as const, content: [first, ...rest] as [ParagraphNode, ...BlockNode[]] })
const bullets = (...items: string[]): BlockNode => ({ type: 'bulletList', content: items.map((words) => item(p(words))) })
const doc = (...content: BlockNode[]): BodyDoc => ({ type: 'doc', content })
const table: TableNode = {
  type: 'table',
  content: [
    { type: 'tableRow', content: [{ type: 'tableHeader', content: [p('Year')] }, { type: 'tableHeader', attrs: { colspan: 2 }, content: [p('Cost')] }] },
    { type: 'tableRow', content: [{ type: 'tableCell', content: [p('2026')] }, { type: 'tableCell', attrs: { colspan: 2 }, content: [p(text('£4m', bold))] }] },
  ],
}

const paper = doc(
  h(2, 'Part 1: Interpretation'),
  p('In this Act ', text('“relevant body”', bold), ' means a body listed in ', text('schedule 1', link('/consultations/schedule-1')), '.', br, 'See also ', text('the guidance', link('https://www.gov.scot/guidance'), italic), '.'),
  h(3, 'Duties'),
  { type: 'orderedList', attrs: { start: 3 }, content: [item(p('A relevant body must publish a plan.'), bullets('annually', 'online')), item(p('It must consult ', text('local people', bold, italic), '.'))] },
  { type: 'blockquote', content: [p('Quoted evidence.'), p('Email ', text('the team', link('mailto:team@example.gov.scot')))] },
  h(4, 'Costs'),
  table,
  bullets('first', 'second'),
)

describe('parseBodyDoc', () => {
  test('accepts a paper that uses every node and mark, unchanged', () => {
    expect(parseBodyDoc(paper)).toEqual({ ok: true, doc: paper })
  })

  test('accepts what the editor itself sends, and keeps only what matters of it', () => {
    const schema = getSchema(bodyExtensions())
    const fromEditor = schema.nodeFromJSON(paper).toJSON()
    expect(() => schema.nodeFromJSON(fromEditor).check()).not.toThrow()
    expect(JSON.stringify(fromEditor)).toContain('"target":null') // the editor fills in defaults…
    expect(parseBodyDoc(fromEditor)).toEqual({ ok: true, doc: paper }) // …which are not stored
  })

  test.each<[string, unknown]>([
    ['an image', doc({ type: 'image', attrs: { src: 'x' } } as unknown as BlockNode)],
    ['a code block', doc({ type: 'codeBlock', content: [text('x')] } as unknown as BlockNode)],
    ['an underline mark', doc(p(text('x', { type: 'underline' } as unknown as BodyMark)))],
    ['a style attribute', doc({ type: 'paragraph', attrs: { style: 'color:red' } } as unknown as BlockNode)],
    ['an event handler attribute', doc({ type: 'paragraph', attrs: { onclick: 'alert(1)' } } as unknown as BlockNode)],
    ['an id that is not URL-safe', doc({ type: 'paragraph', attrs: { id: 'x" onmouseover="alert(1)' } })],
    ['a heading level 1', doc({ type: 'heading', attrs: { level: 1 as 2 }, content: [text('x')] })],
    ['a heading level 5', doc({ type: 'heading', attrs: { level: 5 as 2 }, content: [text('x')] })],
    ['an extra key on text', doc(p({ type: 'text', text: 'x', html: '<b>x</b>' } as unknown as InlineNode))],
    ['an empty text node', doc(p(text('')))],
    ['a list item that does not start with a paragraph', doc({ type: 'bulletList', content: [{ type: 'listItem', content: [bullets('x')] }] } as unknown as BlockNode)],
    ['a table row outside a table', doc({ type: 'tableRow', content: [] } as unknown as BlockNode)],
    ['an empty document', doc()],
    ['something that is not a document', { type: 'paragraph' }],
    ['a string', '<p>Hello</p>'],
  ])('rejects %s', (_, value) => {
    expect(parseBodyDoc(value)).toEqual({ ok: false, reason: 'invalid' })
  })

  test('rejects bodies over the size and node limits as too large', () => {
    const many = doc(...Array.from({ length: 3_000 }, (_, index) => p(`Paragraph ${index}`)))
    expect(parseBodyDoc(many)).toEqual({ ok: false, reason: 'too_large' })
    expect(parseBodyDoc(doc(p('x'.repeat(210_000))))).toEqual({ ok: false, reason: 'too_large' })
    expect(parseBodyDoc(doc(p('x'.repeat(150_000))))).toMatchObject({ ok: true })
  })

  test('rejects absurdly deep nesting before validating it', () => {
    let block: BlockNode = p('deep')
    for (let level = 0; level < 60; level++) block = { type: 'blockquote', content: [block] }
    expect(parseBodyDoc(doc(block))).toEqual({ ok: false, reason: 'invalid' })
  })

  test('drops links that are not http(s), mailto or a path on this site, keeping their text', () => {
    const hrefs = ['javascript:alert(1)', 'JavaScript:alert(1)', 'java\nscript:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', '//evil.example', '/\\evil.example', 'https://', 'relative/page', '#top']
    for (const href of hrefs) {
      expect(parseBodyDoc(doc(p(text('click', link(href)))))).toEqual({ ok: true, doc: doc(p('click')) })
    }
    for (const href of ['https://www.gov.scot/a?b=c#d', 'http://example.org', 'mailto:team@example.gov.scot', '/consultations/abc']) {
      expect(parseBodyDoc(doc(p(text('click', link(href)))))).toEqual({ ok: true, doc: doc(p(text('click', link(href)))) })
    }
  })
})

describe('the text format', () => {
  test.each<[string, BodyDoc]>([
    ['paragraphs and a line break', doc(p('One.'), p('Two,', br, 'continued.'))],
    ['empty lines inside a paragraph', doc(p('Top', br, br, 'bottom'))],
    ['headings of every level', doc(h(2, 'Two'), h(3, 'Three'), h(4, 'Four'))],
    ['a bulleted list', doc(bullets('apples', 'pears'))],
    ['a numbered list starting at 4', doc({ type: 'orderedList', attrs: { start: 4 }, content: [item(p('four')), item(p('five'))] })],
    ['a list inside a list', doc({ type: 'bulletList', content: [item(p('outer'), { type: 'orderedList', content: [item(p('inner'))] }), item(p('next'))] })],
    ['a list item with two paragraphs and a line break', doc({ type: 'bulletList', content: [item(p('first', br, 'line'), p('second')), item(p('other'))] })],
    ['an empty list item holding a list', doc({ type: 'bulletList', content: [item({ type: 'paragraph' }, bullets('inner'))] })],
    ['a quotation with a list in it', doc({ type: 'blockquote', content: [p('Said:'), bullets('this'), p('and more')] })],
    ['bold, italic and both', doc(p('a ', text('bold', bold), ' ', text('italic', italic), ' ', text('both', bold, italic), ' end'))],
    ['marks that overlap', doc(p(text('bold ', bold), text('both', bold, italic), ' ', text('italic', italic), 'plain'))],
    ['links, with formatting inside', doc(p('See ', text('the ', link('https://example.org/a_(b)')), text('Act', link('https://example.org/a_(b)'), bold), ' or ', text('mail', link('mailto:x@example.org'), bold), '.'))],
    ['characters that would otherwise be formatting', doc(p('5 * 3 = 15, **not bold**, [not](https://a.link), back\\slash \\* and C:\\Users'))],
    ['lines that would otherwise start a block', doc(p('# not a heading'), p('- not a list', br, '1. not numbered', br, '> not quoted', br, '* not a bullet'), p('2026. A year'))],
    ['brackets as legislation uses them', doc(p('section 3 [inserted by the 2020 Act] applies [(1)]'))],
  ])('%s survive docToText then textToDoc', (_, body) => {
    expect(textToDoc(docToText(body))).toEqual(body)
  })

  test('spaces at the edge of a mark move outside it', () => {
    expect(docToText(doc(p(text('bold ', bold), 'then ', text(' italic', italic))))).toBe('**bold** then  *italic*')
    expect(textToDoc(docToText(doc(p(text('bold ', bold), 'plain'))))).toEqual(doc(p(text('bold', bold), ' plain')))
  })

  test('reads what an official types', () => {
    const typed = [
      '# Part 1',
      '',
      'In this Act **relevant body** means a *public* body.',
      'See [the guidance](https://www.gov.scot/guidance).',
      '',
      '* one',
      '* two',
      'still two',
      '',
      '3. three',
      '4. four',
      '',
      '> A quotation',
      '',
      '5 * 3 is not *italic',
    ].join('\r\n')
    expect(textToDoc(typed)).toEqual(
      doc(
        h(2, 'Part 1'),
        p('In this Act ', text('relevant body', bold), ' means a ', text('public', italic), ' body.', br, 'See ', text('the guidance', link('https://www.gov.scot/guidance')), '.'),
        { type: 'bulletList', content: [item(p('one')), item(p('two', br, 'still two'))] },
        { type: 'orderedList', attrs: { start: 3 }, content: [item(p('three')), item(p('four'))] },
        { type: 'blockquote', content: [p('A quotation')] },
        p('5 * 3 is not *italic'),
      ),
    )
  })

  test('a link to a place Guth does not allow stays as plain text', () => {
    expect(textToDoc('[click](javascript:alert(1))')).toEqual(doc(p('[click](javascript:alert(1))')))
  })

  test('writes text an official can read and edit', () => {
    const withoutTable = doc(...paper.content.filter((block) => block.type !== 'table'))
    expect(docToText(withoutTable)).toBe(
      [
        '## Part 1: Interpretation',
        '',
        'In this Act **“relevant body”** means a body listed in [schedule 1](/consultations/schedule-1).',
        'See also *[the guidance](https://www.gov.scot/guidance)*.',
        '',
        '### Duties',
        '',
        '3. A relevant body must publish a plan.',
        '   - annually',
        '   - online',
        '4. It must consult ***local people***.',
        '',
        '> Quoted evidence.',
        '>',
        '> Email [the team](mailto:team@example.gov.scot)',
        '',
        '#### Costs',
        '',
        '- first',
        '- second',
      ].join('\n'),
    )
  })

  test('reads pathological text in linear time', () => {
    const started = performance.now()
    for (const text of ['**a '.repeat(25_000) + ' a**'.repeat(25_000), '*a '.repeat(60_000), '['.repeat(190_000), '[a](https://b'.repeat(14_000), '>'.repeat(190_000)]) {
      expect(parseBodyDoc(textToDoc(text))).toMatchObject({ ok: true })
    }
    expect(performance.now() - started).toBeLessThan(5_000)
  })

  test('an empty text is one empty paragraph', () => {
    expect(textToDoc('  \n\n ')).toEqual(doc({ type: 'paragraph' }))
  })
})

describe('tables in the text format', () => {
  const stored = assignBlockIds(doc(p('Before.'), table, p('After.')))
  const tableId = stored.content[1]!.attrs!.id!

  test('a table becomes a note naming its id, and comes back whole when the note is unchanged', () => {
    const written = docToText(stored)
    expect(written).toBe(`Before.\n\n[Table: 2 rows — edit with JavaScript to change it #${tableId}]\n\nAfter.`)
    expect(assignBlockIds(textToDoc(written, stored), stored)).toEqual(stored)
  })

  test('the surrounding text can change while the table stays', () => {
    const edited = docToText(stored).replace('Before.', 'New **opening**.')
    expect(textToDoc(edited, stored).content[1]).toEqual(stored.content[1])
  })

  test('deleting the note deletes the table', () => {
    const edited = docToText(stored).replace(/\[Table.*\]\n\n/, '')
    expect(textToDoc(edited, stored)).toEqual(doc(p('Before.'), p('After.')))
  })

  test('a note that no longer names the table stays visible as text, never silently dropped', () => {
    const edited = docToText(stored).replace(tableId, 'p-zzzzzzzz')
    expect(textToDoc(edited, stored).content[1]).toEqual(p(`[Table: 2 rows — edit with JavaScript to change it #p-zzzzzzzz]`))
    expect(textToDoc(docToText(stored)).content[1]).toMatchObject({ type: 'paragraph' })
  })

  test('a list holding a table is kept whole the same way, with the note worded by the caller', () => {
    const body = assignBlockIds(doc({ type: 'bulletList', content: [item(p('costs'), table)] }))
    const written = docToText(body, { keptBlockNote: (block) => `Clàr (${block.type})` })
    expect(written).toBe(`[Clàr (bulletList) #${body.content[0]!.attrs!.id}]`)
    expect(assignBlockIds(textToDoc(written, body), body)).toEqual(body)
  })
})

describe('block ids', () => {
  const idsOf = (body: BodyDoc) => body.content.map((block) => block.attrs?.id)

  test('every top-level block gets a short, unique, URL-safe id', () => {
    const body = assignBlockIds(doc(...Array.from({ length: 200 }, (_, index) => p(`Paragraph ${index}`)), table, bullets('x')))
    const ids = idsOf(body)
    expect(new Set(ids).size).toBe(202)
    for (const id of ids) {
      expect(id).toMatch(/^p-[0-9a-z]{8}$/)
      expect(encodeURIComponent(id!)).toBe(id)
    }
  })

  test('blocks keep their ids through edits; new blocks get new ones', () => {
    const stored = assignBlockIds(doc(p('One'), p('Two'), p('Three')))
    const [one, two, three] = stored.content
    const edited = doc({ ...p('One, edited'), attrs: one!.attrs }, p('Inserted'), three!, two!)
    const saved = assignBlockIds(edited, stored)
    expect(idsOf(saved)).toEqual([one!.attrs!.id, expect.stringMatching(/^p-/), three!.attrs!.id, two!.attrs!.id])
    expect(idsOf(stored)).not.toContain(saved.content[1]!.attrs!.id)
  })

  test('in the editor, a paragraph split with Enter keeps its id in the first part only', () => {
    const stored = assignBlockIds(doc(p('First half. Second half.')))
    const id = stored.content[0]!.attrs!.id
    const editor = new Editor({ element: null, extensions: bodyExtensions(), content: stored })
    editor.chain().setTextSelection(25).splitBlock().command(({ tr }) => Boolean(tr.insertText('New'))).run() // Enter at the end
    const atEnd = parseBodyDoc(editor.getJSON())
    editor.chain().setTextSelection(12).splitBlock().run() // Enter in the middle copies the id…
    const inMiddle = parseBodyDoc(editor.getJSON())
    editor.destroy()
    if (!atEnd.ok || !inMiddle.ok) throw new Error('editor JSON rejected')
    expect(atEnd.doc.content.map((block) => block.attrs?.id)).toEqual([id, undefined])
    expect(inMiddle.doc.content.map((block) => block.attrs?.id)).toEqual([id, id, undefined])
    const saved = assignBlockIds(inMiddle.doc, stored) // …and saving gives the second part its own
    expect(saved.content[0]).toEqual({ ...p('First half.'), attrs: { id } })
    expect(new Set(saved.content.map((block) => block.attrs?.id)).size).toBe(3)
  })

  test('a copied block does not share its id: the first keeps it', () => {
    const stored = assignBlockIds(doc(p('Twice')))
    const saved = assignBlockIds(doc(stored.content[0]!, stored.content[0]!), stored)
    expect(saved.content[0]!.attrs!.id).toBe(stored.content[0]!.attrs!.id)
    expect(saved.content[1]!.attrs!.id).not.toBe(stored.content[0]!.attrs!.id)
  })

  test('a paragraph turned into a list lends the list its id, and nested ids are removed', () => {
    const stored = assignBlockIds(doc(p('Point')))
    const id = stored.content[0]!.attrs!.id
    const saved = assignBlockIds(doc({ type: 'bulletList', content: [item(stored.content[0] as ParagraphNode)] }), stored)
    expect(saved).toEqual(doc({ type: 'bulletList', attrs: { id }, content: [item(p('Point'))] }))
  })

  test('unchanged blocks keep their ids when edited without JavaScript; the ids of deleted ones are not reused', () => {
    const stored = assignBlockIds(paper)
    const form = new FormData()
    const edited = docToText(stored).replace('### Duties\n\n', '### Duties of bodies\n\nA new paragraph.\n\n').replace('- first\n- second', '')
    form.set('bodyText', edited)
    const read = readBodyFromForm(form, 'body', stored)
    if (!read.ok) throw new Error(read.reason)
    const before = new Map(stored.content.map((block) => [docToText(doc(block)), block.attrs!.id]))
    const kept = read.doc.content.filter((block) => before.get(docToText(doc(block))) === block.attrs!.id)
    expect(kept.map((block) => block.type)).toEqual(['heading', 'paragraph', 'orderedList', 'blockquote', 'heading', 'table'])
    const fresh = read.doc.content.filter((block) => !kept.includes(block)).map((block) => block.attrs!.id)
    expect(fresh).toHaveLength(2) // the changed heading and the new paragraph
    for (const id of fresh) expect(idsOf(stored)).not.toContain(id)
  })
})

describe('readBodyFromForm', () => {
  test('prefers the editor’s JSON to the text and checks it', () => {
    const form = new FormData()
    form.set('bodyJson', JSON.stringify(doc(p('From the editor'))))
    form.set('bodyText', 'From the textarea')
    const read = readBodyFromForm(form, 'body')
    expect(read.ok && blockAnchors(read.doc).map((anchor) => anchor.text)).toEqual(['From the editor'])
  })

  test('reports broken or oversized input', () => {
    const form = (fields: Record<string, string>) => {
      const data = new FormData()
      for (const [key, value] of Object.entries(fields)) data.set(key, value)
      return data
    }
    expect(readBodyFromForm(form({ bodyJson: '{"type":"doc",' }), 'body')).toEqual({ ok: false, reason: 'invalid' })
    expect(readBodyFromForm(form({ bodyJson: JSON.stringify(doc({ type: 'script' } as unknown as BlockNode)) }), 'body')).toEqual({ ok: false, reason: 'invalid' })
    expect(readBodyFromForm(form({ bodyJson: 'x'.repeat(200_001) }), 'body')).toEqual({ ok: false, reason: 'too_large' })
    expect(readBodyFromForm(form({ bodyText: 'x'.repeat(200_001) }), 'body')).toEqual({ ok: false, reason: 'too_large' })
    expect(readBodyFromForm(form({}), 'body')).toEqual({ ok: false, reason: 'invalid' })
  })
})

describe('anchors and emptiness', () => {
  test('blockAnchors lists each top-level block with its plain text', () => {
    const body = assignBlockIds(doc(h(2, 'Title'), p('a ', text('b', bold), br, 'c'), bullets('x', 'y')))
    expect(blockAnchors(body)).toEqual([
      { id: body.content[0]!.attrs!.id, kind: 'heading', text: 'Title' },
      { id: body.content[1]!.attrs!.id, kind: 'paragraph', text: 'a b\nc' },
      { id: body.content[2]!.attrs!.id, kind: 'bulletList', text: 'x\ny' },
    ])
  })

  test('a body of empty paragraphs is empty; a table is not', () => {
    expect(isBodyEmpty(textToDoc(''))).toBe(true)
    expect(isBodyEmpty(doc({ type: 'paragraph' }, p('  ')))).toBe(true)
    expect(isBodyEmpty(doc(table))).toBe(false)
  })

  test('link prompt answers become allowed hrefs', () => {
    expect(normaliseLinkInput(' www.gov.scot/a ')).toBe('https://www.gov.scot/a')
    expect(normaliseLinkInput('team@example.org')).toBe('mailto:team@example.org')
    expect(normaliseLinkInput('/consultations')).toBe('/consultations')
    expect(normaliseLinkInput('javascript:alert(1)')).toBeNull()
    expect(normaliseLinkInput('https://')).toBeNull()
  })
})

const ALLOWED_TAGS: Record<string, string[]> = {
  div: ['class'],
  p: ['id'],
  h2: ['id'],
  h3: ['id'],
  h4: ['id'],
  ul: ['id'],
  ol: ['id', 'start', 'type'],
  li: [],
  blockquote: ['id'],
  table: ['id', 'class'],
  tbody: [],
  tr: [],
  th: ['colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
  strong: [],
  em: [],
  br: [],
  a: ['href', 'rel'],
}

/** Fails unless every tag and attribute in the HTML is on the allow-list and every `<` starts one. */
function expectOnlyAllowedMarkup(html: string) {
  const tags = [...html.matchAll(/<(\/?)([a-z0-9]+)((?:\s+[a-z-]+="[^"<>]*")*)>/g)]
  const stripped = html.replace(/<(\/?)([a-z0-9]+)((?:\s+[a-z-]+="[^"<>]*")*)>/g, '')
  expect(stripped).not.toMatch(/[<>]/)
  for (const [, , name, attributes] of tags) {
    expect(Object.keys(ALLOWED_TAGS)).toContain(name)
    for (const [, attribute, value] of attributes!.matchAll(/([a-z-]+)="([^"]*)"/g)) {
      expect(ALLOWED_TAGS[name!]).toContain(attribute)
      expect(value).not.toMatch(/script:|^\s*data:/i)
    }
  }
}

describe('renderBodyHtml', () => {
  test('renders the paper with ids on top-level blocks and the design system’s table', () => {
    const stored = assignBlockIds(paper)
    const html = renderBodyHtml(stored)
    const [heading, paragraph, , list, quote, , tableBlock] = stored.content.map((block) => block.attrs!.id)
    expect(html).toContain(`<h2 id="${heading}">Part 1: Interpretation</h2>`)
    expect(html).toContain(`<p id="${paragraph}">In this Act <strong>“relevant body”</strong> means a body listed in <a href="/consultations/schedule-1" rel="noopener">schedule 1</a>.<br>See also`)
    expect(html).toContain(`<ol id="${list}" start="3"><li><p>A relevant body`)
    expect(html).toContain(`<blockquote id="${quote}"><p>Quoted evidence.</p>`)
    expect(html).toContain(`<div class="guth-body__table"><table id="${tableBlock}" class="ds_table"><tbody><tr><th><p>Year</p></th><th colspan="2"><p>Cost</p></th></tr>`)
    expect(html).not.toMatch(/style=|colgroup|target=/)
    expect(html.match(/ id="/g)).toHaveLength(stored.content.length)
    expectOnlyAllowedMarkup(html)
  })

  test.each<[string, BodyDoc]>([
    ['a script in text', doc(p('<script>alert(1)</script>'))],
    ['an image with onerror in text', doc(p('<img src=x onerror=alert(1)>'))],
    ['a quote that tries to break out of an attribute', doc(p('" onmouseover="alert(1)', text("x' onfocus='alert(1)", bold)))],
    ['a link to javascript:', doc(p(text('click', link('javascript:alert(1)'))))],
    ['an entity-encoded javascript: link', doc(p(text('click', link('javascript&#58;alert(1)'))))],
    ['a link whose href breaks out of its attribute', doc(p(text('click', link('https://example.org/"onmouseover="alert(1)'))))],
    ['a table cell with markup', doc({ type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [p('</td><script>alert(1)</script>')] }] }] })],
  ])('renders %s inert', (_, body) => {
    const html = renderBodyHtml(body)
    expectOnlyAllowedMarkup(html)
    expect(html).not.toMatch(/<(script|img)/i)
  })

  test('refuses to render attributes injected into the JSON', () => {
    expect(() => renderBodyHtml(doc({ type: 'paragraph', attrs: { id: 'x" onclick="alert(1)' } }))).toThrow(/failed validation/)
    expect(() => renderBodyHtml(doc({ type: 'paragraph', attrs: { onclick: 'alert(1)' } } as unknown as BlockNode))).toThrow(/failed validation/)
    expect(() => renderBodyHtml({ type: 'doc', content: [{ type: 'html', content: '<script>alert(1)</script>' }] })).toThrow(/failed validation/)
  })
})

describe('sanitizeBodyHtml', () => {
  test.each([
    ['<script>alert(1)</script><p>ok</p>', '<p>ok</p>'],
    ['<p>a<img src=x onerror=alert(1)>b</p>', '<p>ab</p>'],
    ['<img/src=x onerror=alert(1)>', '&lt;img/src=x onerror=alert(1)&gt;'],
    ['<a href="javascript:alert(1)">x</a>', 'x'],
    ['<a href="jav&#x09;ascript:alert(1)">x</a>', 'x'],
    ['<a href="https://ok.example" onmouseover="alert(1)" target="_blank">x</a>', '<a href="https://ok.example" rel="noopener">x</a>'],
    ['<p id="p-abcdefgh" onclick="alert(1)" style="x">t</p>', '<p id="p-abcdefgh">t</p>'],
    ['<p id="bad id">t</p>', '<p>t</p>'],
    ['<ul><li><p id="p-abcdefgh">nested ids go</p></li></ul>', '<ul><li><p>nested ids go</p></li></ul>'],
    ['<svg><script>alert(1)</script><circle/></svg>after', 'after'],
    ['<iframe src="https://evil.example"></iframe><p>x</p>', '<p>x</p>'],
    ['<<script>script>alert(1)<</script>/script>', '&lt;/script&gt;'],
    ['<!--<script>alert(1)</script>-->text', 'text'],
    ['<table style="min-width:25px"><colgroup><col style="width:9px"></colgroup><tbody><tr><td colspan="2" colwidth="9" style="x">c</td></tr></tbody></table>', '<div class="guth-body__table"><table class="ds_table"><tbody><tr><td colspan="2">c</td></tr></tbody></table></div>'],
    ['<p>unclosed <em>text', '<p>unclosed <em>text</em></p>'],
    ['<p>stray</em> close</p>', '<p>stray close</p>'],
    ['<p>&lt;b&gt; &amp;amp; &#60;i&#62; &bogus;</p>', '<p>&lt;b&gt; &amp;amp; &lt;i&gt; &amp;bogus;</p>'],
  ])('%s', (input, output) => {
    expect(sanitizeBodyHtml(input)).toBe(output)
  })
})

describe('BodyEditor without JavaScript', () => {
  test('is a labelled textarea holding the text format, and nothing else posts', () => {
    const html = renderToString(
      createElement(BodyEditor, { name: 'body', defaultDoc: doc(h(2, 'Aims'), p('To <consult> & listen')), label: 'Consultation paper', hint: 'The paper', formatHelp: 'Use ## for headings' }),
    )
    expect(html).toContain('<label class="ds_label" id="body-label" for="body">Consultation paper</label>')
    expect(html).toMatch(/<textarea id="body" name="bodyText" rows="20" class="ds_input guth-body-editor__text" aria-describedby="body-hint body-format"[^>]*>## Aims\n\nTo &lt;consult&gt; &amp; listen<\/textarea>/)
    expect(html).toContain('Use ## for headings')
    expect(html).not.toContain('bodyJson')
    expect(html).not.toContain('style=')
  })
})
