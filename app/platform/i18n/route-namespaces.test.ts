import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import { isNamespace } from './config'

// A page's strings reach the browser only for the namespaces its routes declare in `handle.i18n`
// (page-strings.tsx). This reads what each page's browser code can use: the route file and every
// module it imports, statically or lazily, apart from server-only ones.
const app = path.resolve('app')
const routes = path.join(app, 'routes')

function resolveImport(from: string, specifier: string) {
  const base = specifier.startsWith('~/') ? path.join(app, specifier.slice(2)) : specifier.startsWith('.') ? path.resolve(path.dirname(from), specifier) : null
  if (!base) return null
  return [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')].find(
    (file) => /\.tsx?$/.test(file) && existsSync(file),
  )
}

function namespacesUsed(file: string, seen = new Set<string>()): Set<string> {
  const found = new Set<string>()
  if (seen.has(file)) return found
  seen.add(file)
  // Comments may mention keys (`auth:errors.emailMissing`) that nothing shows.
  const source = readFileSync(file, 'utf8')
    .replace(/\/\*[^]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1')
  if (/useTranslation\(\s*\)/.test(source)) found.add('common')
  for (const [, list] of source.matchAll(/useTranslation\(\s*(\[[^\]]*\]|'[^']*')/g)) {
    for (const [, ns] of list!.matchAll(/'(\w+)'/g)) found.add(ns!)
  }
  // A prefixed key anywhere: in t('ns:key') and in the messages of form schemas, which the
  // browser translates when it checks a form.
  for (const [, ns] of source.matchAll(/['"`](\w+):\w/g)) if (isNamespace(ns)) found.add(ns)
  for (const [, ns] of source.matchAll(/\bns: *['"](\w+)['"]/g)) found.add(ns!)
  const imports = [
    ...[...source.matchAll(/^import\s+(?!type\s)([^'"]*?)from\s+['"]([^'"]+)['"]/gm)].map((match) => ({ specifier: match[2]!, names: importedNames(match[1]!) })),
    ...[...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((match) => ({ specifier: match[1]!, names: null })),
  ]
  for (const { specifier, names } of imports) {
    const target = resolveImport(file, specifier)
    if (!target || /\.server\.tsx?$/.test(target)) continue
    for (const followed of throughFace(target, names)) for (const ns of namespacesUsed(followed, seen)) found.add(ns)
  }
  return found
}

/** The value names an import clause takes (`{ a, b as c, type T }` gives a, b), or null for all of a module. */
function importedNames(clause: string): string[] | null {
  const braces = /\{([^}]*)\}/.exec(clause)
  if (!braces || /\*\s+as\s/.test(clause) || /^\s*\w+\s*(,|$)/.test(clause)) return null
  return braces[1]!
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part && !part.startsWith('type '))
    .map((part) => part.split(/\s+as\s+/)[0]!.trim())
}

/**
 * A module's face (index.ts) re-exports its files; the bundle keeps only those the page imports
 * names from, so follow those rather than the whole face.
 */
function throughFace(target: string, names: string[] | null): string[] {
  if (!names || path.basename(target) !== 'index.ts') return [target]
  const source = readFileSync(target, 'utf8')
  const files = new Set<string>()
  for (const name of names) {
    const line = [...source.matchAll(/^export\s+\{([^}]*)\}\s+from\s+['"]([^'"]+)['"]/gm)].find(([, list]) =>
      list!.split(',').some((part) => part.trim().replace(/^type\s+/, '').split(/\s+as\s+/).at(-1)!.trim() === name),
    )
    const from = line && resolveImport(target, line[2]!)
    // A name the face defines itself, or takes from `export *`: read the whole face.
    if (!from) return [target]
    files.add(from)
  }
  return [...files]
}

function declared(source: string) {
  const list = /export const handle = \{[^]*?\bi18n: \[([^\]]*)\]/.exec(source)?.[1] ?? ''
  return [...list.matchAll(/'(\w+)'/g)].map((match) => match[1]!)
}

const pages = readdirSync(routes).filter((name) => /\.tsx$/.test(name) && /^export default/m.test(readFileSync(path.join(routes, name), 'utf8')))

test.each(pages)('%s declares the namespaces its page uses, and no others', (name) => {
  const file = path.join(routes, name)
  // The root route declares `common`, which every page has.
  const used = [...namespacesUsed(file)].filter((ns) => ns !== 'common').sort()
  expect(declared(readFileSync(file, 'utf8')).sort()).toEqual(used)
})

test('the scan finds what a page uses through its components', () => {
  expect([...namespacesUsed(path.join(routes, 'events._index.tsx'))].sort()).toEqual(['common', 'events'])
  expect(declared(readFileSync(path.join(app, 'root.tsx'), 'utf8'))).toEqual(['common'])
})
