import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
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
