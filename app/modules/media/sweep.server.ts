import path from 'node:path'
import { FileStore } from '@tus/file-store'
import { and, eq, lt } from 'drizzle-orm'
import { getDb } from '~/platform/db.server'
import { getEnv } from '~/platform/env.server'
import { defineJob } from '~/platform/jobs.server'
import { media } from './schema'
import { UPLOAD_LIFETIME_MS } from './uploads.server'

/**
 * Uploads abandoned part-way: their parts leave the disk, and their videos say "not finished in
 * time" (the respondent is asked to upload again) instead of waiting for ever.
 */
export async function sweepAbandonedUploads(now = new Date()) {
  const directory = path.resolve(getEnv().DATA_DIR, 'uploads')
  const parts = await new FileStore({ directory, expirationPeriodInMilliseconds: UPLOAD_LIFETIME_MS }).deleteExpired()
  const expired = await getDb()
    .update(media)
    .set({ status: 'rejected', reason: 'expired', updatedAt: now })
    .where(and(eq(media.status, 'uploading'), lt(media.expiresAt, now)))
    .returning({ id: media.id })
  return { parts, videos: expired.length }
}

export const sweepUploadsJob = defineJob({
  name: 'media-sweep-uploads',
  cron: '23 * * * *',
  run: async () => {
    await sweepAbandonedUploads()
  },
})
