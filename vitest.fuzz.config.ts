import tsconfigPaths from 'vite-tsconfig-paths'
// The fuzz suite (tests/e2e/fuzz.suite.ts), run on its own against build/ until it is green: `npm run test:fuzz`.
import { defineConfig } from 'vitest/config'
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: { include: ['tests/e2e/fuzz.suite.ts'], setupFiles: ['tests/helpers/setup.ts'], testTimeout: 60_000, hookTimeout: 900_000 },
})
