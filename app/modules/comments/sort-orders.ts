// Apart from the form schemas, so that pages showing comments load no zod.
export const sortOrders = ['oldest', 'newest', 'supported'] as const
export type SortOrder = (typeof sortOrders)[number]
