import type { Language } from './i18n/config'
import { getEnv } from './env.server'

/** The result of checking a code or a link: who it proved, or why it did not. */
export type Verification =
  | { ok: true; email: string; externalId?: string; headers?: Headers }
  | { ok: false; reason: 'wrong' | 'expired' }

export interface SignInRequest {
  email: string
  language: Language
  attemptId: string
  /** Where the emailed link lands (the confirm page); the adapter adds its token to it. */
  confirmUrl: string
  request: Request
}

/**
 * Proving that someone controls an email address. Two adapters: Supabase Auth (when
 * SUPABASE_URL is set) and the embedded one (codes made, hashed and mailed by Guth itself).
 * Sessions, users and roles are Guth's own either way.
 */
export interface AuthGateway {
  kind: 'embedded' | 'supabase'
  /** Sends a code and a link. Behaves identically whether or not the address has an account. */
  sendSignIn(input: SignInRequest): Promise<{ codeHash: string | null; linkHash: string | null }>
  verifyCode(input: { email: string; code: string; attemptId: string; codeHash: string | null; request: Request }): Promise<Verification>
  verifyLink(input: { email: string; token: string; linkHash: string | null; request: Request }): Promise<Verification>
  /** Re-checks a signed-in person with the identity provider (Supabase's getUser()). */
  confirmIdentity(request: Request): Promise<{ ok: boolean; headers?: Headers }>
  signOut(request: Request, scope: 'local' | 'global'): Promise<Headers | undefined>
  deleteIdentity(input: { email: string; externalId?: string }): Promise<void>
}

let gateway: AuthGateway | undefined

export async function getAuthGateway(): Promise<AuthGateway> {
  if (gateway) return gateway
  gateway = getEnv().usesSupabase
    ? (await import('./auth-gateway.supabase.server')).createSupabaseGateway()
    : (await import('./auth-gateway.embedded.server')).createEmbeddedGateway()
  return gateway
}

/** Tests swap adapters (e.g. Supabase against MSW). */
export function setAuthGatewayForTests(value: AuthGateway | undefined) {
  gateway = value
}
