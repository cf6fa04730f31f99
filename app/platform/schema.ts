// Every module's tables, for Drizzle's typed client and for drizzle-kit's migration generator.
export * from '~/modules/accounts/schema'
export * from '~/modules/analysis/schema'
export * from '~/modules/media/schema'
export * from '~/modules/comments/schema'
export * from '~/modules/consultations/schema'
export * from '~/modules/events/schema'
export * from './tables'
