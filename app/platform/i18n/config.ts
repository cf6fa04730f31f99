// Client-safe settings. The strings themselves are in resources.server.ts (the server keeps them
// all) and reach the browser per page, language and namespace (page-strings.tsx).
export const supportedLanguages = ['en', 'gd'] as const
export type Language = (typeof supportedLanguages)[number]
export const fallbackLanguage: Language = 'en'

export function isLanguage(value: unknown): value is Language {
  return supportedLanguages.includes(value as Language)
}

export const namespaces = [
  'account',
  'admin',
  'analysis',
  'auth',
  'bsl',
  'comments',
  'common',
  'consultations',
  'events',
  'legal',
  'manage',
  'respond',
  'responses',
] as const
export type Namespace = (typeof namespaces)[number]

export function isNamespace(value: unknown): value is Namespace {
  return namespaces.includes(value as Namespace)
}

export const i18nConfig = {
  supportedLngs: [...supportedLanguages],
  fallbackLng: fallbackLanguage,
  defaultNS: 'common',
  ns: [...namespaces],
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
}
