import { Writable } from 'node:stream'

const CLOSING = Buffer.from('</body></html>')

/**
 * The document with React's `</body></html>` moved to the very end. Remix renders its streamed
 * data scripts (single fetch) beside the `<html>` element, so React writes them after `</html>`:
 * a stray start tag to the HTML checker. Browsers already put such scripts in the body, so the
 * page they build is the same.
 */
export function closingTagsLast(html: Buffer) {
  const at = html.indexOf(CLOSING)
  if (at < 0 || at + CLOSING.length === html.length) return html
  return Buffer.concat([html.subarray(0, at), html.subarray(at + CLOSING.length), CLOSING])
}

/**
 * A sink that keeps everything written to it and hands over the whole document once it ends.
 * Pages are sent whole: one compression call and one write cost far less than the hundreds of
 * small chunks React writes, and no page waits on slow data after its first bytes.
 */
export function wholeDocument(onDocument: (html: Buffer) => void) {
  const chunks: Buffer[] = []
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk)
      done()
    },
    final(done) {
      onDocument(closingTagsLast(Buffer.concat(chunks)))
      done()
    },
  })
}
