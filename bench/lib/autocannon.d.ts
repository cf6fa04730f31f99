// autocannon ships no types; this covers the part of its API the benchmark uses.
declare module 'autocannon' {
  interface Options {
    url: string
    connections?: number
    duration?: number
    timeout?: number
    method?: string
    headers?: Record<string, string>
    body?: string
  }

  interface Histogram {
    mean: number
    stddev: number
    min: number
    max: number
    p50: number
    p90: number
    p99: number
  }

  interface Result {
    /** per-second samples; `total` completed and `sent` requests over the whole run */
    requests: Histogram & { total: number; sent: number }
    latency: Histogram
    /** bytes per second samples; `total` bytes over the whole run */
    throughput: Histogram & { total: number }
    errors: number
    timeouts: number
    non2xx: number
    resets: number
    duration: number
    statusCodeStats: Record<string, { count: number }>
  }

  /** Without a callback, the run is also a promise of its result. */
  function autocannon(options: Options): Promise<Result>
  export default autocannon
}
