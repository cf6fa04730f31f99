import { useRevalidator } from '@remix-run/react'
import { useEffect } from 'react'
import { useTranslation } from '~/platform/i18n/react'
import type { RunPageView } from '~/modules/analysis/index.server'

/**
 * Where a background run of suggested themes or campaign texts is: being worked out (with a link
 * to check again; with JavaScript the page checks by itself), done with what it found, or failed.
 * One live region throughout, so a screen reader hears when it is done.
 */
export function AnalysisRunStatus({ kind, run, href }: { kind: 'themes' | 'campaigns'; run: RunPageView | null; href: string }) {
  const { t } = useTranslation('analysis')
  const revalidator = useRevalidator()
  const active = runIsActive(run)
  useEffect(() => {
    if (!active) return
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') revalidator.revalidate()
    }, 3000)
    return () => clearInterval(timer)
  }, [active, revalidator])
  return (
    <div role="status">
      {run && active ? (
        <div className="ds_inset-text">
          <div className="ds_inset-text__text">
            <p>{t(`run.${kind}.active`, { time: run.requestedAt })}</p>
            <p>
              <a href={href}>{t('run.checkAgain')}</a>
            </p>
          </div>
        </div>
      ) : run?.status === 'failed' ? (
        <p className="ds_question__error-message">{t(`run.${kind}.failed`)}</p>
      ) : run ? (
        <p>{t(`run.${kind}.done`, { n: run.found, time: run.finishedAt })}</p>
      ) : null}
    </div>
  )
}

/** Whether the page should offer to start another run. */
export const runIsActive = (run: RunPageView | null) => run?.status === 'queued' || run?.status === 'running'
