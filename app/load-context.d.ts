import '@remix-run/node'

declare module '@remix-run/node' {
  interface AppLoadContext {
    cspNonce: string
    requestId: string
    clientIp: string
    /** The TCP peer and whether any proxy header came with the request (the outbox checks both). */
    peer?: { address: string; forwarded: boolean }
    /** Filled in by the request gate and handleError; written out as one log line if the request fails. */
    failure?: import('./platform/log.server').RequestFailure
    /** Answer with `Connection: close`: the request's body was left unread. */
    closeConnection?: () => void
  }
}
