// Log lines are JSON, one per event, for an operator's log search. They carry what went wrong and
// where, never what people typed: no query parameters, names, emails, answers or tokens.

/** One line per unexpected failure, with the request id the person was shown. */
export function logError(error: unknown, details: Record<string, unknown> = {}) {
  console.error(JSON.stringify({ level: 'error', time: new Date().toISOString(), ...details, ...describeError(error) }))
}

export function logInfo(message: string, details: Record<string, unknown> = {}) {
  console.log(JSON.stringify({ level: 'info', time: new Date().toISOString(), message, ...details }))
}

export function logWarning(message: string, details: Record<string, unknown> = {}) {
  console.warn(JSON.stringify({ level: 'warn', time: new Date().toISOString(), message, ...details }))
}

/** What one request learnt about its own failure, for the one line written when it ends. */
export interface RequestFailure {
  /** The route pattern of the loader or action that threw, e.g. `/consultations/:slug`. */
  route?: string
  error?: unknown
}

/**
 * The line an operator reads for a request that ended in a 5xx: which request (its id is on the
 * person's error page), which route, and why. Never the URL's query string or any form value.
 */
export function logFailedRequest(request: { method: string; requestId: string; status: number; ms: number; route?: string }, failure: RequestFailure) {
  console.error(
    JSON.stringify({
      level: 'error',
      time: new Date().toISOString(),
      message: 'request failed',
      requestId: request.requestId,
      method: request.method,
      route: failure.route ?? request.route ?? 'unknown',
      status: request.status,
      ms: request.ms,
      ...(failure.error !== undefined && { cause: describeError(failure.error) }),
    }),
  )
}

export interface ErrorDescription {
  error: string
  message: string
  /** The database's own reason, when a query failed: its SQLSTATE and message. */
  sqlstate?: string
  dbMessage?: string
  stack?: string[]
}

/**
 * What an error says an operator may read. A failed query's text is kept (its values are bound
 * parameters, never in the SQL), its parameters are dropped, and values the database quotes back
 * in its message are blanked.
 */
export function describeError(error: unknown): ErrorDescription {
  if (!(error instanceof Error)) return { error: typeof error, message: scrubText(String(error)) }
  const database = findDatabaseError(error)
  const query = 'query' in error && typeof error.query === 'string' ? error.query : null
  const message = query !== null ? scrubText(`Failed query: ${query}`) : (error as unknown) === database ? scrubDatabaseMessage(error.message) : scrubText(error.message)
  return {
    error: error.name,
    message: message.slice(0, 2000),
    ...(database && { sqlstate: database.code, dbMessage: scrubDatabaseMessage(database.message) }),
    ...(error.stack && { stack: stackFrames(error.stack) }),
  }
}

interface DatabaseError {
  code: string
  message: string
}

// pg and PGlite errors carry a five-character SQLSTATE in `code`; Drizzle wraps them in `cause`.
function findDatabaseError(error: unknown, depth = 0): DatabaseError | null {
  if (!(error instanceof Error) || depth > 4) return null
  if ('code' in error && typeof error.code === 'string' && /^[0-9A-Z]{5}$/.test(error.code)) return error as Error & DatabaseError
  return findDatabaseError(error.cause, depth + 1)
}

/** Postgres quotes the offending value in some messages (`invalid input syntax for type uuid: "…"`). */
export function scrubDatabaseMessage(message: string) {
  return scrubText(
    message
      .replace(/: ".*"$/s, ': "…"')
      .replace(/value ".*?" is out of range/s, 'value "…" is out of range')
      .replace(/"([^"]{64,})"/g, '"…"'),
  ).slice(0, 500)
}

const EMAIL = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[a-z]{2,}/gi

// A last net for messages written by hand: no email address and no query string leaves the process.
function scrubText(text: string) {
  return text.replace(EMAIL, '<email>').replace(/(https?:\/\/[^\s?"']*|\/[\w\-./$]*)\?[^\s"']*/g, '$1?…')
}

/** The stack without its first line, which repeats the message (and a failed query's parameters). */
function stackFrames(stack: string) {
  return stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 12)
    .map((line) => scrubText(line.trim()))
}
