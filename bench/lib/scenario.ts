import { readdirSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

export interface ScenarioRequest {
  path: string
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  headers?: Record<string, string>
  body?: string
}

/** What a scenario's setup may use besides the server's address. */
export interface SetupContext {
  /** The server's local outbox, where sign-in codes arrive (HttpVisitor.signIn reads them). */
  mailDir: string
}

/** One measured request, repeated for the whole run. */
export interface Scenario extends ScenarioRequest {
  name: string
  /** The status every answer should have, when it is not a 2xx (a conditional GET expects 304). */
  expectStatus?: number
  /** Runs once against the live server before the warm-up (sign in, create a row…); what it
   * returns replaces fields of the request, and its headers are added (e.g. a session cookie). */
  setup?: (baseUrl: string, context: SetupContext) => Promise<Partial<ScenarioRequest> | void>
}

const folder = path.resolve(import.meta.dirname, '../scenarios')

/** Every scenario group in bench/scenarios, each file's default export, in file-name order. */
export async function loadScenarios(): Promise<Scenario[]> {
  const files = readdirSync(folder).filter((file) => file.endsWith('.ts')).sort()
  const groups = await Promise.all(
    files.map(async (file) => (await import(pathToFileURL(path.join(folder, file)).href)).default as Scenario[]),
  )
  const scenarios = groups.flat()
  const names = scenarios.map((s) => s.name)
  const duplicate = names.find((name, i) => names.indexOf(name) !== i)
  if (duplicate) throw new Error(`Two scenarios are called "${duplicate}"`)
  return scenarios
}

/** Keeps the scenarios named on the command line (all when none are named). */
export function selectScenarios(all: Scenario[], names: string[]): Scenario[] {
  const unknown = names.filter((name) => !all.some((s) => s.name === name))
  if (unknown.length) {
    throw new Error(`Unknown scenario ${unknown.join(', ')}; known: ${all.map((s) => s.name).join(', ')}`)
  }
  return names.length ? all.filter((s) => names.includes(s.name)) : all
}
