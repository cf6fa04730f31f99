// Words of an answer for theme suggestions and campaign detection: lower case, letters only,
// English stop words dropped, a light suffix-stripping stemmer (so "budgets", "budgeting" and
// "budget" meet). Pure and deterministic.

const STOP = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both but by can could
  did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in
  into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out over own same
  she should so some such than that the their theirs them themselves then there these they this those through to too under until up
  very was we were what when where which while who whom why will with would you your yours yourself yourselves also i'm it's we're
  think believe feel view honestly clear strongly please thank thanks really us would could may might must shall one per
  cent`.split(/\s+/),
)

const VOWEL = /[aeiouy]/

/** A short stem: plural, -ing, -ed, -ly and a few derivational endings removed. */
export function stem(word: string): string {
  let w = word
  if (w.length <= 3) return w
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`
  else if (w.endsWith('sses')) w = w.slice(0, -2)
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1)
  for (const suffix of ['ational', 'ation', 'ments', 'ment', 'ness', 'ings', 'ing', 'edly', 'ed', 'ly', 'ity', 'ive', 'ise', 'ize', 'al']) {
    if (w.endsWith(suffix)) {
      const rest = w.slice(0, -suffix.length)
      if (rest.length >= 3 && VOWEL.test(rest)) {
        w = rest
        // "budgetting" → "budgett" → "budget"; "hopp" → "hop"
        if (/([^aeiouslz])\1$/.test(w)) w = w.slice(0, -1)
        if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1)
        break
      }
    }
  }
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1)
  return w
}

export interface Token {
  stem: string
  surface: string
}

/** The content words of a text, in order, each with its stem. */
export function tokenise(text: string): Token[] {
  const words = text.toLowerCase().replace(/[’']/g, "'").match(/[a-zà-ÿ][a-zà-ÿ']*/g) ?? []
  return words.map((w) => w.replace(/'s$/, '').replace(/'/g, '')).filter((w) => w.length > 1 && !STOP.has(w)).map((surface) => ({ stem: stem(surface), surface }))
}

/** Every word of a text (stop words kept), lower case, for comparing texts as written. */
export const words = (text: string) => text.toLowerCase().match(/[a-z0-9à-ÿ]+/g) ?? []
