import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { getEnv } from './env.server'

/**
 * Where files live: local disk under DATA_DIR/files when embedded, a private Supabase Storage
 * bucket when SUPABASE_URL is set. Keys are Guth's own (`documents/<uuid>.pdf`), never a name
 * someone uploaded.
 */
export interface FileStore {
  put(key: string, body: Uint8Array): Promise<void>
  /** Stores a file from disk as a stream, never holding it all in memory (videos run to gigabytes). */
  putFile(key: string, file: string, contentType: string): Promise<void>
  /** A stream of the file, or null when there is none. */
  get(key: string): Promise<{ body: ReadableStream<Uint8Array>; bytes: number } | null>
  remove(key: string): Promise<void>
  /**
   * A short-lived URL the browser may fetch the file from directly, or null when the store has
   * none (local disk: Guth's own route streams the file after checking permission).
   */
  signedUrl(key: string, options: { expiresInSeconds: number; downloadName?: string }): Promise<string | null>
  /** Where the file is on this machine's disk (local store only), for streaming byte ranges. */
  filePath?(key: string): string
}

const SAFE_KEY = /^[a-z0-9-]+(\/[a-z0-9-]+)*\.[a-z0-9]+$/

function checkKey(key: string) {
  if (!SAFE_KEY.test(key)) throw new Error(`Unsafe storage key: ${key}`)
  return key
}

function localPath(key: string) {
  return path.resolve(getEnv().DATA_DIR, 'files', checkKey(key))
}

export const localFileStore: FileStore = {
  async put(key, body) {
    const file = localPath(key)
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, body)
  },
  async putFile(key, source) {
    const file = localPath(key)
    await mkdir(path.dirname(file), { recursive: true })
    await pipeline(createReadStream(source), createWriteStream(file))
  },
  async get(key) {
    const file = localPath(key)
    const info = await stat(file).catch(() => null)
    if (!info?.isFile()) return null
    return { body: Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>, bytes: info.size }
  },
  async remove(key) {
    await rm(localPath(key), { force: true })
  },
  async signedUrl() {
    return null
  },
  filePath: localPath,
}

export interface SupabaseStorageOptions {
  url: string
  serviceRoleKey: string
  bucket: string
  fetch?: typeof fetch
}

export class StorageError extends Error {}

/** Supabase Storage over its REST API (the same calls storage-js makes), with the service role key. */
export function supabaseFileStore({ url, serviceRoleKey, bucket, fetch: doFetch = (input, init) => fetch(input, init) }: SupabaseStorageOptions): FileStore {
  const base = `${url.replace(/\/$/, '')}/storage/v1`
  const headers = { authorization: `Bearer ${serviceRoleKey}`, apikey: serviceRoleKey }
  const objectUrl = (key: string) => `${base}/object/${bucket}/${checkKey(key)}`

  // Storage answers a missing object with 404, or (older versions) 400 and statusCode "404" in the body.
  async function call(target: string, init: RequestInit & { duplex?: 'half' }) {
    const response = await doFetch(target, { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) } })
    if (response.ok) return response
    const text = await response.text()
    const error = (() => {
      try {
        return JSON.parse(text) as { statusCode?: string }
      } catch {
        return {}
      }
    })()
    if (response.status === 404 || error.statusCode === '404') return new Response(null, { status: 404 })
    throw new StorageError(`Supabase Storage ${init.method ?? 'GET'} ${response.status}: ${text}`)
  }

  async function upload(key: string, body: BodyInit, contentType: string, bytes: number) {
    const response = await call(objectUrl(key), {
      method: 'POST',
      body,
      duplex: 'half',
      headers: { 'content-type': contentType, 'content-length': String(bytes), 'x-upsert': 'true', 'cache-control': 'max-age=3600' },
    })
    if (response.status === 404) throw new StorageError(`Supabase Storage bucket ${bucket} not found`)
  }

  return {
    async put(key, body) {
      await upload(key, new Blob([body as Uint8Array<ArrayBuffer>]), 'application/octet-stream', body.byteLength)
    },
    async putFile(key, file, contentType) {
      const { size } = await stat(file)
      await upload(key, Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>, contentType, size)
    },
    async get(key) {
      const response = await call(`${base}/object/authenticated/${bucket}/${checkKey(key)}`, { method: 'GET' })
      if (response.status === 404 || !response.body) return null
      return { body: response.body, bytes: Number(response.headers.get('content-length') ?? 0) }
    },
    async remove(key) {
      await call(`${base}/object/${bucket}`, {
        method: 'DELETE',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ prefixes: [checkKey(key)] }),
      })
    },
    async signedUrl(key, { expiresInSeconds, downloadName }) {
      const response = await call(`${base}/object/sign/${bucket}/${checkKey(key)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ expiresIn: expiresInSeconds }),
      })
      if (response.status === 404) return null
      const { signedURL } = (await response.json()) as { signedURL: string }
      const signed = new URL(`${base}${signedURL}`)
      // Storage sets Content-Disposition: attachment when `download` is present.
      if (downloadName !== undefined) signed.searchParams.set('download', downloadName)
      return signed.toString()
    },
  }
}

const holder = globalThis as typeof globalThis & { __guthFileStore?: FileStore }

export function getFileStore(): FileStore {
  if (holder.__guthFileStore) return holder.__guthFileStore
  const env = getEnv()
  holder.__guthFileStore =
    env.SUPABASE_URL && env.SUPABASE_SERVICE_ROLE_KEY
      ? supabaseFileStore({ url: env.SUPABASE_URL, serviceRoleKey: env.SUPABASE_SERVICE_ROLE_KEY, bucket: env.STORAGE_BUCKET })
      : localFileStore
  return holder.__guthFileStore
}

/** Tests choose the store (or go back to the configured one with undefined). */
export function setFileStoreForTests(store: FileStore | undefined) {
  holder.__guthFileStore = store
}
