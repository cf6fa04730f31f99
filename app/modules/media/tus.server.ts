import type { IncomingMessage, ServerResponse } from 'node:http'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { FileStore } from '@tus/file-store'
import { Server } from '@tus/server'
import { getEnv } from '~/platform/env.server'
import { logError } from '~/platform/log.server'
import type { Media } from './schema'
import { checkUploadAccess, finishUpload, openUpload, UPLOAD_LIFETIME_MS } from './uploads.server'

// Under /consultations so the browser sends the draft-response cookie (its path) with each request.
export const TUS_PATH = '/consultations/_uploads'

const PURPOSES: Media['purpose'][] = ['answer', 'response', 'consultation', 'question']
const ALLOWED_METHODS = new Set(['POST', 'HEAD', 'PATCH', 'OPTIONS'])

// tus sends a refusal as a plain body; the page turns the code into a message in its language.
const refusal = (status: number, reason: string) => ({ status_code: status, body: `${reason}\n` })

/** The resumable upload endpoint (tus 1.0): parts land on local disk, finished files go to the media store. */
export function createTusServer() {
  const env = getEnv()
  const directory = path.resolve(env.DATA_DIR, 'uploads')
  const server = new Server({
    path: TUS_PATH,
    relativeLocation: true,
    respectForwardedHeaders: env.TRUST_PROXY !== false,
    maxSize: env.UPLOAD_MAX_BYTES,
    datastore: new FileStore({ directory, expirationPeriodInMilliseconds: UPLOAD_LIFETIME_MS }),
    async onUploadCreate(req, upload) {
      const metadata = upload.metadata ?? {}
      const purpose = PURPOSES.find((p) => p === metadata.purpose)
      if (!purpose || !metadata.consultation) throw refusal(400, 'not_found')
      const opened = await openUpload(req, upload.id, {
        purpose,
        consultation: metadata.consultation,
        questionId: metadata.question || null,
        fileName: metadata.filename ?? null,
        size: upload.size ?? null,
      })
      if (!opened.ok) throw refusal(opened.status, opened.reason)
      return { metadata: { ...metadata, mediaId: opened.media.id } }
    },
    async onIncomingRequest(req, uploadId) {
      // Creation is checked in onUploadCreate, once the metadata says whose upload it is.
      if (req.method === 'POST') return
      const access = await checkUploadAccess(req, uploadId)
      if (!access.ok) throw refusal(access.status, access.reason)
    },
    async onUploadFinish(_req, upload) {
      const file = path.join(directory, upload.id)
      try {
        await finishUpload(upload.id, file, upload.metadata?.filetype ?? null)
      } finally {
        // The store holds the original now; the part and its record are no longer needed.
        await rm(file, { force: true })
        await rm(`${file}.json`, { force: true })
      }
      return {}
    },
    onResponseError(_req, error) {
      if (!('status_code' in error)) logError(error, { component: 'tus' })
      return undefined
    },
  })
  return server
}

/** Express-style handler; downloads (GET) and termination are not offered: videos are personal data. */
export function tusHandler() {
  const server = createTusServer()
  return (req: IncomingMessage, res: ServerResponse) => {
    if (!ALLOWED_METHODS.has(req.method ?? '')) {
      res.writeHead(405, { allow: [...ALLOWED_METHODS].join(', ') }).end()
      return
    }
    void server.handle(req, res)
  }
}
