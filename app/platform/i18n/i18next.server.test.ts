import { expect, test } from 'vitest'
import { getI18n, getLanguage } from './i18next.server'

// Fixed strings are translated once per language (rememberFixedStrings); everything that takes
// values must still be translated on each call.
test('a fixed label is the same on every call, and a counted string still follows its count', async () => {
  const t = (await getI18n('gd')).getFixedT('gd', 'analysis')
  expect(t('service.name', { ns: 'common' })).toBe('Guth')
  expect(t('service.name', { ns: 'common' })).toBe('Guth')
  expect([1, 2, 3, 20].map((count) => t('codes.subCodes', { count }))).toEqual(['1 fho-chòd', '2 fho-chòd', '3 fo-chòdan', '20 fo-chòd'])
  expect(t('codes.subCodes', { count: 2 })).toBe('2 fho-chòd')
})

test('the same key in each language, and in each namespace, keeps its own text', async () => {
  const english = (await getI18n('en')).getFixedT('en', 'common')
  const gaelic = (await getI18n('gd')).getFixedT('gd', 'common')
  expect(english('service.tagline')).not.toBe(gaelic('service.tagline'))
  expect(english('service.tagline')).toBe(english('service.tagline', { ns: 'common' }))
  expect(typeof (await getI18n('en')).getFixedT('en', 'legal')('privacy.sections', { returnObjects: true })).toBe('object')
})

test('a request’s language follows its cookie first, then its Accept-Language, however often it is asked', async () => {
  const asking = (headers: Record<string, string>) => getLanguage(new Request('http://guth.test/', { headers }))
  for (let i = 0; i < 3; i++) {
    expect(await asking({ 'accept-language': 'gd-GB,en;q=0.5' })).toBe('gd')
    expect(await asking({ 'accept-language': 'gd-GB,en;q=0.5', cookie: 'other=1; guth_lang=ImVuIg%3D%3D' })).toBe('en')
    expect(await asking({ 'accept-language': 'fr' })).toBe('en')
  }
})
