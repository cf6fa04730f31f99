/** A web address part from any text: "Dèanamh Cho-dhùnaidhean" → "deanamh-cho-dhunaidhean", at most `max` characters. */
export function slugify(text: string, max = 80) {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '')
}
