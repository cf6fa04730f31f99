import { Link } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'

/**
 * "We asked, you said, we did" on a consultation's page, once its analysis is published. `lang`
 * marks English standing in for Gaelic: the consultation's summary (`weAskedLang`) and the
 * officials' words (`proseLang`, written in English only).
 */
export function AnalysisSummary({
  summary,
  weAsked,
  weAskedLang,
  proseLang,
}: {
  summary: { total: number; youSaid: string; weDid: string; href: string } | null
  weAsked: string
  weAskedLang?: 'en'
  proseLang?: 'en'
}) {
  const { t } = useTranslation('analysis')
  if (!summary) return null
  return (
    <section aria-labelledby="we-asked-you-said" className="ds_inset-text">
      <div className="ds_inset-text__text">
        <h2 id="we-asked-you-said">{t('summary.heading')}</h2>
        <p>
          <strong>{t('summary.weAsked')}</strong> <span lang={weAskedLang}>{weAsked}</span>
        </p>
        <p>
          <strong>{t('summary.youSaid')}</strong>{' '}
          {summary.youSaid ? <span lang={proseLang}>{summary.youSaid}</span> : t('summary.total', { count: summary.total })}
        </p>
        {summary.weDid ? (
          <p>
            <strong>{t('summary.weDid')}</strong> <span lang={proseLang}>{summary.weDid}</span>
          </p>
        ) : null}
        <p>
          <Link to={summary.href}>{t('summary.readAnalysis')}</Link>
        </p>
      </div>
    </section>
  )
}
