import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

// Counts what issue 17 measures, so the numbers can be taken again after a change:
// imports into another module's internals, platform/kernel → modules, runtime import cycles,
// and the largest files. `npx tsx scripts/boundaries-count.ts [--list]`.
const root = path.resolve(import.meta.dirname, '..')
const app = path.join(root, 'app')
const list = process.argv.includes('--list')
// --check (in `npm run lint`): one line when the boundaries hold; otherwise each breach, what to do, exit 1.
const check = process.argv.includes('--check')

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return walk(full)
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [full] : []
  })
}

function resolve(from: string, spec: string): string | undefined {
  let base: string
  if (spec.startsWith('~/')) base = path.join(app, spec.slice(2))
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec)
  else return undefined
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate
  }
  return undefined
}

type Edge = { from: string; to: string; typeOnly: boolean }

function importsOf(file: string): Edge[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
  const edges: Edge[] = []
  const add = (spec: string, typeOnly: boolean) => {
    const to = resolve(file, spec)
    if (to) edges.push({ from: file, to, typeOnly })
  }
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause
      const named = clause?.namedBindings
      const allTypes =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly)))
      add(node.moduleSpecifier.text, allTypes)
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.exportClause
      const allTypes =
        node.isTypeOnly || (!!clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly))
      add(node.moduleSpecifier.text, allTypes)
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments
      if (arg && ts.isStringLiteral(arg)) add(arg.text, false)
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node.argument.literal.text, true)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return edges
}

const rel = (file: string) => path.relative(root, file)
const moduleOf = (file: string) => /^app\/modules\/([^/]+)\//.exec(rel(file))?.[1]
const publicFace = /^app\/modules\/[^/]+\/(index|index\.server|schema)\.tsx?$/

const files = walk(app).filter((f) => !/\.test\.tsx?$/.test(f))
const edges = files.flatMap(importsOf)

const reaches = edges.filter((e) => {
  const target = moduleOf(e.to)
  return target && moduleOf(e.from) !== target && !publicFace.test(rel(e.to))
})
const platformToModules = edges.filter((e) => /^app\/(platform|kernel)\//.test(rel(e.from)) && moduleOf(e.to))

// Runtime cycles: strongly connected components of the graph without type-only imports.
const graph = new Map<string, string[]>()
for (const e of edges) if (!e.typeOnly) graph.set(e.from, [...(graph.get(e.from) ?? []), e.to])
const cycles: string[][] = []
{
  let index = 0
  const indices = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const strong = (v: string) => {
    indices.set(v, index)
    low.set(v, index++)
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        strong(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!))
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = []
      let w: string
      do {
        w = stack.pop()!
        onStack.delete(w)
        component.push(w)
      } while (w !== v)
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.map(rel))
    }
  }
  for (const v of files) if (!indices.has(v)) strong(v)
}

const largest = walk(app)
  .map((f) => ({ file: rel(f), lines: readFileSync(f, 'utf8').split('\n').length }))
  .sort((a, b) => b.lines - a.lines)
  .slice(0, 10)

const byTarget = new Map<string, number>()
for (const e of reaches) byTarget.set(rel(e.to), (byTarget.get(rel(e.to)) ?? 0) + 1)

// Module-level cycles: module A's files import module B at runtime and B's import A.
const moduleEdges = new Set<string>()
for (const e of edges) {
  const [a, b] = [moduleOf(e.from), moduleOf(e.to)]
  if (!e.typeOnly && a && b && a !== b) moduleEdges.add(`${a}→${b}`)
}
const moduleCycles = [...moduleEdges].filter((edge) => {
  const [a, b] = edge.split('→')
  return a! < b! && moduleEdges.has(`${b}→${a}`)
})

if (check) {
  const breaches = [
    ...reaches.map((e) => `${rel(e.from)} imports ${rel(e.to)}, another module's internal file: import from ~/modules/<m> or ~/modules/<m>/index.server (or its schema); if you need another module's data, ask its owner for a named read function`),
    ...platformToModules.map((e) => `${rel(e.from)} imports ${rel(e.to)}: platform/ and kernel/ never import a module; take it as a parameter or callback, or move the generic part into app/kernel`),
    ...cycles.map((c) => `import cycle: ${c.join(' → ')}: move what both sides need into a third file (or the kernel), or have one side take the other's part as a parameter or registration`),
    ...moduleCycles.map((pair) => `modules import each other: ${pair.replace('→', ' ↔ ')}: one of them must not know the other; compose them above (a route or app/*.server.ts) or move the shared part into app/kernel`),
  ]
  if (breaches.length) {
    for (const line of breaches) console.error(`✗ ${line}`)
    process.exit(1)
  }
  console.log(`module boundaries: 0 imports into other modules' internals, 0 platform/kernel → modules, 0 runtime import cycles, 0 modules importing each other (${files.length} files)`)
  process.exit(0)
}

const fromModules = reaches.filter((e) => moduleOf(e.from)).length
console.log(`imports into another module's internals: ${reaches.length} (${fromModules} from other modules, ${reaches.length - fromModules} from routes and the rest of app/)`)
console.log(`  most reached: ${[...byTarget].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([f, n]) => `${f} (${n})`).join(', ')}`)
if (list) for (const e of reaches) console.log(`    ${rel(e.from)} → ${rel(e.to)}`)
console.log(`imports platform/kernel → modules: ${platformToModules.length}`)
for (const e of platformToModules) console.log(`    ${rel(e.from)} → ${rel(e.to)}`)
console.log(`runtime import cycles (strongly connected groups): ${cycles.length}`)
for (const c of cycles) console.log(`    ${c.join(' ↔ ')}`)
console.log(`modules importing each other at runtime (pairs): ${moduleCycles.length}${moduleCycles.length ? ` (${moduleCycles.join(', ')})` : ''}`)
console.log('largest files in app/ (lines):')
for (const { file, lines } of largest) console.log(`    ${lines}  ${file}`)
