import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom/server'
import { describe, expect, test } from 'vitest'
import { getI18n } from '~/platform/i18n/i18next.server'
import { I18nextProvider } from '~/platform/i18n/react'
import * as publishedAnalysis from '~/routes/analysis.$slug._index'
import * as bslAnswers from '~/routes/manage.consultations.$id.bsl-answers'
import * as commentThread from '~/routes/comments.consultations.$slug.$block'

// A route's own error boundary, rendered as the server renders it after the route's loader
// failed: under a root route (whose loader gives the request's reference), in the reader's language.
async function failedPage(route: { ErrorBoundary: () => JSX.Element }, path: string, url: string, failure: unknown, language: 'en' | 'gd' = 'en') {
  const handler = createStaticHandler([
    {
      id: 'root',
      path: '/',
      loader: () => ({ requestId: 'req-7f3a' }),
      children: [{ id: 'page', path, loader: () => { throw failure }, ErrorBoundary: route.ErrorBoundary }],
    },
  ])
  const routed = await handler.query(new Request(`http://localhost${url}`))
  if (routed instanceof Response) throw new Error('unexpected redirect')
  const router = createStaticRouter(handler.dataRoutes, routed)
  const i18n = await getI18n(language)
  return { status: routed.statusCode, html: renderToString(createElement(I18nextProvider, { i18n }, createElement(StaticRouterProvider, { router, context: routed, hydrate: false }))) }
}

describe('a part of a page that fails on its own', () => {
  test('a thrown error in the published analysis says the analysis failed, with the reference, and leads back to the consultation', async () => {
    const { status, html } = await failedPage(publishedAnalysis, 'analysis/:slug', '/analysis/island-ferries', new Error('the database went away'))
    expect(status).toBe(500)
    expect(html).toContain('<h1 class="ds_page-header__title">The published analysis could not be shown</h1>')
    expect(html).toContain('The rest of Guth is working, and anything you had already saved has not been lost.')
    expect(html).toContain('quote reference req-7f3a')
    expect(html).toMatch(/<a [^>]*href="\/consultations\/island-ferries">Go to the consultation<\/a>/)
    expect(html).not.toContain('the database went away')
  })

  test('a refused BSL page says which page refused, in Gaelic for a Gaelic reader', async () => {
    const { html } = await failedPage(bslAnswers, 'manage/consultations/:id/bsl-answers', '/manage/consultations/c1/bsl-answers', new Response('Forbidden', { status: 403 }), 'gd')
    expect(html).toContain('Chan fhaod thu an duilleag BSL seo a chleachdadh')
    expect(html).toMatch(/<a [^>]*href="\/manage\/consultations\/c1">Rach gu foir-shealladh na co-chomhairle/)
  })

  test('a form whose token has expired says so, not that the person lacks a role', async () => {
    const { html } = await failedPage(commentThread, 'comments/consultations/:slug/:block', '/comments/consultations/island-ferries/p-1', new Response('csrf', { status: 403, statusText: 'csrf' }))
    expect(html).toContain('The form has expired')
    expect(html).not.toContain('You cannot see or change this comment')
  })

  test('another status gets the part’s generic message with the status', async () => {
    const { html } = await failedPage(commentThread, 'comments/consultations/:slug/:block', '/comments/consultations/island-ferries/p-1', new Response('Gone', { status: 410 }))
    expect(html).toContain('The comments could not be shown')
    expect(html).toContain('The page could not be shown (410).')
  })
})
