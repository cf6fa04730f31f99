// Every module whose pages carry comments registers its subject type with the comments module.
// Imported by the server entry so posting works before any such page has been loaded (the dev
// server loads routes lazily).
import '~/modules/analysis/index.server'
import '~/modules/events/index.server'
