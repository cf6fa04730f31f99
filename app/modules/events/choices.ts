// The fixed choices of an event, without the form schemas: public pages list them without loading zod.
export const ACCESSIBILITY_FEATURES = ['bsl', 'captions', 'step_free', 'hearing_loop', 'quiet_space', 'childcare'] as const
export type AccessibilityFeature = (typeof ACCESSIBILITY_FEATURES)[number]
export const MODES = ['in_person', 'online', 'hybrid'] as const
export type EventMode = (typeof MODES)[number]
export const REPEATS = ['none', 'weekly', 'monthly'] as const
// Which reading of the hour the clocks go back: the first (BST) or the second (GMT).
export const CLOCKS = ['BST', 'GMT'] as const
