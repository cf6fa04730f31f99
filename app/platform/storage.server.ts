import { createReadStream } from 'node:fs'
import { mkdir, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { getEnv } from './env.server'

/**
 * Where files live: local disk under DATA_DIR/files when embedded. (Supabase Storage, a private
 * bucket with short-lived signed URLs, joins as a second adapter with the media work.)
 * Keys are Guth's own (`documents/<uuid>.pdf`), never a name someone uploaded.
 */
export interface FileStore {
  put(key: string, body: Uint8Array): Promise<void>
  /** A stream of the file, or null when there is none. */
  get(key: string): Promise<{ body: ReadableStream<Uint8Array>; bytes: number } | null>
  remove(key: string): Promise<void>
}

const SAFE_KEY = /^[a-z0-9-]+(\/[a-z0-9-]+)*\.[a-z0-9]+$/

function localPath(key: string) {
  if (!SAFE_KEY.test(key)) throw new Error(`Unsafe storage key: ${key}`)
  return path.resolve(getEnv().DATA_DIR, 'files', key)
}

export const localFileStore: FileStore = {
  async put(key, body) {
    const file = localPath(key)
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, body)
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
}

export function getFileStore(): FileStore {
  return localFileStore
}
