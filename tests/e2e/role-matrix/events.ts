import type { RouteCase } from './shared'

// Routes of the events calendar.
export const eventCases: RouteCase[] = []
