import type { BackendModule, ResourceKey } from 'i18next'

// Each language's namespace is its own content-hashed chunk, served immutable with the other
// built assets; the browser fetches one only when a page needs it.
const bundles = import.meta.glob<ResourceKey>('/locales/*/*.json', { import: 'default' })

/** An i18next backend that reads the built locale chunks. */
export const localeBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    const load = bundles[`/locales/${language}/${namespace}.json`]
    if (!load) return callback(new Error(`No strings for ${language}/${namespace}`), false)
    load().then(
      (strings) => callback(null, strings),
      (error: Error) => callback(error, false),
    )
  },
}
