import i18next from 'i18next'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from '~/platform/i18n/react'
import { expect, test } from 'vitest'
import { serverI18nConfig as i18nConfig } from '~/platform/i18n/resources.server'
import { BslVideoStatus, type BslVideoState } from './BslAnswer'

const checking: BslVideoState = { status: 'processing', reason: null, fileName: 'question-1.mp4' }

async function render(audience?: 'respondent' | 'official') {
  const i18n = i18next.createInstance()
  await i18n.init({ ...i18nConfig, lng: 'en' })
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <BslVideoStatus video={checking} audience={audience} />
    </I18nextProvider>,
  )
}

test('a respondent whose video is being checked is told to carry on with the response', async () => {
  expect(await render()).toContain('You can carry on with your response.')
})

test('an official publishing a BSL version is told the video will appear when ready, not to carry on responding', async () => {
  const html = await render('official')
  expect(html).toContain('We have the video and are checking it. It will appear here when it is ready.')
  expect(html).not.toContain('your response')
})
