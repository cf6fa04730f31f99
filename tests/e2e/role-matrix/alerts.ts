import { everyone, type RouteCase } from './shared'

// Consultation alerts: no account needed, so every role sees the same; a link we did not make is not found.
export const alertCases: RouteCase[] = [
  { files: ['alerts.check-email.tsx'], path: '/alerts/check-email?consultation=local-democracy-bill', expect: everyone(200) },
  { files: ['alerts.check-email.tsx'], path: '/alerts/check-email?consultation=no-such-consultation', expect: everyone(200) },
  { files: ['alerts.confirm.$token.tsx'], path: '/alerts/confirm/not-a-token', expect: everyone(404) },
  { files: ['alerts.unsubscribe.$token.tsx'], path: '/alerts/unsubscribe/00000000-0000-4000-8000-000000000000.forged', expect: everyone(404) },
]
