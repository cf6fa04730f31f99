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

/** What to tell someone who asked for codes too often: their last code still works, and when to ask again. */
export function requestLimitNotice(retryAt: Date, language: string): Notice {
  // Waits start at 30 seconds, so the time is given to the second.
  const time = retryAt.toLocaleTimeString(language === 'gd' ? 'gd-GB' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone: 'Europe/London',
  })
  return { key: 'auth:errors.askedTooOften', values: { time } }
}
