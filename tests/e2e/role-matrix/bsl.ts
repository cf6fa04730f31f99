import type { RouteCase } from './shared'

// Routes of British Sign Language questions and answers.
export const bslCases: RouteCase[] = []
