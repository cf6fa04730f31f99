import { useTranslation } from '~/platform/i18n/react'
import type { ResolvedBlock, ResolvedReport } from '~/modules/analysis'
import { SimpleTableView, SplitTableView } from './AnalysisCharts'
import { EnglishOnlyNotice } from './EnglishOnlyNotice'

/** "Question 3: …" with the prompt marked `lang="en"` where English stands in for a missing Gaelic version. */
export function QuestionLabel({ number, prompt, promptLang }: { number: string; prompt: string; promptLang?: 'en' }) {
  const { t } = useTranslation('analysis')
  if (!promptLang) return <>{t('questionLabel', { number, prompt })}</>
  const [before = '', after = ''] = t('questionLabel', { number, prompt: '\u0000' }).split('\u0000')
  return (
    <>
      {before}
      <span lang={promptLang}>{prompt}</span>
      {after}
    </>
  )
}

/** The link to a table's CSV, when the page offers downloads (the public page does). */
type CsvHref = ((tableId: string) => string) | null

function CsvLink({ href, tableId }: { href: CsvHref; tableId: string }) {
  const { t } = useTranslation('analysis')
  if (!href) return null
  return (
    <p className="guth-analysis-csv">
      <a href={href(tableId)} download>
        {t('report.csv')}
      </a>
    </p>
  )
}

function Block({ block, csv }: { block: ResolvedBlock; csv: CsvHref }) {
  const { t } = useTranslation(['analysis', 'responses'])
  switch (block.type) {
    case 'profile':
      return (
        <>
          <p>{t('report.total', { n: block.total })}</p>
          <p>{t('dashboard.bslUsers', { n: block.bslUsers })}</p>
          <SimpleTableView caption={t('dashboard.byType')} table={block.byType} chart={false} labelOf={(key) => t(key === 'not_given' ? 'responses:notGiven' : `responses:respondentType.${key}`)} />
          <CsvLink href={csv} tableId={`${block.id}-type`} />
          <SimpleTableView caption={t('dashboard.byChannel')} table={block.byChannel} chart={false} labelOf={(key) => t(`responses:channel.${key}`)} />
          <CsvLink href={csv} tableId={`${block.id}-channel`} />
        </>
      )
    case 'closedQuestion':
      return (
        <>
          <h3>
            <QuestionLabel number={block.number} prompt={block.prompt} promptLang={block.promptLang} />
          </h3>
          <SplitTableView caption={t('table.closedCaption', { number: block.number })} table={block.table} chart={block.display === 'chart'} />
          <CsvLink href={csv} tableId={block.id} />
        </>
      )
    case 'codeFrequency':
      return (
        <>
          <h3>
            <QuestionLabel number={block.number} prompt={block.prompt} promptLang={block.promptLang} />
          </h3>
          <SplitTableView caption={t('codes.frequencies', { number: block.number })} table={block.table} chart={false} />
          <CsvLink href={csv} tableId={block.id} />
        </>
      )
    case 'quote':
      return (
        <figure className="guth-analysis-quotation">
          <blockquote className="guth-analysis-quote">{block.text}</blockquote>
          <figcaption>
            {block.attribution.name ?? t(`report.anonymous.${block.attribution.kind}`)}
            {' – '}
            {t('report.quoteQuestion', { number: block.number })}
          </figcaption>
        </figure>
      )
    case 'campaigns':
      return block.rows.length ? (
        <table className="ds_table ds_table--small">
          <caption className="ds_table__caption">{t('report.campaignsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('table.question')}</th>
              <th scope="col">{t('report.campaignGroups')}</th>
              <th scope="col">{t('report.campaignAnswers')}</th>
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row) => (
              <tr key={row.number}>
                <th scope="row">
                  <QuestionLabel number={row.number} prompt={row.prompt} promptLang={row.promptLang} />
                </th>
                <td>{row.groups}</td>
                <td>{row.answers}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('report.noCampaigns')}</p>
      )
    case 'organisations':
      return block.names.length ? (
        <ul className="guth-analysis-organisations">
          {block.names.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
      ) : (
        <p>{t('report.noOrganisations')}</p>
      )
  }
}

/**
 * A report's sections, prose and blocks; the same for the preview and the published page. The prose
 * is written in English only: `proseLang` 'en' (in another interface language) marks it and says so.
 */
export function AnalysisReportView({ report, csv = null, proseLang }: { report: ResolvedReport; csv?: CsvHref; proseLang?: 'en' }) {
  const { t } = useTranslation('analysis')
  return (
    <div className="guth-analysis-report">
      <nav aria-labelledby="report-contents" className="ds_contents-nav">
        <h2 id="report-contents" className="ds_contents-nav__title">
          {t('report.contents')}
        </h2>
        <ul className="ds_contents-nav__list">
          {report.sections.map((section) => (
            <li key={section.key} className="ds_contents-nav__item">
              <a className="ds_contents-nav__link" href={`#section-${section.key}`}>
                {t(`sections.${section.key}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {report.sections.map((section) => (
        <section key={section.key} aria-labelledby={`section-${section.key}`}>
          <h2 id={`section-${section.key}`}>{t(`sections.${section.key}`)}</h2>
          {section.html ? (
            <>
              {proseLang ? <EnglishOnlyNotice /> : null}
              <div className="guth-body" lang={proseLang} dangerouslySetInnerHTML={{ __html: section.html }} />
            </>
          ) : null}
          {section.key === 'events_bsl' && report.bslInterpreted !== undefined ? <p id="bsl-interpreted">{t('report.bslInterpreted', { n: report.bslInterpreted })}</p> : null}
          {section.blocks.map((block) => (
            <Block key={block.id} block={block} csv={csv} />
          ))}
        </section>
      ))}
    </div>
  )
}
