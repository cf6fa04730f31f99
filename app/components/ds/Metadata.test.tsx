import { renderToStaticMarkup } from 'react-dom/server'
import { expect, test } from 'vitest'
import { MetadataItem } from './Metadata'

// The design system's CSS adds the colon after the key; the space after it has to be in the markup.
test('a fact reads "When: date", not "When:date"', () => {
  const html = renderToStaticMarkup(
    <dl className="ds_metadata">
      <MetadataItem label="When">8 January 2027</MetadataItem>
      <MetadataItem label="Cuin">8 dhen Fhaoilleach 2027</MetadataItem>
    </dl>,
  )
  expect(html.replace(/<[^>]+>/g, '')).toBe('When 8 January 2027Cuin 8 dhen Fhaoilleach 2027')
  expect(html).toContain('<dt class="ds_metadata__key">When</dt> <dd class="ds_metadata__value">8 January 2027</dd>')
})
