import type { AuthGateway } from './auth-gateway.server'

// Replaced by the Supabase Auth adapter (in progress).
export function createSupabaseGateway(): AuthGateway {
  throw new Error('The Supabase Auth adapter is not built yet')
}
