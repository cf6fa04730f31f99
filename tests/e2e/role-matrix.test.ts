import { readdirSync } from 'node:fs'
import { beforeAll, describe, expect, inject, test } from 'vitest'
import { demoAccounts } from '../helpers/demo-accounts'
import { HttpVisitor } from '../helpers/http-session'
import { type Role, roles, routeCases } from './role-matrix/routes'

const accounts: Record<Exclude<Role, 'anonymous'>, string> = demoAccounts

const visitors = {} as Record<Role, HttpVisitor>
const ids = { consultation: '', question: '' }
const resolve = (path: string) => path.replace('{consultation}', ids.consultation).replace('{question}', ids.question)

beforeAll(async () => {
  for (const role of roles) {
    visitors[role] = new HttpVisitor(inject('baseUrl'))
    if (role !== 'anonymous') await visitors[role].signIn(accounts[role], inject('mailDir'))
  }
  // The seeded consultation's ids, as an official finds them.
  const list = await (await visitors.official.request('/manage/consultations')).text()
  const row = list.split('<tr').find((r) => r.includes('href="/consultations/local-democracy-bill"')) ?? ''
  ids.consultation = /\/manage\/consultations\/([0-9a-f-]{36})/.exec(row)?.[1] ?? ''
  // The preview names every question, locked or not.
  const preview = await (await visitors.official.request(`/manage/consultations/${ids.consultation}/preview`)).text()
  ids.question = /preview-q-([0-9a-f-]{36})/.exec(preview)?.[1] ?? ''
  expect(ids.consultation && ids.question, 'the seeded consultation is on the officials’ list').toBeTruthy()
}, 600_000)

test('every route file is in the matrix', () => {
  const files = readdirSync('app/routes').filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.'))
  const covered = new Set(routeCases.flatMap((c) => c.files))
  expect(files.filter((f) => !covered.has(f))).toEqual([])
})

const notToSignIn = ['/language', '/sign-out', '/account/sign-out-everywhere']

describe.each(routeCases)('GET $path', ({ path, expect: expected, redirectsTo }) => {
  test.each(roles)('as %s', async (role) => {
    const url = resolve(path)
    const response = await visitors[role].request(url)
    expect(response.status, `${role} on ${url}`).toBe(expected[role])
    if (response.status !== 302) return
    const location = response.headers.get('location')
    if (redirectsTo) expect(location).toBe(redirectsTo)
    else if (role === 'anonymous' && !notToSignIn.includes(path)) expect(location).toBe(`/sign-in?redirectTo=${encodeURIComponent(url)}`)
  })
})
