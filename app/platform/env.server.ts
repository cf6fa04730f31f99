import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { isIP } from 'node:net'
import path from 'node:path'
import { z } from 'zod'

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    TRUST_PROXY: z.string().default('false').transform((value, ctx) => {
      const trusted = parseTrustProxy(value)
      if (trusted === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: 'must be the number of proxies in front of Guth (e.g. 1), or their addresses or CIDRs separated by commas (loopback, linklocal, uniquelocal name those ranges)',
        })
        return z.NEVER
      }
      return trusted
    }),
    // off: a proxy or CDN in front compresses responses, so Guth sends them as they are.
    COMPRESSION: z.enum(['on', 'off']).default('on'),
    PUBLIC_URL: z.string().url().optional(),
    DATA_DIR: z.string().min(1).default('.data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    SUPABASE_URL: z.string().url().optional(),
    SUPABASE_ANON_KEY: z.string().min(1).optional(),
    SUPABASE_SERVICE_ROLE_KEY: z.string().min(1).optional(),
    SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
    MAIL_FROM: z.string().min(3).default('Guth <no-reply@guth.localhost>'),
    // Mail throughput: pooled SMTP connections for bulk mail (sign-in codes have one of their own),
    // messages per connection before it is renewed, and an optional ceiling for the provider.
    MAIL_POOL_CONNECTIONS: z.coerce.number().int().min(1).max(50).default(4),
    MAIL_POOL_MESSAGES: z.coerce.number().int().min(1).max(10_000).default(100),
    MAIL_RATE_PER_MINUTE: z.coerce.number().int().min(1).optional(),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    JOBS_WORKER: z.enum(['inline', 'off']).default('inline'),
    // Web server processes on one port (node:cluster). Only on Postgres: PGlite belongs to one process.
    WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
    // Comments: open reports that hide a comment until a moderator looks; how long replies gather before one digest email.
    COMMENT_AUTO_HIDE_REPORTS: z.coerce.number().int().min(1).max(100).default(3),
    COMMENT_DIGEST_DELAY_SECONDS: z.coerce.number().int().min(0).max(86_400).default(600),
    // Benchmark only: the seed adds a consultation with this many comments (bench/scenarios/comments.ts).
    SEED_COMMENT_BENCH: z.coerce.number().int().min(0).max(1_000_000).default(0),
    // Benchmark only: the seed adds this many published events (bench/scenarios/events.ts).
    SEED_EVENT_BENCH: z.coerce.number().int().min(0).max(100_000).default(0),
    // Benchmark only: the seed adds the synthetic consultation synth-1 with this many respondents (bench/scenarios/analysis.ts).
    SEED_ANALYSIS_BENCH: z.coerce.number().int().min(0).max(1_000_000).default(0),
    // Media (BSL videos): the private bucket, the video tools and the upload limits.
    STORAGE_BUCKET: z.string().regex(/^[a-z0-9-]+$/).default('guth-media'),
    FFMPEG_PATH: z.string().min(1).optional(),
    FFPROBE_PATH: z.string().min(1).optional(),
    UPLOAD_MAX_BYTES: z.coerce.number().int().min(1).default(2 * 1024 ** 3),
    UPLOAD_MAX_SECONDS: z.coerce.number().min(1).default(30 * 60),
  })
  .superRefine((env, ctx) => {
    if (env.SUPABASE_URL && (!env.SUPABASE_ANON_KEY || !env.SUPABASE_SERVICE_ROLE_KEY)) {
      const missing = !env.SUPABASE_ANON_KEY ? 'SUPABASE_ANON_KEY' : 'SUPABASE_SERVICE_ROLE_KEY'
      ctx.addIssue({ code: 'custom', path: [missing], message: 'is required when SUPABASE_URL is set' })
    }
    // A deployment (production on a real database) must bring its own secret; `npm start` on the
    // embedded database is a local run and keeps a generated one in DATA_DIR.
    if (env.NODE_ENV === 'production' && env.DATABASE_URL && !env.SESSION_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'is required in production with DATABASE_URL' })
    }
  })

const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal'])

/**
 * What Express's `trust proxy` gets: false (no proxy), a hop count, or proxy addresses. With any
 * of these the client address is the right-most X-Forwarded-For entry that no trusted proxy
 * added, which a client cannot choose. Express's own `true` would take the left-most entry, which
 * anyone can write, so it is never passed on: `true` is read as one hop, because installs that
 * said `true` were documented as "behind a load balancer", one proxy is the usual case, and one
 * hop can never be forged (behind more proxies, clients would share the nearest proxy's address,
 * which makes rate limits stricter, not weaker).
 */
export function parseTrustProxy(value: string): false | number | string[] | undefined {
  const text = value.trim().toLowerCase()
  if (text === 'false' || text === '0') return false
  if (text === 'true') return 1
  if (/^\d+$/.test(text)) return Number(text)
  const entries = text.split(',').map((entry) => entry.trim())
  return entries.every((entry) => PROXY_RANGE_NAMES.has(entry) || isAddressOrRange(entry)) ? entries : undefined
}

function isAddressOrRange(entry: string) {
  const [address = '', prefix, ...rest] = entry.split('/')
  const family = isIP(address)
  if (!family || rest.length) return false
  if (prefix === undefined) return true
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128)
}

export type Env = z.infer<typeof EnvSchema> & {
  SESSION_SECRET: string
  PUBLIC_URL: string
  /** true when this instance uses Supabase Auth and Storage */
  usesSupabase: boolean
  /** A local run (embedded database, mail to the outbox): the outbox page may be shown. */
  showsOutbox: boolean
}

export class ConfigError extends Error {}

/** Reads and validates the environment once; the only place that touches process.env. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''))
  const result = EnvSchema.safeParse(cleaned)
  if (!result.success) {
    const issue = result.error.issues[0]!
    const name = String(issue.path[0] ?? 'environment')
    throw new ConfigError(`Configuration error: ${name} ${issue.message}`)
  }
  const env = result.data
  return {
    ...env,
    PUBLIC_URL: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
    SESSION_SECRET: env.SESSION_SECRET ?? localSessionSecret(env.DATA_DIR),
    usesSupabase: Boolean(env.SUPABASE_URL),
    showsOutbox: env.NODE_ENV === 'development' || (!env.DATABASE_URL && !env.SMTP_URL),
  }
}

// Without a configured secret (local use), one is generated once and kept beside the embedded
// database, so sessions survive restarts without anyone having to invent a secret.
function localSessionSecret(dataDir: string) {
  const file = path.join(dataDir, 'session-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dataDir, { recursive: true })
  const secret = randomBytes(32).toString('hex')
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}

const cache = globalThis as typeof globalThis & { __guthEnv?: Env }

export function getEnv(): Env {
  cache.__guthEnv ??= parseEnv(process.env)
  return cache.__guthEnv
}

/** Tests replace the environment without touching process.env. */
export function setEnvForTests(overrides: Record<string, string | undefined>) {
  cache.__guthEnv = parseEnv({ ...process.env, ...overrides })
  return cache.__guthEnv
}
