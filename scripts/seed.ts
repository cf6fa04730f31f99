import { closeConnection } from '~/platform/db.server'
import { prepareDatabase } from '~/platform/startup.server'
import { seedDemoContent } from './seed/demo'

await prepareDatabase()
await seedDemoContent()
console.log('Demo content is in place.')
await closeConnection()
