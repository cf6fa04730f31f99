import type { ServerBuild } from '@remix-run/node'

/** One route of the build's manifest, with its whole URL pattern. */
export interface ManifestRoute {
  id: string
  /** e.g. `/consultations/:slug/respond/questions/:number`; `*` for a splat. */
  pattern: string
  segments: string[]
  params: string[]
  index: boolean
  hasAction: boolean
  hasLoader: boolean
}

export function manifestRoutes(build: ServerBuild): ManifestRoute[] {
  const all = build.routes
  const fullPath = (id: string): string[] => {
    const route = all[id]
    if (!route) return []
    const own = route.path ? route.path.split('/').filter(Boolean) : []
    return [...(route.parentId ? fullPath(route.parentId) : []), ...own]
  }
  return Object.values(all)
    .filter((route) => route && route.id !== 'root')
    .map((route) => {
      const segments = fullPath(route!.id)
      return {
        id: route!.id,
        pattern: `/${segments.join('/')}`,
        segments,
        params: segments.filter((s) => s.startsWith(':') || s === '*').map((s) => (s === '*' ? '*' : s.slice(1))),
        index: Boolean(route!.index),
        hasAction: Boolean(route!.module.action),
        hasLoader: Boolean(route!.module.loader),
      }
    })
    .sort((a, b) => a.id.localeCompare(b.id))
}

/** The route a URL's path reaches, ranked as Remix ranks them (static over dynamic over splat). */
export function matchRoute(routes: ManifestRoute[], pathname: string) {
  let parts: string[]
  try {
    parts = pathname.split('/').filter(Boolean).map((p) => decodeURIComponent(p))
  } catch {
    parts = pathname.split('/').filter(Boolean)
  }
  let best: { route: ManifestRoute; score: number; params: Record<string, string> } | undefined
  for (const route of routes) {
    const params: Record<string, string> = {}
    let score = 0
    let ok = true
    for (let i = 0; i < route.segments.length; i++) {
      const segment = route.segments[i]!
      if (segment === '*') {
        params['*'] = parts.slice(i).join('/')
        score -= 2
        break
      }
      const part = parts[i]
      if (part === undefined) {
        ok = false
        break
      }
      if (segment.startsWith(':')) {
        params[segment.slice(1)] = part
        score += 3
      } else if (segment === part) score += 10
      else {
        ok = false
        break
      }
    }
    if (!ok) continue
    if (!route.segments.includes('*') && route.segments.length !== parts.length) continue
    // A layout and its index share a path; a document request lands on the index.
    if (route.index) score += 1
    if (!best || score > best.score) best = { route, score, params }
  }
  return best
}

/** Fills a pattern's params, each one escaped as a path segment unless given `raw`. */
export function fillPattern(route: ManifestRoute, values: Record<string, string>, raw: string[] = []) {
  const segments = route.segments.map((segment) => {
    const name = segment === '*' ? '*' : segment.startsWith(':') ? segment.slice(1) : undefined
    if (name === undefined) return segment
    const value = values[name] ?? 'no-such-thing'
    return raw.includes(name) ? value : encodeURIComponent(value)
  })
  return `/${segments.join('/')}`
}
