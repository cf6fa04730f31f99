import { useNonce } from '~/platform/nonce'

// JSON can hold "</script>" or "<!--" in any string; written as \u003c and friends it still parses
// to the same text and can never end the script element early. U+2028/2029 for old JS parsers.
const ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' }

/** The text of a JSON-LD script: JSON that HTML cannot read as markup. */
export const jsonLdText = (data: unknown) => JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => ESCAPES[c]!)

/** Structured data (schema.org) for search engines and aggregators, with the page's CSP nonce. */
export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json" nonce={useNonce()} dangerouslySetInnerHTML={{ __html: jsonLdText(data) }} />
}
