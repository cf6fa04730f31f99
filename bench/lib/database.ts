import { randomBytes } from 'node:crypto'
import postgres from 'postgres'

export interface ScratchDatabase {
  url: string
  drop(): Promise<void>
}

/** A new, empty database on the Postgres server at `serverUrl`, dropped again by `drop()`. */
export async function createScratchDatabase(serverUrl: string): Promise<ScratchDatabase> {
  const name = `guth_bench_${randomBytes(6).toString('hex')}`
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
  try {
    await admin.unsafe(`CREATE DATABASE ${name}`)
  } catch (error) {
    await admin.end({ timeout: 5 })
    throw error
  }
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    url: url.href,
    async drop() {
      try {
        await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      } finally {
        await admin.end({ timeout: 5 })
      }
    },
  }
}
