/**
 * Steps a benchmark run undoes at the end (temporary directories, scratch databases, the server),
 * in reverse order, also when a step fails or the run is interrupted (Ctrl-C, SIGTERM).
 */
export function cleanupSteps() {
  const steps: Array<() => Promise<void> | void> = []
  let cleaning: Promise<void> | undefined
  const cleanUp = () => {
    cleaning ??= steps.reverse().reduce(
      (previous, undo) => previous.then(undo).catch((error) => console.error('Clean-up step failed:', error)),
      Promise.resolve(),
    )
    return cleaning
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void cleanUp().finally(() => process.exit(130)))
  }
  return { cleanups: steps, cleanUp }
}

/** Runs a benchmark's `main`: a failure is one line and exit code 1; the clean-up runs either way. */
export async function runBench(main: () => Promise<void>, cleanUp: () => Promise<void>) {
  try {
    await main()
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  } finally {
    await cleanUp()
  }
}
