import { Transform } from 'node:stream'

const CLOSING = Buffer.from('</body></html>')

/**
 * Passes an HTML document through with React's `</body></html>` moved to the very end. Remix
 * renders its streamed data scripts (single fetch) beside the `<html>` element, so React writes
 * them after `</html>`: a stray start tag to the HTML checker. Browsers already put such scripts in
 * the body, so the page they build is the same. Everything else streams as it comes.
 */
export function closingTagsLast() {
  let held = Buffer.alloc(0)
  let moved = false
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (moved) return done(null, chunk)
      held = Buffer.concat([held, chunk])
      const at = held.indexOf(CLOSING)
      if (at >= 0) {
        moved = true
        const rest = Buffer.concat([held.subarray(0, at), held.subarray(at + CLOSING.length)])
        held = Buffer.alloc(0)
        return done(null, rest)
      }
      // The closing tags may be split between this chunk and the next: keep back what could begin them.
      const safe = Math.max(0, held.length - (CLOSING.length - 1))
      const out = held.subarray(0, safe)
      held = held.subarray(safe)
      done(null, out)
    },
    flush(done) {
      done(null, moved ? CLOSING : held)
    },
  })
}
