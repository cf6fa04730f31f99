import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

// `npm start` on a fresh clone: build once if there is no production build yet, then serve it.
if (!existsSync('build/server/index.js')) {
  console.log('No production build yet: building it now (about a minute)…')
  const result = spawnSync('remix', ['vite:build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
process.env.NODE_ENV ||= 'production'
await import('../server')
