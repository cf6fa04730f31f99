import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import { supportedLanguages } from './config'

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

const namespaces = readdirSync(path.join(root, 'en')).filter((f) => f.endsWith('.json'))

test.each(namespaces)('%s has the same keys in every language, none of them empty', (file) => {
  const english = JSON.parse(readFileSync(path.join(root, 'en', file), 'utf8'))
  for (const language of supportedLanguages) {
    const strings = JSON.parse(readFileSync(path.join(root, language, file), 'utf8'))
    expect(keys(strings).sort(), `${language}/${file}`).toEqual(keys(english).sort())
    const empty = leaves(strings).filter((value) => value.trim() === '')
    expect(empty, `${language}/${file} empty strings`).toEqual([])
  }
})

test('every language has every namespace file', () => {
  for (const language of supportedLanguages) {
    expect(readdirSync(path.join(root, language)).sort()).toEqual([...namespaces].sort())
  }
})
