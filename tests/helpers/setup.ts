import { afterEach, vi } from 'vitest'

// An unexpected console.error means something failed quietly: make it fail the test.
const originalError = console.error
afterEach(() => {
  console.error = originalError
})
vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
  originalError(...args)
  throw new Error(`console.error was called: ${args.map(String).join(' ')}`)
})
