import { expect, test } from 'vitest'
import { annotateBlocks } from './blocks.server'

test('each top-level block but headings gets a link to its thread after it; nested ids and blocks without a link are left alone', () => {
  const html =
    '<h2 id="p-heading01">Heading</h2><p id="p-first0001">One<br>line</p><ul id="p-list00001"><li><p>Item</p></li></ul>' +
    '<div class="guth-body__table"><table id="p-table0001" class="ds_table"><tr><td>Cell</td></tr></table></div><p id="p-quiet0001">Quiet</p>'
  const annotated = annotateBlocks(html, (id) => (id === 'p-quiet0001' ? null : { href: `/thread/${id}`, text: `Comments on ${id} <&>`, lang: 'gd' }))
  const links = [...annotated.matchAll(/<p class="guth-block-comments" lang="gd"><a href="([^"]+)">([^<]+)<\/a><\/p>/g)].map((match) => [match[1], match[2]])
  expect(links).toEqual([
    ['/thread/p-first0001', 'Comments on p-first0001 &lt;&amp;&gt;'],
    ['/thread/p-list00001', 'Comments on p-list00001 &lt;&amp;&gt;'],
    ['/thread/p-table0001', 'Comments on p-table0001 &lt;&amp;&gt;'],
  ])
  expect(annotated).toContain('</ul><p class="guth-block-comments"')
  expect(annotated).toContain('</table></div><p class="guth-block-comments"')
  expect(annotated.endsWith('<p id="p-quiet0001">Quiet</p>')).toBe(true)
})
