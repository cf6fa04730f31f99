import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { commentTextProblem, normaliseCommentText } from '~/modules/comments'
import { CommentText } from './CommentsThread'

// Payloads from the OWASP XSS filter evasion cheat sheet and friends: stored as the text people
// typed, shown as that text, never as markup.
const corpus = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  '"><script>alert(document.cookie)</script>',
  "'-alert(1)-'",
  '<a href="javascript:alert(1)">click</a>',
  'javascript:alert(1)',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<body onload=alert(1)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<div style="background:url(javascript:alert(1))">',
  'https://example.org/"onmouseover="alert(1)',
  'https://example.org/<script>alert(1)</script>',
  '<details open ontoggle=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
]

function render(body: string) {
  return renderToStaticMarkup(<CommentText body={body} />)
}

describe('a comment is plain text whatever is typed', () => {
  test.each(corpus)('%s is shown as text, not markup', (payload) => {
    const html = render(payload)
    // No element other than the ones the renderer makes, and no attribute other than href/rel/class.
    const tags = [...html.matchAll(/<([a-z]+)\b/g)].map((match) => match[1])
    expect(tags.every((tag) => ['div', 'p', 'span', 'br', 'a'].includes(tag!))).toBe(true)
    const attributes = [...html.matchAll(/<[a-z]+\b([^>]*)>/g)].flatMap((tag) => [...tag[1]!.matchAll(/\s([a-z-]+)=/g)].map((match) => match[1]))
    expect(attributes.every((name) => ['class', 'href', 'rel'].includes(name!))).toBe(true)
    expect(html).not.toMatch(/href="(?!https?:)/)
    // What was typed reads back as the same characters.
    const text = html.replace(/<br\/>/g, '\n').replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&')
    expect(text).toBe(payload)
  })

  test('addresses become links that pass on no ranking and no opener; paragraphs and line breaks stay', () => {
    const html = render('See https://www.gov.scot/publications/ (page 4).\nAlso www.example.org.\n\nSecond paragraph')
    expect(html).toContain('<a href="https://www.gov.scot/publications/" rel="nofollow ugc noopener">https://www.gov.scot/publications/</a>')
    expect(html).toContain('<a href="https://www.example.org" rel="nofollow ugc noopener">www.example.org</a>')
    expect(html.match(/<p>/g)).toHaveLength(2)
    expect(html).toContain('<br/>')
  })

  test('text is tidied and checked before it is stored', () => {
    expect(normaliseCommentText('  One\r\n\r\n\r\n\r\nTwo\t!  ')).toBe('One\n\nTwo !')
    expect(commentTextProblem('')).toBe('empty')
    expect(commentTextProblem('a'.repeat(5001))).toBe('too_long')
    expect(commentTextProblem('right-to-left \u202E override')).toBe('unprintable')
    expect(commentTextProblem('Fine.\nReally.')).toBeNull()
  })
})
