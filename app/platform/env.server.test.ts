import { mkdtempSync, readFileSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import express from 'express'
import { expect, test } from 'vitest'
import { parseEnv } from './env.server'

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'guth-env-'))

test('nothing configured means the embedded database, local mail and a generated secret kept on disk', () => {
  const dir = dataDir()
  const env = parseEnv({ DATA_DIR: dir })
  expect(env.DATABASE_URL).toBeUndefined()
  expect(env.usesSupabase).toBe(false)
  expect(env.SESSION_SECRET).toHaveLength(64)
  expect(readFileSync(path.join(dir, 'session-secret'), 'utf8')).toBe(env.SESSION_SECRET)
  expect(parseEnv({ DATA_DIR: dir }).SESSION_SECRET).toBe(env.SESSION_SECRET)
})

test.each([
  [{ PORT: 'eighty' }, 'PORT'],
  [{ DATABASE_URL: 'mysql://localhost/guth' }, 'DATABASE_URL'],
  [{ SMTP_URL: 'localhost:25' }, 'SMTP_URL'],
  [{ SUPABASE_URL: 'https://abc.supabase.co', SUPABASE_SERVICE_ROLE_KEY: 'k' }, 'SUPABASE_ANON_KEY'],
  [{ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/guth' }, 'SESSION_SECRET'],
  [{ SESSION_SECRET: 'too short' }, 'SESSION_SECRET'],
  [{ WEB_CONCURRENCY: 'all' }, 'WEB_CONCURRENCY'],
])('a bad value stops start-up with one line naming the variable (%o)', (values, variable) => {
  expect(() => parseEnv({ DATA_DIR: dataDir(), ...values })).toThrow(new RegExp(`^Configuration error: ${variable} `))
  try {
    parseEnv({ DATA_DIR: dataDir(), ...values })
  } catch (error) {
    expect(String((error as Error).message)).not.toContain('\n')
  }
})

test('Supabase is used only when its URL and both keys are given', () => {
  const env = parseEnv({
    DATA_DIR: dataDir(),
    SUPABASE_URL: 'https://abc.supabase.co',
    SUPABASE_ANON_KEY: 'anon',
    SUPABASE_SERVICE_ROLE_KEY: 'service',
  })
  expect(env.usesSupabase).toBe(true)
})

test.each([
  ['false', false],
  ['0', false],
  ['2', 2],
  // Express's `true` takes the left-most X-Forwarded-For entry, which any client can write.
  ['true', 1],
  ['loopback', ['loopback']],
  ['10.0.0.0/8, 192.168.1.4, fd00::/8, uniquelocal', ['10.0.0.0/8', '192.168.1.4', 'fd00::/8', 'uniquelocal']],
])('TRUST_PROXY=%s is the hop count or the proxies Express trusts (%o)', (value, trusted) => {
  expect(parseEnv({ DATA_DIR: dataDir(), TRUST_PROXY: value }).TRUST_PROXY).toEqual(trusted)
})

test.each(['yes', '-1', '1.5', 'loopback, everyone', '10.0.0.0/33', '300.1.1.1'])('TRUST_PROXY=%s stops start-up, asking for the number of proxies', (value) => {
  expect(() => parseEnv({ DATA_DIR: dataDir(), TRUST_PROXY: value })).toThrow(/^Configuration error: TRUST_PROXY must be the number of proxies in front of Guth/)
})

test('nothing set trusts no proxy', () => {
  expect(parseEnv({ DATA_DIR: dataDir() }).TRUST_PROXY).toBe(false)
})

// The setting as createApp applies it: `app.set('trust proxy', env.TRUST_PROXY)`.
async function clientIpSeenWith(trustProxy: string, forwardedFor: string) {
  const app = express()
  app.set('trust proxy', parseEnv({ DATA_DIR: dataDir(), TRUST_PROXY: trustProxy }).TRUST_PROXY)
  app.get('/', (req, res) => void res.send(req.ip))
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening))
  })
  try {
    const { port } = server.address() as AddressInfo
    return await fetch(`http://127.0.0.1:${port}/`, { headers: { 'X-Forwarded-For': forwardedFor } }).then((r) => r.text())
  } finally {
    await new Promise((resolve) => server.close(resolve))
  }
}

test.each([
  ['1', '2.2.2.2'],
  ['true', '2.2.2.2'],
  ['loopback', '2.2.2.2'],
  ['2', '1.1.1.1'],
  ['false', '127.0.0.1'],
])('with TRUST_PROXY=%s and X-Forwarded-For "1.1.1.1, 2.2.2.2" (1.1.1.1 written by the client) the client address is %s', async (trustProxy, ip) => {
  expect(await clientIpSeenWith(trustProxy, '1.1.1.1, 2.2.2.2')).toBe(ip)
})
