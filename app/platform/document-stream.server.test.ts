import { expect, test } from 'vitest'
import { closingTagsLast, wholeDocument } from './document-stream.server'

const document = '<!DOCTYPE html><html lang="gd"><head><title>Tachartasan</title></head><body><main>Fàilte</main><script>start()</script></body></html>'
const streamed = '<!--$--><script>window.__remixContext.streamController.enqueue("[1]");</script><!--$--><script>window.__remixContext.streamController.close();</script><!--/$--><!--/$-->'

function collect(chunks: Buffer[]) {
  return new Promise<string>((resolve) => {
    const sink = wholeDocument((html) => resolve(html.toString()))
    for (const chunk of chunks) sink.write(chunk)
    sink.end()
  })
}

test('the scripts Remix streams after </html> end up inside the body, wherever the chunks break', async () => {
  const whole = Buffer.from(document + streamed)
  const expected = document.replace('</body></html>', '') + streamed + '</body></html>'
  for (let cut = 0; cut <= whole.length; cut += 7) {
    expect(await collect([whole.subarray(0, cut), whole.subarray(cut)])).toBe(expected)
  }
  expect(await collect([...whole].map((byte) => Buffer.from([byte])))).toBe(expected)
})

test('a document with nothing after </html> and one without closing tags come out unchanged', () => {
  expect(closingTagsLast(Buffer.from(document)).toString()).toBe(document)
  expect(closingTagsLast(Buffer.from('<p>Gun chrìoch')).toString()).toBe('<p>Gun chrìoch')
})
