import { readdirSync } from 'node:fs'
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const modules = readdirSync(`${import.meta.dirname}/app/modules`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)

// An import of another module's file other than its two faces and its schema. `self` is the module
// the importing file belongs to (its own files import each other relatively).
const intoInternals = (self) => ({
  regex: `^(~/modules/${self ? `(?!${self}/)` : ''}|(\\.\\./)+(modules/)?${self ? `(?!${self}/)` : ''}(?=(${modules.join('|')})/))[^/]+/(?!(index|index\\.server|schema)$).+`,
  message:
    "That is another module's internal file: import from ~/modules/<m> (safe anywhere) or ~/modules/<m>/index.server (server only), or ~/modules/<m>/schema for foreign keys and types. If you need another module's data, ask its owner for a named read function in its index.server.ts.",
})

export default tseslint.config(
  { ignores: ['build/**', '.data/**', 'node_modules/**', 'bench/results/**', 'supabase/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
      // Only the config module reads the environment; everything else asks it.
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through getEnv() in app/platform/env.server.ts.' },
      ],
    },
  },
  {
    files: ['app/platform/env.server.ts', 'scripts/**', 'tests/**', 'bench/**', '*.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  // Module boundaries (docs/decisions/020-module-shape.md). Cycles are checked by
  // scripts/boundaries-count.ts --check, which `npm run lint` runs after eslint.
  {
    files: ['app/**/*.{ts,tsx}', 'server.ts'],
    ignores: ['app/modules/**', 'app/platform/**', 'app/kernel/**', '**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [intoInternals()] }] },
  },
  ...modules.map((module) => ({
    files: [`app/modules/${module}/**/*.{ts,tsx}`],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [intoInternals(module)] }] },
  })),
  {
    files: ['app/platform/**/*.{ts,tsx}', 'app/kernel/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(~/|(\\.\\./)+)modules/',
              message:
                'platform/ and kernel/ never import a module: take what you need as a parameter or a callback, or move the generic part into app/kernel.',
            },
          ],
        },
      ],
    },
  },
)
