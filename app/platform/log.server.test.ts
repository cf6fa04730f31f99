import { describe, expect, test } from 'vitest'
import { describeError, scrubDatabaseMessage } from './log.server'

describe('what a log line may say about an error', () => {
  test('values Postgres quotes back are blanked; names of things are kept', () => {
    expect(scrubDatabaseMessage('invalid input syntax for type uuid: "ada-lovelace"')).toBe('invalid input syntax for type uuid: "…"')
    expect(scrubDatabaseMessage('value "99999999999999999999" is out of range for type bigint')).toBe('value "…" is out of range for type bigint')
    expect(scrubDatabaseMessage('duplicate key value violates unique constraint "users_email_key"')).toBe('duplicate key value violates unique constraint "users_email_key"')
    expect(scrubDatabaseMessage('invalid byte sequence for encoding "UTF8": 0x00')).toBe('invalid byte sequence for encoding "UTF8": 0x00')
  })

  test('a failed query keeps its SQL and SQLSTATE and loses its parameters, in the message and the stack', () => {
    const cause = Object.assign(new Error('new row violates check constraint "name_length"'), { code: '23514' })
    const failed = Object.assign(new Error('Failed query: insert into "users" ("name", "email") values ($1, $2)\nparams: Ada Lovelace,ada@example.org'), {
      name: 'DrizzleQueryError',
      query: 'insert into "users" ("name", "email") values ($1, $2)',
      cause,
    })
    const line = JSON.stringify(describeError(failed))
    expect(describeError(failed)).toMatchObject({ sqlstate: '23514', dbMessage: 'new row violates check constraint "name_length"' })
    expect(line).toContain('insert into \\"users\\"')
    expect(line).not.toContain('Ada')
    expect(line).not.toContain('ada@example.org')
  })

  test('an email address or a query string in any other message is blanked', () => {
    const line = JSON.stringify(describeError(new Error('could not send to ada@example.org from /events/x?email=ada%40example.org')))
    expect(line).not.toContain('ada')
    expect(line).toContain('<email>')
  })
})
