/**
 * What nodemailer is given for one email: the mail itself and the headers every email of ours
 * carries. All of them are automatic (RFC 3834), so auto-responders leave them alone; the ones a
 * person can stop getting also say how, in one click (RFC 2369 and RFC 8058).
 */
export function withMailHeaders<T extends { unsubscribeUrl?: string; headers?: Record<string, string> }>({ unsubscribeUrl, headers, ...mail }: T) {
  const added: Record<string, string> = { 'Auto-Submitted': 'auto-generated' }
  if (unsubscribeUrl) {
    added['List-Unsubscribe'] = `<${unsubscribeUrl}>`
    added['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click'
  }
  return { ...mail, headers: { ...headers, ...added } }
}
