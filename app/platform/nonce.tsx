import { createContext, useContext } from 'react'

// The per-request CSP nonce, made in server.ts and handed to every <script> React renders.
const NonceContext = createContext<string>('')

export const NonceProvider = NonceContext.Provider
export const useNonce = () => useContext(NonceContext)

// The request's id, for the reference on the "something went wrong" page. The root loader may not
// have run (a failed action), so the server hands it down here; in the browser it is read back
// from the page the server sent, so hydrating keeps it.
const RequestIdContext = createContext<string>('')

export const RequestIdProvider = RequestIdContext.Provider
export function useRequestId() {
  const fromServer = useContext(RequestIdContext)
  if (fromServer || typeof document === 'undefined') return fromServer
  return document.querySelector('[data-request-id]')?.getAttribute('data-request-id') ?? ''
}
