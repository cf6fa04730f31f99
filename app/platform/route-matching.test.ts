import { createMemoryHistory, createRouter, matchRoutes } from '@remix-run/router'
import { expect, test } from 'vitest'

// The router is patched (patches/@remix-run+router+*.patch, docs/decisions/016) to keep each
// route tree's ranked branches and recent matches. These are the ways a stale copy would show.

test('a route added to a tree in place (lazy route discovery) is found on the next match', () => {
  const router = createRouter({
    routes: [{ id: 'root', path: '/', children: [{ id: 'events', path: 'events' }] }],
    history: createMemoryHistory(),
  })
  const before = router.routes
  expect(matchRoutes(before, '/consultations')).toBeNull()
  router.patchRoutes('root', [{ id: 'consultations', path: 'consultations' }])
  expect(matchRoutes(before, '/consultations')?.map((match) => match.route.id)).toEqual(['root', 'consultations'])
  router.dispose()
})

test('each match gets its own params, so one request cannot change the next one’s', () => {
  const routes = [{ id: 'root', path: '/', children: [{ id: 'consultation', path: 'consultations/:slug' }] }]
  const first = matchRoutes(routes, '/consultations/local-democracy-bill')!
  // A loader that writes to its params (they are typed read-only, but nothing stops it).
  ;(first[1]!.params as Record<string, string>).slug = 'changed'
  expect(matchRoutes(routes, '/consultations/local-democracy-bill')![1]!.params).toEqual({ slug: 'local-democracy-bill' })
  expect(matchRoutes(routes, '/consultations/island-ferries')![1]!.params).toEqual({ slug: 'island-ferries' })
})
