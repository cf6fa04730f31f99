import { readdirSync } from 'node:fs'
import { beforeAll, describe, expect, inject, test } from 'vitest'
import { HttpVisitor } from '../helpers/http-session'
import { type Role, roles, routeCases } from './role-matrix/routes'

// The demo accounts seeded on an empty database (see scripts/seed/demo.ts).
const accounts: Record<Exclude<Role, 'anonymous'>, string> = {
  citizen: 'citizen@guth.example',
  organiser: 'organiser@guth.example',
  moderator: 'moderator@guth.example',
  official: 'official@guth.example',
  admin: 'admin@guth.example',
}

const visitors = {} as Record<Role, HttpVisitor>

beforeAll(async () => {
  for (const role of roles) {
    visitors[role] = new HttpVisitor(inject('baseUrl'))
    if (role !== 'anonymous') await visitors[role].signIn(accounts[role], inject('mailDir'))
  }
}, 120_000)

test('every route file is in the matrix', () => {
  const files = readdirSync('app/routes').filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.'))
  const covered = new Set(routeCases.flatMap((c) => c.files))
  expect(files.filter((f) => !covered.has(f))).toEqual([])
})

describe.each(routeCases)('GET $path', ({ path, expect: expected }) => {
  test.each(roles)('as %s', async (role) => {
    const response = await visitors[role].request(path)
    expect(response.status, `${role} on ${path}`).toBe(expected[role])
    if (response.status === 302 && expected[role] === 302 && role === 'anonymous' && !['/language', '/sign-out', '/account/sign-out-everywhere'].includes(path)) {
      expect(response.headers.get('location')).toBe(`/sign-in?redirectTo=${encodeURIComponent(path)}`)
    }
  })
})
