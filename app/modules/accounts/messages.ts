import { formatTime, type Notice } from '~/platform/notice'
import type { SignInFailure } from './sign-in.server'

/** What to tell someone whose code or link did not work, and what they can do next. */
export function signInFailureNotice(failure: SignInFailure, language: string): Notice {
  switch (failure.reason) {
    case 'rate_limited':
      return { key: 'auth:errors.rateLimited', values: { time: formatTime(failure.retryAt, language) } }
    case 'wrong_code':
      return { key: 'auth:errors.wrongCode', values: { count: failure.triesLeft } }
    case 'too_many_tries':
      return { key: 'auth:errors.tooManyTries' }
    case 'expired':
      return { key: 'auth:errors.expired' }
  }
}
