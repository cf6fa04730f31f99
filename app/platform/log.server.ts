/** One line per unexpected failure, with the request id the person was shown. */
export function logError(error: unknown, details: Record<string, unknown> = {}) {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error)
  console.error(JSON.stringify({ level: 'error', time: new Date().toISOString(), ...details, message }))
}

export function logInfo(message: string, details: Record<string, unknown> = {}) {
  console.log(JSON.stringify({ level: 'info', time: new Date().toISOString(), message, ...details }))
}

export function logWarning(message: string, details: Record<string, unknown> = {}) {
  console.warn(JSON.stringify({ level: 'warn', time: new Date().toISOString(), message, ...details }))
}
