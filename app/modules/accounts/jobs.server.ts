import { defineJob } from '~/platform/jobs.server'
import { purgeRateLimits } from '~/platform/rate-limit.server'
import { purgeExpiredSessions } from './sessions.server'
import { purgeOldSignInAttempts } from './sign-in.server'

// Hourly: expired sessions, used sign-in attempts and old rate-limit windows are deleted.
defineJob({
  name: 'accounts-clean-up',
  cron: '17 * * * *',
  retryLimit: 2,
  run: async () => {
    const now = new Date()
    await purgeExpiredSessions(now)
    await purgeOldSignInAttempts(now)
    await purgeRateLimits(new Date(now.getTime() - 24 * 3600_000))
  },
})
