// The comments module's public face for anything, browser included: types, permissions, pure functions,
// form parsing. Server code is in index.server.ts. Other modules and routes import only these two
// faces (or schema.ts for foreign keys and types); see docs/decisions/020-module-shape.md.

export { flagReasons } from './forms'
export { sortOrders } from './sort-orders'
export { commentParagraphs, commentTextProblem, MAX_COMMENT_LENGTH, normaliseCommentText } from './text'
