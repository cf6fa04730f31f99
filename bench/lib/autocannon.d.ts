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
    requests: Histogram
    latency: Histogram
    throughput: Histogram
    totalRequests: number
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
