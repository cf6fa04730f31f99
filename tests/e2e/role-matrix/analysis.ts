import type { RouteCase } from './shared'

// Routes of analysis of responses.
export const analysisCases: RouteCase[] = []
