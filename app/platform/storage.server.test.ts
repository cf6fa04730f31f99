import { randomBytes } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest'
import { StorageError, supabaseFileStore } from './storage.server'

// A stand-in for Supabase Storage at https://guth-test.supabase.co/storage/v1 answering the calls
// storage-js makes: upload (POST /object/{bucket}/{path}, x-upsert), authenticated download,
// delete by prefixes, and signed URLs (POST /object/sign/{bucket}/{path} → { signedURL }).
const URL_BASE = 'https://guth-test.supabase.co'
const STORAGE = `${URL_BASE}/storage/v1`
const KEY = 'service-role-key'
const BUCKET = 'guth-media'

const objects = new Map<string, { body: Uint8Array; type: string }>()
const signatures = new Map<string, { key: string; expires: number }>()

const authorised = (request: Request) => request.headers.get('authorization') === `Bearer ${KEY}` && request.headers.get('apikey') === KEY
const denied = () => HttpResponse.json({ statusCode: '403', error: 'Unauthorized', message: 'Invalid JWT' }, { status: 403 })
const missing = () => HttpResponse.json({ statusCode: '404', error: 'not_found', message: 'Object not found' }, { status: 400 })
const noBucket = () => HttpResponse.json({ statusCode: '404', error: 'Bucket not found', message: 'Bucket not found' }, { status: 400 })
const keyOf = (params: Record<string, string | readonly string[] | undefined>) => [params.path].flat().join('/')

const server = setupServer(
  http.post(`${STORAGE}/object/sign/:bucket/*`, async ({ request, params }) => {
    if (!authorised(request)) return denied()
    const key = keyOf({ path: params['0'] })
    if (params.bucket !== BUCKET) return noBucket()
    if (!objects.has(key)) return missing()
    const { expiresIn } = (await request.json()) as { expiresIn: number }
    const token = randomBytes(12).toString('hex')
    signatures.set(token, { key, expires: Date.now() + expiresIn * 1000 })
    return HttpResponse.json({ signedURL: `/object/sign/${BUCKET}/${key}?token=${token}` })
  }),
  http.get(`${STORAGE}/object/sign/:bucket/*`, ({ request }) => {
    const token = new URL(request.url).searchParams.get('token') ?? ''
    const signature = signatures.get(token)
    if (!signature || signature.expires < Date.now()) return HttpResponse.json({ statusCode: '400', error: 'InvalidJWT', message: 'jwt expired' }, { status: 400 })
    const object = objects.get(signature.key)!
    return new HttpResponse(object.body, { headers: { 'content-type': object.type } })
  }),
  http.get(`${STORAGE}/object/authenticated/:bucket/*`, ({ request, params }) => {
    if (!authorised(request)) return denied()
    const object = params.bucket === BUCKET ? objects.get(keyOf({ path: params['0'] })) : undefined
    if (!object) return missing()
    return new HttpResponse(object.body, { headers: { 'content-type': object.type, 'content-length': String(object.body.byteLength) } })
  }),
  http.post(`${STORAGE}/object/:bucket/*`, async ({ request, params }) => {
    if (!authorised(request)) return denied()
    if (params.bucket !== BUCKET) return noBucket()
    const key = keyOf({ path: params['0'] })
    if (objects.has(key) && request.headers.get('x-upsert') !== 'true') {
      return HttpResponse.json({ statusCode: '409', error: 'Duplicate', message: 'The resource already exists' }, { status: 400 })
    }
    objects.set(key, { body: new Uint8Array(await request.arrayBuffer()), type: request.headers.get('content-type') ?? '' })
    return HttpResponse.json({ Id: randomBytes(8).toString('hex'), Key: `${BUCKET}/${key}` })
  }),
  http.delete(`${STORAGE}/object/:bucket`, async ({ request, params }) => {
    if (!authorised(request)) return denied()
    if (params.bucket !== BUCKET) return noBucket()
    const { prefixes } = (await request.json()) as { prefixes: string[] }
    const removed = prefixes.filter((key) => objects.delete(key))
    return HttpResponse.json(removed.map((name) => ({ name, bucket_id: BUCKET })))
  }),
)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())
beforeEach(() => {
  objects.clear()
  signatures.clear()
})

const store = supabaseFileStore({ url: URL_BASE, serviceRoleKey: KEY, bucket: BUCKET })
const text = async (body: ReadableStream<Uint8Array>) => new Response(body).text()

test('a file put in the bucket comes back the same, and is gone once removed', async () => {
  await store.put('documents/paper.pdf', new TextEncoder().encode('%PDF-1.7 paper'))
  const got = await store.get('documents/paper.pdf')
  expect(await text(got!.body)).toBe('%PDF-1.7 paper')
  expect(got!.bytes).toBe(14)
  await store.remove('documents/paper.pdf')
  expect(await store.get('documents/paper.pdf')).toBeNull()
})

test('a video is uploaded from disk with its content type, replacing an earlier one', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'guth-storage-'))
  const file = path.join(dir, 'answer.mp4')
  const bytes = randomBytes(3 * 1024 * 1024)
  writeFileSync(file, bytes)
  await store.putFile('media/abc/web.mp4', file, 'video/mp4')
  await store.putFile('media/abc/web.mp4', file, 'video/mp4')
  expect(objects.get('media/abc/web.mp4')!.type).toBe('video/mp4')
  expect(Buffer.from(objects.get('media/abc/web.mp4')!.body).equals(bytes)).toBe(true)
})

test('a signed URL fetches the private file until it expires, and asks for a download when told', async () => {
  await store.put('media/abc/poster.jpg', new TextEncoder().encode('jpeg'))
  const url = await store.signedUrl('media/abc/poster.jpg', { expiresInSeconds: 60 })
  expect(url).toMatch(new RegExp(`^${STORAGE}/object/sign/${BUCKET}/media/abc/poster.jpg\\?token=`))
  expect(await (await fetch(url!)).text()).toBe('jpeg')
  const download = await store.signedUrl('media/abc/poster.jpg', { expiresInSeconds: 0, downloadName: 'answer.jpg' })
  expect(new URL(download!).searchParams.get('download')).toBe('answer.jpg')
  await new Promise((resolve) => setTimeout(resolve, 5))
  expect((await fetch(download!)).status).toBe(400)
})

test('a missing object has no signed URL and no content', async () => {
  expect(await store.signedUrl('media/none/web.mp4', { expiresInSeconds: 60 })).toBeNull()
  expect(await store.get('media/none/web.mp4')).toBeNull()
})

test('a wrong key or a missing bucket is an error, not an empty answer', async () => {
  const intruder = supabaseFileStore({ url: URL_BASE, serviceRoleKey: 'anon-key', bucket: BUCKET })
  await expect(intruder.get('media/abc/web.mp4')).rejects.toBeInstanceOf(StorageError)
  const lost = supabaseFileStore({ url: URL_BASE, serviceRoleKey: KEY, bucket: 'nope' })
  await expect(lost.put('media/abc/web.mp4', new Uint8Array(1))).rejects.toThrow(/bucket nope not found/)
})

test('keys that could escape the bucket are refused before any request', async () => {
  await expect(store.get('../secrets.txt')).rejects.toThrow(/Unsafe storage key/)
})
