import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./app/modules/*/schema.ts', './app/platform/tables.ts'],
  out: './supabase/migrations',
  migrations: { prefix: 'supabase' },
  casing: 'snake_case',
  strict: true,
  verbose: true,
})
