import { useFetcher } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from '~/platform/i18n/react'
import { TextArea } from '~/components/ds/forms'
import { CsrfInput } from '~/components/FormSecurity'
import { MAX_COMMENT_LENGTH } from '~/modules/comments'

export interface CommentFormTarget {
  subject: { type: string; id: string; anchor: string | null }
  returnTo: string
}

type PostResult = { ok: true; id: string; status: string } | { ok: false; error: string; values?: Record<string, string> }

/**
 * A new comment, or a reply to `parentId`. Without JavaScript it is a plain POST that comes back
 * to the comment's anchor; with it, the fetcher posts in place and the page's data refreshes.
 */
export function CommentForm({ data, parentId, onDone, error, defaultBody, autoFocus }: { data: CommentFormTarget; parentId?: string; onDone?: () => void; error?: string; defaultBody?: string; autoFocus?: boolean }) {
  const { t } = useTranslation('comments')
  const fetcher = useFetcher<PostResult>()
  const formRef = useRef<HTMLFormElement>(null)
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  const result = fetcher.state === 'idle' ? fetcher.data : undefined
  useEffect(() => {
    if (result?.ok) {
      formRef.current?.reset()
      onDone?.()
    }
  }, [result, onDone])
  const id = `comment-body-${parentId ?? data.subject.anchor ?? 'new'}`
  const shownError = result && !result.ok ? result.error : error
  return (
    <fetcher.Form method="post" action="/comments/new" noValidate ref={formRef} className="guth-comment-form">
      <CsrfInput />
      <input type="hidden" name="subjectType" value={data.subject.type} />
      <input type="hidden" name="subjectId" value={data.subject.id} />
      {data.subject.anchor ? <input type="hidden" name="anchor" value={data.subject.anchor} /> : null}
      {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
      <input type="hidden" name="returnTo" value={data.returnTo} />
      {hydrated ? <input type="hidden" name="js" value="1" /> : null}
      <TextArea
        id={id}
        name="body"
        rows={parentId ? 3 : 5}
        label={parentId ? t('form.replyLabel') : t('form.label')}
        hint={t('form.hint', { count: MAX_COMMENT_LENGTH })}
        error={shownError}
        maxLength={MAX_COMMENT_LENGTH}
        defaultValue={defaultBody}
        autoFocus={autoFocus}
      />
      {result?.ok && result.status === 'pending' ? (
        <p role="status" className="ds_hint-text">
          {t('form.awaitingModeration')}
        </p>
      ) : null}
      <button type="submit" className="ds_button ds_button--small" disabled={fetcher.state !== 'idle'}>
        {parentId ? t('form.reply') : t('form.submit')}
      </button>
    </fetcher.Form>
  )
}
