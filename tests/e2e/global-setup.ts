import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { startProductionServer } from '../helpers/server'
import { startSmtpCapture } from '../helpers/smtp'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    mailDir: string
  }
}

/** The production build on an empty embedded database, with a real SMTP server catching mail. */
export default async function setup(project: TestProject) {
  const mailDir = mkdtempSync(path.join(tmpdir(), 'guth-mail-captured-'))
  const smtp = await startSmtpCapture({ saveTo: mailDir })
  // Reply digests wait seconds, not minutes, so the comments test sees one arrive.
  // One proxy hop is trusted, so each visitor's own address (tests/helpers/visitor-address.ts) counts.
  const server = await startProductionServer({ SMTP_URL: smtp.url, COMMENT_DIGEST_DELAY_SECONDS: '3', TRUST_PROXY: '1' })
  project.provide('baseUrl', server.baseUrl)
  project.provide('mailDir', mailDir)
  return async () => {
    await server.stop()
    await smtp.close()
    rmSync(mailDir, { recursive: true, force: true })
  }
}
