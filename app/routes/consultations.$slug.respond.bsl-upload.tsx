import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { respondPath } from '~/modules/consultations'
import { acceptFormUpload, readVideoForm } from '~/modules/media/index.server'
import { assertCsrf } from '~/platform/csrf.server'
import { assertFormText, type BodyRule } from '~/platform/request-gate.server'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'

export const handle = { body: { multipart: 'only', maxBytes: 'video' } satisfies BodyRule }

// Without JavaScript a BSL video comes as a plain form post; with it, the page uses tus instead.
export const loader = ({ params }: ActionFunctionArgs) => redirect(respondPath(params.slug!, 'contents'))

export async function action({ request, params }: ActionFunctionArgs) {
  const slug = params.slug!
  const target = new URL(request.url).searchParams.get('back') ?? ''
  const back = (error?: string) => {
    const page = /^(questions\/\d{1,4}|bsl)$/.test(target) ? target : 'contents'
    return redirect(`${respondPath(slug, page)}${error ? `?bsl-error=${error}` : ''}#bsl`, 303)
  }
  const read = await readVideoForm(request)
  if (!read.ok) return back(read.reason)
  try {
    assertCsrf(request, read.form)
    assertFormText(read.form)
    if (!read.video) return back('no_file')
    const questionId = String(read.form.get('question') ?? '') || null
    const result = await acceptFormUpload(request, { purpose: questionId ? 'answer' : 'response', consultation: slug, questionId, fileName: read.video.name }, read.video)
    return back(result.ok ? undefined : result.reason)
  } finally {
    await read.discard()
  }
}

// Never shown (the loader redirects); it lets a refused post render the site's error page.
export default function BslUpload() {
  return null
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary part="bsl" back={({ slug }) => (slug ? { to: `/consultations/${slug}/respond`, label: 'response' } : undefined)} />
}
