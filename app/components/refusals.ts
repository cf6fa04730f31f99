// The request gate's refusals (app/platform/request-gate.server.ts), each with its own message
// (common:errors.<key>); null for any other status.
export function refusalKey(status: number, data: unknown) {
  const reason = (data as { reason?: string } | null)?.reason
  if (status === 413) return 'tooLarge'
  if (status === 415) return 'unsupportedForm'
  if (status === 400 && reason === 'control_characters') return 'controlCharacters'
  if (status === 400 && (reason === 'bad_query' || reason === 'bad_page')) return 'badQuery'
  return null
}
