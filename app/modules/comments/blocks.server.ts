import { getLanguage, getTranslator } from '~/platform/i18n/i18next.server'
import { loadComments } from './load.server'
import { countCommentsByBlock } from './queries.server'

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>/g
const VOID = new Set(['br', 'hr', 'img', 'wbr'])
const ID = /\bid="([^"]+)"/
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/**
 * Puts a link after each top-level block of a rendered (already sanitised) consultation paper:
 * "2 comments on this paragraph", leading to that block's thread. Headings get none.
 */
export function annotateBlocks(html: string, link: (blockId: string) => { href: string; text: string; lang: string } | null) {
  let out = ''
  let depth = 0
  let last = 0
  let blockId: string | undefined
  let heading = false
  for (const match of html.matchAll(TAG)) {
    const [whole, closing, name] = match
    const tag = name!.toLowerCase()
    if (VOID.has(tag)) continue
    if (!closing) {
      if (depth === 0) {
        blockId = undefined
        heading = /^h[2-6]$/.test(tag)
      }
      if (depth <= 1) blockId ??= ID.exec(match[3]!)?.[1]
      depth++
      continue
    }
    depth--
    const annotation = depth === 0 && blockId && !heading ? link(blockId) : null
    if (annotation) {
      const end = match.index + whole.length
      out += `${html.slice(last, end)}<p class="guth-block-comments" lang="${annotation.lang}"><a href="${escapeHtml(annotation.href)}">${escapeHtml(annotation.text)}</a></p>`
      last = end
    }
  }
  return out + html.slice(last)
}

/**
 * A consultation page's discussion: the general comments, and the paper with each block's
 * comment count linking to its own thread.
 */
export async function loadConsultationDiscussion(request: Request, consultation: { id: string; slug: string; open: boolean }, bodyHtml: string) {
  const [comments, counts, language] = await Promise.all([
    loadComments(request, { type: 'consultation', id: consultation.id }, { open: consultation.open }),
    bodyHtml ? countCommentsByBlock(consultation.id) : Promise.resolve({} as Record<string, number>),
    getLanguage(request),
  ])
  const t = await getTranslator(language, 'comments')
  const annotated = bodyHtml
    ? annotateBlocks(bodyHtml, (blockId) =>
        // Once comments close, a paragraph nobody discussed has nothing to open.
        counts[blockId] || consultation.open
          ? {
              href: `/comments/consultations/${consultation.slug}/${blockId}`,
              text: counts[blockId] ? t('blocks.count', { count: counts[blockId] }) : t('blocks.none'),
              lang: language,
            }
          : null,
      )
    : bodyHtml
  return { comments, bodyHtml: annotated }
}
