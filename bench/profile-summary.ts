import { readFileSync } from 'node:fs'

// Summarises a V8 .cpuprofile: the functions and packages where the server spent its time.
// Usage: npx tsx bench/profile-summary.ts <file.cpuprofile> [rows, default 30] [--last <seconds>]
// --last keeps only the final seconds of samples: the load, without start-up and seeding.
interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

const args = process.argv.slice(2)
const lastAt = args.indexOf('--last')
const lastSeconds = lastAt >= 0 ? Number(args.splice(lastAt, 2)[1]) : Infinity
const [file, rows = '30'] = args
if (!file) throw new Error('Usage: npx tsx bench/profile-summary.ts <file.cpuprofile> [rows]')
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile
const byId = new Map(profile.nodes.map((node) => [node.id, node]))
const parentOf = new Map<number, number>()
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id)

const selfMs = new Map<number, number>()
const sampledMs = profile.timeDeltas.reduce((sum, delta) => sum + delta / 1000, 0)
let elapsedMs = 0
profile.samples.forEach((id, index) => {
  const ms = (profile.timeDeltas[index] ?? 0) / 1000
  elapsedMs += ms
  if (sampledMs - elapsedMs <= lastSeconds * 1000) selfMs.set(id, (selfMs.get(id) ?? 0) + ms)
})
const total = [...selfMs.values()].reduce((sum, ms) => sum + ms, 0)
const idle = [...selfMs].filter(([id]) => ['(idle)', '(program)', '(garbage collector)'].includes(byId.get(id)!.callFrame.functionName))

// A package is the part of the path after the last node_modules/ (or "app" for our own code).
const packageOf = (url: string) => {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url.slice(url.lastIndexOf('node_modules/') - 1 >= 0 ? url.lastIndexOf('node_modules/') : 0))
  if (match) return match[1]!
  if (url.includes('/build/server/')) return 'guth (server build)'
  if (url.startsWith('node:') || url === '') return url || '(native)'
  return url.replace(/^file:\/\//, '').replace(process.cwd(), '.')
}
const label = (node: ProfileNode) => `${node.callFrame.functionName || '(anonymous)'} ${packageOf(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`

const self = new Map<string, number>()
const packages = new Map<string, number>()
const inclusive = new Map<string, number>()
for (const [id, ms] of selfMs) {
  const node = byId.get(id)!
  self.set(label(node), (self.get(label(node)) ?? 0) + ms)
  packages.set(packageOf(node.callFrame.url), (packages.get(packageOf(node.callFrame.url)) ?? 0) + ms)
  // Inclusive time: each function on the stack once, however deep the recursion.
  const seen = new Set<string>()
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const name = label(byId.get(at)!)
    if (!seen.has(name)) inclusive.set(name, (inclusive.get(name) ?? 0) + ms)
    seen.add(name)
  }
}

const print = (title: string, entries: Map<string, number>) => {
  console.log(`\n${title}`)
  for (const [name, ms] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, Number(rows)))
    console.log(`${((100 * ms) / total).toFixed(1).padStart(5)}%  ${name}`)
}
console.log(`${file}: ${(total / 1000).toFixed(1)} s sampled, of which idle/program/GC ${idle.map(([id, ms]) => `${byId.get(id)!.callFrame.functionName} ${((100 * ms) / total).toFixed(1)}%`).join(', ')}`)
print('By package (self time)', packages)
print('By function (self time)', self)
print('By function (inclusive time)', inclusive)
