// Every module's tables, for Drizzle's typed client and for drizzle-kit's migration generator.
export * from '~/modules/accounts/schema'
export * from '~/modules/consultations/schema'
export * from './tables'
