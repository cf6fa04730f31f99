import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import i18next from 'i18next'
import { expect, test } from 'vitest'
import { namespaces as declaredNamespaces, supportedLanguages } from './config'
import { serverI18nConfig } from './resources.server'

const root = path.resolve('locales')

function keys(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => keys(item, `${prefix}[${i}]`))
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
  }
  return [prefix]
}

function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (value && typeof value === 'object') return Object.values(value).flatMap(leaves)
  return []
}

const pluralSuffix = /_(zero|one|two|few|many|other)$/

function entries(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]]
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => entries(v, prefix ? `${prefix}.${k}` : k))
  }
  return []
}

/** Plural keys count once, whatever categories a language has. */
const baseKeys = (value: unknown) => [...new Set(keys(value).map((key) => key.replace(pluralSuffix, '')))].sort()

const namespaces = readdirSync(path.join(root, 'en')).filter((f) => f.endsWith('.json'))

test.each(namespaces)('%s has the same keys in every language, none of them empty', (file) => {
  const english = JSON.parse(readFileSync(path.join(root, 'en', file), 'utf8'))
  for (const language of supportedLanguages) {
    const strings = JSON.parse(readFileSync(path.join(root, language, file), 'utf8'))
    expect(baseKeys(strings), `${language}/${file}`).toEqual(baseKeys(english))
    const empty = leaves(strings).filter((value) => value.trim() === '')
    expect(empty, `${language}/${file} empty strings`).toEqual([])
  }
})

test('every language has every namespace file', () => {
  for (const language of supportedLanguages) {
    expect(readdirSync(path.join(root, language)).sort()).toEqual([...namespaces].sort())
  }
})

test.each(namespaces)('%s gives every plural key all of each language’s plural forms', (file) => {
  for (const language of supportedLanguages) {
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories.filter((c) => c !== 'zero')
    const all = keys(JSON.parse(readFileSync(path.join(root, language, file), 'utf8')))
    const plural = new Set(all.filter((key) => pluralSuffix.test(key)).map((key) => key.replace(pluralSuffix, '')))
    for (const base of plural) {
      expect(all.filter((key) => key.startsWith(`${base}_`)).map((key) => key.slice(base.length + 1)).sort(), `${language}/${file} ${base}`).toEqual(
        expect.arrayContaining([...categories].sort()),
      )
      expect(all, `${language}/${file} ${base} has a plain key beside its plural forms`).not.toContain(base)
    }
  }
})

const countedNoun = /\{\{\w+(, ?number)?\}\} (answers|responses|events|places|rows|characters|days|minutes|sub-codes|tries|videos|comments|replies|people|bookings)\b/

test.each(namespaces)('%s never writes a count before a plural noun outside a plural key', (file) => {
  const english = JSON.parse(readFileSync(path.join(root, 'en', file), 'utf8'))
  const unplural = entries(english).filter(([key, value]) => countedNoun.test(value) && !key.endsWith('_other'))
  expect(unplural.map(([key]) => key)).toEqual([])
})

const t = async (language: string) => {
  const instance = i18next.createInstance()
  await instance.init({ ...serverI18nConfig, lng: language })
  return instance.t
}

test('one response and two responses read right in English', async () => {
  const en = await t('en')
  expect(en('manage:list.responsesLink', { count: 1, title: 'Ferries' })).toBe('1 response to Ferries')
  expect(en('manage:list.responsesLink', { count: 2, title: 'Ferries' })).toBe('2 responses to Ferries')
  expect(en('analysis:summary.total', { count: 1 })).toBe('1 response was received.')
  expect(en('analysis:summary.total', { count: 2 })).toBe('2 responses were received.')
})

test('Gaelic uses its four plural forms', async () => {
  const gd = await t('gd')
  expect(gd('analysis:summary.total', { count: 1 })).toBe('Fhuaradh 1 fhreagairt.')
  expect(gd('analysis:summary.total', { count: 2 })).toBe('Fhuaradh 2 fhreagairt.')
  expect(gd('analysis:summary.total', { count: 3 })).toBe('Fhuaradh 3 freagairtean.')
  expect(gd('analysis:summary.total', { count: 20 })).toBe('Fhuaradh 20 freagairt.')
  expect(gd('analysis:summary.total', { count: 11 })).toBe('Fhuaradh 11 fhreagairt.')
})

test('the client-safe config names every namespace file', () => {
  expect([...declaredNamespaces].sort()).toEqual(namespaces.map((file) => file.replace(/\.json$/, '')).sort())
})
