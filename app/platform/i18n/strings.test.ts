import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { supportedLanguages } from './config'
import { getI18n } from './i18next.server'
import { BrowserStrings } from './strings'

// The page is rendered by i18next on the server and hydrated with BrowserStrings in the browser:
// every string must come out the same from both, or the reader sees text change as the page wakes.
const localesDir = path.resolve('locales')
const bundle = (language: string, namespace: string) => JSON.parse(readFileSync(path.join(localesDir, language, `${namespace}.json`), 'utf8')) as Record<string, unknown>
const namespaces = readdirSync(path.join(localesDir, 'en')).map((file) => file.replace(/\.json$/, ''))
const PLURAL = /_(zero|one|two|few|many|other)$/

/** Every key of a namespace: leaves (plural forms by their base key) and the objects above them. */
function keysOf(value: unknown, prefix = ''): { leaves: Map<string, string>; objects: string[] } {
  const leaves = new Map<string, string>()
  const objects: string[] = []
  for (const [name, inner] of Object.entries(value as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${name}` : name
    if (inner && typeof inner === 'object') {
      objects.push(key)
      const nested = keysOf(inner, key)
      for (const [k, v] of nested.leaves) leaves.set(k, v)
      objects.push(...nested.objects)
    } else leaves.set(key.replace(PLURAL, ''), String(inner))
  }
  return { leaves, objects }
}

/** Values for each {{variable}} in the text: awkward ones, with markup and replacement patterns. */
function valuesFor(text: string) {
  const values: Record<string, unknown> = {}
  for (const [, inner] of text.matchAll(/\{\{(.+?)\}\}/g)) {
    const name = inner!.split(',')[0]!.trim()
    if (name !== 'count') values[name] = `Àdhamh <b>&amp; $1 $& {{count}}`
  }
  return values
}

async function both(language: string) {
  const server = await getI18n(language as 'en' | 'gd')
  const browser = new BrowserStrings(language, async (lng, ns) => bundle(lng, ns))
  await browser.reloadResources([language], namespaces)
  return { server, browser }
}

describe.each(supportedLanguages)('in %s', (language) => {
  test.each(namespaces)('every string of %s is the same from the browser’s translator as from i18next', async (namespace) => {
    const { server, browser } = await both(language)
    const expected = server.getFixedT(language, namespace)
    const actual = browser.getFixedT(null, namespace)
    const { leaves, objects } = keysOf(bundle(language, namespace))
    let compared = 0
    for (const [key, text] of leaves) {
      const values = valuesFor(text)
      for (const count of [undefined, 0, 1, 2, 3, 4, 11, 20, 101, 12345]) {
        const options = count === undefined ? values : { ...values, count }
        expect(actual(key, options), `${namespace}:${key} ${JSON.stringify(options)}`).toBe(expected(key, options))
        compared++
      }
    }
    for (const key of objects) expect(actual(key, { returnObjects: true }), key).toEqual(expected(key, { returnObjects: true }))
    expect(compared).toBeGreaterThan(0)
  })

  test('keys named with their namespace, missing keys, a missing value, a prefix and a default read the same', async () => {
    const { server, browser } = await both(language)
    const cases: [string, Record<string, unknown> | undefined, string | undefined][] = [
      ['responses:channel.bsl', undefined, 'common'],
      ['analysis:codes.subCodes', { count: 2 }, 'common'],
      ['service.name', { ns: 'common' }, 'events'],
      ['no.such.key', undefined, 'common'],
      ['A sentence: not a namespace, just words', undefined, 'common'],
      ['codes.subCodes', {}, 'analysis'],
      ['codes.subCodes', { count: '2' }, 'analysis'],
      ['no.such.key', { defaultValue: 'Fallback for {{name}}', name: 'Ailsa' }, 'common'],
      ['service', undefined, 'common'],
      ['name', undefined, 'common'],
    ]
    for (const [key, options, namespace] of cases) {
      expect(browser.getFixedT(null, namespace!)(key, options), key).toBe(server.getFixedT(language, namespace)(key, options))
    }
    expect(browser.getFixedT(null, 'common', 'service')('name')).toBe(server.getFixedT(language, 'common', 'service')('name'))
    // The organisers' preview shows the other language's text on the same page.
    const other = language === 'en' ? 'gd' : 'en'
    await browser.reloadResources([other], ['common'])
    expect(browser.getFixedT(null, 'common')('service.tagline', { lng: other })).toBe(server.getFixedT(language, 'common')('service.tagline', { lng: other }))
  })
})

test('a namespace the page did not name is fetched when first asked for, and the page told when it arrives', async () => {
  const fetched: string[] = []
  const browser = new BrowserStrings('gd', async (lng, ns) => (fetched.push(`${lng}/${ns}`), bundle(lng, ns)))
  let told = 0
  browser.on('loaded', () => told++)
  const t = browser.getFixedT(null, 'events')
  expect(t('service.name', { ns: 'common' })).toBe('service.name')
  await expect.poll(() => told).toBe(1)
  expect(t('service.name', { ns: 'common' })).toBe('Guth')
  expect(fetched).toEqual(['gd/common'])
})
