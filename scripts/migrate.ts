import { closeConnection } from '~/platform/db.server'
import { prepareDatabase } from '~/platform/startup.server'

await prepareDatabase()
console.log('The database is up to date.')
await closeConnection()
