/** A message for the person that is not about one field: a translation key and its values. */
export interface Notice {
  key: string
  values?: Record<string, string | number>
}

export function formatTime(date: Date, language: string) {
  return date.toLocaleTimeString(language === 'gd' ? 'gd-GB' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/London',
  })
}
