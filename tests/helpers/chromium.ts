import { existsSync } from 'node:fs'

/** Debian's Chromium, or the one CHROMIUM_PATH names; undefined when there is none. */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  return candidates.find((candidate): candidate is string => Boolean(candidate && existsSync(candidate)))
}

export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']
