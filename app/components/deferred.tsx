import { type ComponentType, createElement } from 'react'

/**
 * A component whose code the browser loads only when a page first shows it: for heavy parts (a
 * form with its validation) that few visits need. The server loads it at start-up and so renders it
 * whole on every request, with or without JavaScript. In the browser its first render suspends
 * until the chunk arrives, so place it inside <Suspense>; hydration keeps the server's HTML meanwhile.
 */
export function deferred<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined
  let failed: unknown
  let loading: Promise<void> | undefined
  const start = () =>
    (loading ??= load().then(
      (component) => void (loaded = component),
      (error: unknown) => void (failed = error),
    ))
  if (typeof document === 'undefined') void start()
  return function Deferred(props: P) {
    if (failed) throw failed
    if (!loaded) throw start()
    return createElement(loaded, props)
  }
}
