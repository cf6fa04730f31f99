import { expect, test } from 'vitest'
import { gateBody, gateQuery } from './request-gate.server'

const post = (body: BodyInit, type?: string) =>
  new Request('http://guth.test/events/x', { method: 'POST', body, headers: type ? { 'content-type': type } : {} })

async function refusal(promise: Promise<unknown> | (() => void)) {
  try {
    await (typeof promise === 'function' ? promise() : promise)
  } catch (error) {
    if (error instanceof Response) return { status: error.status, ...(await error.json()) }
    throw error
  }
  return null
}

test('a JSON body to a form is refused as an unsupported type', async () => {
  expect(await refusal(gateBody(post('{"email":"a@b"}', 'application/json')))).toMatchObject({ status: 415 })
})

test('multipart is refused where the route takes no files, and plain forms where it takes only files', async () => {
  expect(await refusal(gateBody(post('--x--', 'multipart/form-data; boundary=x')))).toMatchObject({ status: 415 })
  expect(await refusal(gateBody(post('a=b', 'application/x-www-form-urlencoded'), { multipart: 'only' }))).toMatchObject({ status: 415 })
  const upload = post('--x--', 'multipart/form-data; boundary=x')
  expect(await gateBody(upload, { multipart: 'only' })).toBe(upload)
})

test('a body over the route’s cap is refused as too large, even without a Content-Length', async () => {
  const big = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode(`a=${'x'.repeat(2_000)}`)); c.close() } })
  const request = new Request('http://guth.test/x', { method: 'POST', body: big, headers: { 'content-type': 'application/x-www-form-urlencoded' }, duplex: 'half' } as RequestInit)
  expect(await refusal(gateBody(request, { maxBytes: 1_000 }))).toMatchObject({ status: 413 })
})

test('a NUL or other control character is refused naming the field; tabs and new lines are text', async () => {
  expect(await refusal(gateBody(post('name=Ailsa%00&email=a%40b', 'application/x-www-form-urlencoded')))).toEqual({
    status: 400,
    reason: 'control_characters',
    fields: ['name'],
  })
  const passed = await gateBody(post('answer=line%0Aline%09tab%0D%0A', 'application/x-www-form-urlencoded'))
  expect((await passed.formData()).get('answer')).toBe('line\nline\ttab\r\n')
})

test('text reaches the action in NFC', async () => {
  const decomposed = 'Ma\u0301iri' // "Máiri" with a combining accent
  const passed = await gateBody(post(new URLSearchParams({ name: decomposed }).toString(), 'application/x-www-form-urlencoded'))
  expect((await passed.formData()).get('name')).toBe('M\u00e1iri')
})

test('query strings: a page that is not a whole number, a NUL or an endless value is a 400', async () => {
  const get = (query: string) => () => gateQuery(new Request(`http://guth.test/consultations${query}`))
  expect(await refusal(get('?page=99999999999999999999'))).toMatchObject({ status: 400 })
  expect(await refusal(get('?page=-1'))).toMatchObject({ status: 400 })
  expect(await refusal(get('?q=%00'))).toMatchObject({ status: 400 })
  expect(await refusal(get(`?q=${'a'.repeat(3_000)}`))).toMatchObject({ status: 400 })
  expect(await refusal(get('?page=3&q=budget'))).toBeNull()
})
