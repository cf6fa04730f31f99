import { Readable } from 'node:stream'
import { text } from 'node:stream/consumers'
import { expect, test } from 'vitest'
import { closingTagsLast } from './document-stream.server'

const document = '<!DOCTYPE html><html lang="gd"><head><title>Tachartasan</title></head><body><main>Fàilte</main><script>start()</script></body></html>'
const streamed = '<!--$--><script>window.__remixContext.streamController.enqueue("[1]");</script><!--$--><script>window.__remixContext.streamController.close();</script><!--/$--><!--/$-->'

async function passThrough(chunks: Buffer[]) {
  return text(Readable.from(chunks).pipe(closingTagsLast()))
}

test('the scripts Remix streams after </html> end up inside the body, wherever the chunks break', async () => {
  const whole = Buffer.from(document + streamed)
  const expected = document.replace('</body></html>', '') + streamed + '</body></html>'
  for (let cut = 0; cut <= whole.length; cut++) {
    expect(await passThrough([whole.subarray(0, cut), whole.subarray(cut)])).toBe(expected)
  }
  const byteByByte = [...whole].map((byte) => Buffer.from([byte]))
  expect(await passThrough(byteByByte)).toBe(expected)
})

test('a document with nothing after </html> and one without closing tags come out unchanged', async () => {
  expect(await passThrough([Buffer.from(document)])).toBe(document)
  expect(await passThrough([Buffer.from('<p>Gun chrìoch')])).toBe('<p>Gun chrìoch')
})
