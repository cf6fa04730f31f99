/** Keeps redirects on this site: only same-origin absolute paths pass, anything else goes home. */
export function safeRedirectPath(value: unknown, fallback = '/') {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return fallback
  }
  // Control characters and backslashes can turn a path into another origin in some browsers.
  if (/[\u0000-\u001f\\]/.test(value)) return fallback
  return value
}
