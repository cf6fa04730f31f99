// The events module's public face for anything, browser included: types, permissions, pure functions,
// form parsing. Server code is in index.server.ts. Other modules and routes import only these two
// faces (or schema.ts for foreign keys and types); see docs/decisions/020-module-shape.md.

export { ACCESSIBILITY_FEATURES } from './choices'
export { CLOCKS, type EventField, type EventFilters, type EventInput, MODES, type ProgrammeField, type ProgrammeInput, ProgrammeSchema, REPEATS } from './forms'
export { topicLabel } from '~/kernel/topics'
