import type { RouteCase } from './shared'

// Routes of threaded comments.
export const commentCases: RouteCase[] = []
