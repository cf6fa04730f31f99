import { useRouteLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { HONEYPOT_FIELD } from '~/platform/honeypot'

/** The CSRF token every mutating form carries (from the root loader). */
export function CsrfInput() {
  const data = useRouteLoaderData<{ csrfToken?: string }>('root')
  return <input type="hidden" name="csrf" value={data?.csrfToken ?? ''} />
}

/** A field hidden from people (and from assistive technology) that bots tend to fill in. */
export function Honeypot() {
  const { t } = useTranslation()
  return (
    <div className="guth-honeypot" aria-hidden="true">
      <label htmlFor={HONEYPOT_FIELD}>{t('forms.honeypot')}</label>
      <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  )
}
