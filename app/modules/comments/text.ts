// A comment is plain text: paragraphs, line breaks and web addresses, never markup. Isomorphic:
// the form checks the same rules in the browser that the server enforces.

export const MAX_COMMENT_LENGTH = 5000

// Control characters other than newline and tab, and the bidirectional overrides that can make
// text read as something else.
const UNPRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/

/** The text as stored: newlines unified, tabs as spaces, no spaces at line ends, at most one blank line in a row. */
export function normaliseCommentText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

export type CommentTextProblem = 'empty' | 'too_long' | 'unprintable'

/** Why the text cannot be a comment, or null when it can. */
export function commentTextProblem(text: string): CommentTextProblem | null {
  if (!text) return 'empty'
  if (text.length > MAX_COMMENT_LENGTH) return 'too_long'
  if (UNPRINTABLE.test(text)) return 'unprintable'
  return null
}

export type CommentPiece = { text: string } | { text: string; href: string }

// http(s) addresses and bare www. ones; punctuation that usually ends a sentence is not part of
// the address.
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi
const TRAILING = /[.,;:!?)\]}'"]+$/

function linkify(line: string): CommentPiece[] {
  const pieces: CommentPiece[] = []
  let last = 0
  for (const match of line.matchAll(URL)) {
    let address = match[0]
    const trailing = TRAILING.exec(address)?.[0] ?? ''
    // Keep a closing bracket that has its opening one inside the address (Wikipedia links).
    const kept = trailing.startsWith(')') && address.includes('(') ? ')' : ''
    address = address.slice(0, address.length - trailing.length) + kept
    const href = address.toLowerCase().startsWith('www.') ? `https://${address}` : address
    if (!isWebAddress(href)) continue
    if (match.index > last) pieces.push({ text: line.slice(last, match.index) })
    pieces.push({ text: address, href })
    last = match.index + address.length
  }
  if (last < line.length) pieces.push({ text: line.slice(last) })
  return pieces
}

function isWebAddress(href: string) {
  try {
    const url = new globalThis.URL(href)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.')
  } catch {
    return false
  }
}

/** The comment as paragraphs of lines of text and links, for rendering as React text (never HTML). */
export function commentParagraphs(body: string): CommentPiece[][][] {
  return body
    .split(/\n{2,}/)
    .filter((paragraph) => paragraph.trim())
    .map((paragraph) => paragraph.split('\n').map(linkify))
}
