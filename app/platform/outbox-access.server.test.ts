import { expect, test } from 'vitest'
import { isFromThisMachine } from './outbox-access.server'

test.each(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1', '0:0:0:0:0:0:0:1'])('a request from %s straight to the server is from this machine', (address) => {
  expect(isFromThisMachine({ address, forwarded: false })).toBe(true)
})

test.each(['10.0.0.5', '192.168.1.20', '::ffff:10.0.0.5', '203.0.113.9', 'fe80::1', '::', '', '::ffff:127.0.0.1.evil'])('a request from %s is not', (address) => {
  expect(isFromThisMachine({ address, forwarded: false })).toBe(false)
})

test('a loopback peer that passes on proxy headers is a proxy on this machine, so not this machine', () => {
  expect(isFromThisMachine({ address: '127.0.0.1', forwarded: true })).toBe(false)
  expect(isFromThisMachine(undefined)).toBe(false)
})
