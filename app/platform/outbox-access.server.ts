import { isIP } from 'node:net'
import type { AppLoadContext } from '@remix-run/node'
import { getEnv } from './env.server'

/**
 * True only for a request made on this machine: the TCP peer is a loopback address and no proxy
 * header came with it. A reverse proxy on the same machine connects from loopback too, so any
 * Forwarded, X-Forwarded-*, Via or X-Real-IP header counts as "from elsewhere". TRUST_PROXY
 * plays no part: this is the socket's address, not the client address Express derives.
 */
export function isFromThisMachine(peer: AppLoadContext['peer']) {
  if (!peer || peer.forwarded) return false
  return isLoopback(peer.address)
}

function isLoopback(address: string) {
  const v4 = address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : address
  if (isIP(v4) === 4) return v4.split('.')[0] === '127'
  return isIP(address) === 6 && /^(0{0,4}:){2,7}0{0,3}1$/.test(address)
}

/**
 * The outbox holds sign-in codes in plain text: it is shown only on a local run (no SMTP server,
 * embedded database, or development) and only to this machine. Anyone else gets the 404 page.
 */
export function assertOutboxVisible(context: AppLoadContext) {
  if (!getEnv().showsOutbox || !isFromThisMachine(context.peer)) throw new Response('Not found', { status: 404 })
}
