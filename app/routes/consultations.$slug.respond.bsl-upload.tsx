import { rm } from 'node:fs/promises'
import { type ActionFunctionArgs, MaxPartSizeExceededError, redirect, unstable_createFileUploadHandler, unstable_parseMultipartFormData } from '@remix-run/node'
import { respondPath } from '~/modules/consultations/paths'
import { acceptFormUpload, formUploadDirectory } from '~/modules/media/uploads.server'
import { assertCsrf } from '~/platform/csrf.server'
import { getEnv } from '~/platform/env.server'

// Without JavaScript a BSL video comes as a plain form post; with it, the page uses tus instead.
export const loader = ({ params }: ActionFunctionArgs) => redirect(respondPath(params.slug!, 'contents'))

export async function action({ request, params }: ActionFunctionArgs) {
  const slug = params.slug!
  const back = (target: string, error?: string) => {
    const page = /^(questions\/\d{1,4}|bsl)$/.test(target) ? target : 'contents'
    return redirect(`${respondPath(slug, page)}${error ? `?bsl-error=${error}` : ''}#bsl`, 303)
  }
  const target = new URL(request.url).searchParams.get('back') ?? ''
  let form: FormData
  try {
    // The file streams to disk and the upload stops as soon as it passes the limit.
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createFileUploadHandler({ directory: formUploadDirectory(), maxPartSize: getEnv().UPLOAD_MAX_BYTES, avoidFileConflicts: true }),
    )
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return back(target, 'too_big')
    throw error
  }
  const file = form.get('video')
  const stored = file && typeof file === 'object' && 'getFilePath' in file ? (file as unknown as { getFilePath(): string; size: number; type: string; name: string }) : null
  try {
    assertCsrf(request, form)
    if (!stored) return back(target, 'no_file')
    const questionId = String(form.get('question') ?? '') || null
    const result = await acceptFormUpload(
      request,
      { purpose: questionId ? 'answer' : 'response', consultation: slug, questionId, fileName: stored.name },
      { path: stored.getFilePath(), size: stored.size, type: stored.type },
    )
    if (!result.ok) return back(target, result.reason)
    return back(target)
  } finally {
    if (stored) await rm(stored.getFilePath(), { force: true })
  }
}
