// The media module's public face for server code: queries, commands, read models. Never import it
// from code that runs in the browser (a component); index.ts holds what may.

import './processing.server'
import './sweep.server'
export { serveMedia } from './access.server'
export { loadBslPage } from './bsl-pages.server'
export { attachBslVersion, bslVersionsPage } from './bsl-versions.server'
export { INTERPRETATION_LIMIT, interpretationQueue, InterpretationSchema, interpretResponse } from './interpretation.server'
export { bslVersionsOf } from './queries.server'
export { bslForRespondPage, videoLines, videoState } from './respond.server'
export { TUS_PATH, tusHandler } from './tus.server'
export { acceptFormUpload, deleteVideosOfResponse, readVideoForm } from './uploads.server'

