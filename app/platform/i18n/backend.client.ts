// Each language's namespace is its own content-hashed chunk, served immutable with the other
// built assets; the browser fetches one only when a page needs it.
const bundles = import.meta.glob<Record<string, unknown>>('/locales/*/*.json', { import: 'default' })

/** One language's strings for one namespace, from its built chunk. */
export function fetchStrings(language: string, namespace: string): Promise<Record<string, unknown>> {
  const load = bundles[`/locales/${language}/${namespace}.json`]
  return load ? load() : Promise.reject(new Error(`No strings for ${language}/${namespace}`))
}
