import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import i18next from 'i18next'
import { expect, test } from 'vitest'
import { serverI18nConfig as i18nConfig } from '~/platform/i18n/resources.server'
import { auditActionName } from './audit-names'

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name)
    if (statSync(file).isDirectory()) return sources(file)
    return /\.server\.ts$/.test(name) && !name.includes('.test.') ? [file] : []
  })
}

// Actions written as literals ('account.signed_in', audit('membership.removed', …)).
const written = [
  ...new Set(
    sources(path.resolve('app/modules')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/(?:action: |audit\()'([a-z_]+\.[a-z_]+)'/g)].map((match) => match[1]!),
    ),
  ),
]

test.each(['en', 'gd'])('every audit action the code writes has a name in %s', async (language) => {
  const i18n = i18next.createInstance()
  await i18n.init({ ...i18nConfig, lng: language })
  expect(written.length).toBeGreaterThan(20)
  const unnamed = written.filter((action) => auditActionName(i18n.t, action) === action)
  expect(unnamed).toEqual([])
})

test('the log shows a name, not the code', async () => {
  const i18n = i18next.createInstance()
  await i18n.init({ ...i18nConfig, lng: 'en' })
  expect(auditActionName(i18n.t, 'account.signed_in')).toBe('Signed in')
  expect(auditActionName(i18n.t, 'something.new')).toBe('something.new')
})
