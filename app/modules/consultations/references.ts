// Response references people read out on the phone and copy from letters: Crockford's base32,
// which has no I, L, O or U, so nothing can be mistaken for 1, 0 or V (or spell a rude word).
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

export const REFERENCE_PATTERN = /^GUTH-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/

/**
 * A fresh reference such as `GUTH-7K3M-9QXT`: 8 random symbols (40 bits). The unique index on
 * responses.reference is the final word; callers insert with ON CONFLICT DO NOTHING and retry.
 */
export function newReference() {
  // 256 is a multiple of 32, so taking the low 5 bits of each byte is unbiased.
  const bytes = crypto.getRandomValues(new Uint8Array(8))
  const symbols = Array.from(bytes, (byte) => ALPHABET[byte & 31]).join('')
  return `GUTH-${symbols.slice(0, 4)}-${symbols.slice(4)}`
}

/**
 * A reference as someone typed it (lower case, spaces, O for 0, I or L for 1) in its canonical
 * form, or null if it cannot be one.
 */
export function normaliseReference(input: string) {
  const symbols = input
    .toUpperCase()
    .replace(/^\s*GUTH/, '')
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
  const reference = `GUTH-${symbols.slice(0, 4)}-${symbols.slice(4)}`
  return symbols.length === 8 && REFERENCE_PATTERN.test(reference) ? reference : null
}
