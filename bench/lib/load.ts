import autocannon from 'autocannon'
import type { Scenario, ScenarioRequest, SetupContext } from './scenario'

export interface LoadOptions {
  connections: number
  durationSeconds: number
  warmUpSeconds: number
}

export interface ScenarioFigures {
  name: string
  method: string
  path: string
  requestsPerSecond: number
  latencyP50Ms: number
  latencyP90Ms: number
  latencyP99Ms: number
  latencyMaxMs: number
  completedRequests: number
  sentRequests: number
  meanResponseBytes: number
  /** One response's body as the client reads it (decompressed), for GETs: the page's HTML size. */
  bodyBytes: number | null
  non2xx: number
  expectStatus?: number
  errors: number
  timeouts: number
  statusCodes: Record<string, number>
}

// autocannon stops each run by itself after `duration`; `timeout` bounds every single request.
function fire(baseUrl: string, request: ScenarioRequest, connections: number, duration: number) {
  return autocannon({
    url: new URL(request.path, baseUrl).href,
    method: request.method ?? 'GET',
    // Browsers, calendar apps and CDNs all ask for compressed bodies.
    headers: { 'accept-encoding': 'gzip, br', ...request.headers },
    body: request.body,
    connections,
    duration,
    timeout: 10,
  })
}

async function sizeOfBody(baseUrl: string, request: ScenarioRequest) {
  const response = await fetch(new URL(request.path, baseUrl), { headers: request.headers })
  return Buffer.byteLength(await response.text())
}

/** Warms up, then measures one scenario against the running server. */
export async function measure(baseUrl: string, scenario: Scenario, options: LoadOptions, context: SetupContext): Promise<ScenarioFigures> {
  const extra = (await scenario.setup?.(baseUrl, context)) ?? {}
  const request = { ...scenario, ...extra, headers: { ...scenario.headers, ...extra.headers } }
  const bodyBytes = (request.method ?? 'GET') === 'GET' ? await sizeOfBody(baseUrl, request) : null
  await fire(baseUrl, request, options.connections, options.warmUpSeconds)
  const result = await fire(baseUrl, request, options.connections, options.durationSeconds)
  return {
    name: scenario.name,
    method: request.method ?? 'GET',
    path: request.path,
    requestsPerSecond: result.requests.mean,
    latencyP50Ms: result.latency.p50,
    latencyP90Ms: result.latency.p90,
    latencyP99Ms: result.latency.p99,
    latencyMaxMs: result.latency.max,
    completedRequests: result.requests.total,
    sentRequests: result.requests.sent,
    meanResponseBytes: Math.round(result.throughput.total / Math.max(1, result.requests.total)),
    bodyBytes,
    non2xx: result.non2xx,
    expectStatus: scenario.expectStatus,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count])),
  }
}
