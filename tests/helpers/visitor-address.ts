import { randomInt } from 'node:crypto'

/**
 * An address of its own for each visitor a test makes, sent as X-Forwarded-For. The end-to-end
 * server trusts one proxy hop (TRUST_PROXY=1), as behind a real proxy, so every visitor is limited
 * on its own (sign-in asks: 30 per address per 15 minutes) instead of the whole suite sharing
 * 127.0.0.1. A server that trusts no proxy ignores the header.
 */
export const visitorAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`
