import { Link } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'

/** Previous / next links that keep the current filters (`query`) in the address. */
export function Pagination({ path, page, pageCount, query }: { path: string; page: number; pageCount: number; query: Record<string, string> }) {
  const { t } = useTranslation()
  if (pageCount <= 1) return null
  const href = (target: number) => {
    const params = new URLSearchParams(Object.entries(query).filter(([, value]) => value))
    if (target > 1) params.set('page', String(target))
    return params.size ? `${path}?${params}` : path
  }
  return (
    <nav className="ds_pagination" aria-label={t('pagination.label')}>
      <ul className="ds_pagination__list">
        {page > 1 ? (
          <li className="ds_pagination__item">
            <Link className="ds_pagination__link ds_pagination__link--text" to={href(page - 1)}>
              <span className="ds_pagination__link-label">{t('pagination.previous')}</span>
            </Link>
          </li>
        ) : null}
        <li className="ds_pagination__item">{t('pagination.pageOf', { page, pageCount })}</li>
        {page < pageCount ? (
          <li className="ds_pagination__item">
            <Link className="ds_pagination__link ds_pagination__link--text" to={href(page + 1)}>
              <span className="ds_pagination__link-label">{t('pagination.next')}</span>
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}
