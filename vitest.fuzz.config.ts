import tsconfigPaths from 'vite-tsconfig-paths'
// The fuzz suite (tests/e2e/fuzz.suite.ts) against build/: the last step of `npm test`, or `npm run test:fuzz` after a build.
import { defineConfig } from 'vitest/config'
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: { include: ['tests/e2e/fuzz.suite.ts'], setupFiles: ['tests/helpers/setup.ts'], testTimeout: 60_000, hookTimeout: 900_000 },
})
