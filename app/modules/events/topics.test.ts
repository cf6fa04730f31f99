import i18next from 'i18next'
import { expect, test } from 'vitest'
import { serverI18nConfig as i18nConfig } from '~/platform/i18n/resources.server'
import { topicLabel } from './topics'

async function translator(language: string) {
  const i18n = i18next.createInstance()
  await i18n.init({ ...i18nConfig, lng: language })
  return i18n.t
}

test('topics read as names, not as stored lower-case tags', async () => {
  const en = await translator('en')
  expect(topicLabel(en, 'bsl')).toBe('BSL')
  expect(topicLabel(en, 'local democracy')).toBe('Local democracy')
  expect(topicLabel(en, 'net zero')).toBe('Net zero')
  const gd = await translator('gd')
  expect(topicLabel(gd, 'local democracy')).toBe('Deamocrasaidh ionadail')
})
