import { createContext, useContext } from 'react'

// The per-request CSP nonce, made in server.ts and handed to every <script> React renders.
const NonceContext = createContext<string>('')

export const NonceProvider = NonceContext.Provider
export const useNonce = () => useContext(NonceContext)
