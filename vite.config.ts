import { vitePlugin as remix } from '@remix-run/dev'
import { defineConfig } from 'vite'
import tsconfigPaths from 'vite-tsconfig-paths'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

// In the browser's build, a module's files and the kernel have no side effects: a component that
// imports one name from a module's face (index.ts) gets only the file that defines it, not every
// file the face re-exports (form schemas and zod on every page). The server's build keeps the
// default, since its faces import files for their side effects (registrations, job handlers).
const sideEffectFree = /\/app\/(modules|kernel)\//

export default defineConfig(({ isSsrBuild }) => ({
  server: { port: 3000 },
  build: {
    target: 'es2022',
    cssMinify: true,
    ...(!isSsrBuild && { rollupOptions: { treeshake: { moduleSideEffects: (id: string) => !sideEffectFree.test(id) } } }),
  },
  plugins: [
    remix({
      ignoredRouteFiles: ['**/*.test.{ts,tsx}', '**/.*'],
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
      },
    }),
    tsconfigPaths(),
  ],
}))
