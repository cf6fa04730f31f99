import { useTranslation } from '~/platform/i18n/react'
import { SelectField } from '~/components/ds/forms'

// Parts of the report builder's single form: every button posts the whole form (so prose typed
// so far is saved too) with an intent naming what to do, which works the same without JavaScript.

interface BlockSummary {
  id: string
  type: string
  question: { number: string; prompt: string } | null
  display: string | null
  quote: string | null
}

export function AnalysisBlockList({ blocks }: { blocks: BlockSummary[] }) {
  const { t } = useTranslation('analysis')
  if (!blocks.length) return <p>{t('builder.noBlocks')}</p>
  return (
    <ol className="guth-analysis-blocks">
      {blocks.map((block, i) => (
        <li key={block.id} id={`block-${block.id}`}>
          <strong>{t(`builder.types.${block.type}`)}</strong>
          {block.question ? `: ${t('questionLabel', block.question)}` : ''}
          {block.type === 'closedQuestion' || block.type === 'codeFrequency' ? (block.question ? '' : ` – ${t('builder.missingQuestion')}`) : ''}
          {block.display ? ` (${t(`builder.display.${block.display}`)})` : ''}
          {block.quote !== null ? <blockquote className="guth-analysis-quote">{block.quote}</blockquote> : null}
          <div className="ds_button-group">
            {i > 0 ? (
              <button type="submit" name="intent" value={`up:${block.id}`} className="ds_button ds_button--secondary ds_button--small">
                {t('builder.moveUp')}
                <span className="visually-hidden"> {t('builder.blockNumber', { number: i + 1 })}</span>
              </button>
            ) : null}
            <button type="submit" name="intent" value={`remove:${block.id}`} className="ds_button ds_button--secondary ds_button--small">
              {t('builder.remove')}
              <span className="visually-hidden"> {t('builder.blockNumber', { number: i + 1 })}</span>
            </button>
          </div>
        </li>
      ))}
    </ol>
  )
}

function QuestionSelect({ id, label, options, error }: { id: string; label: string; options: Question[]; error?: string }) {
  const { t } = useTranslation('analysis')
  const choices = [{ value: '', label: t('builder.chooseQuestion') }, ...options.map((q) => ({ value: q.id, label: t('questionLabel', { number: q.number, prompt: q.prompt }) }))]
  return <SelectField id={id} name={id} label={label} options={choices} error={error} />
}

type Question = { id: string; number: string; prompt: string }

/** "Add a block" controls of one section. */
export function AnalysisBlockAdder({
  section,
  closedQuestions,
  codedQuestions,
  errors,
}: {
  section: string
  closedQuestions: Question[]
  codedQuestions: Question[]
  errors: Record<string, string>
}) {
  const { t } = useTranslation('analysis')
  const add = (type: string, label: string) => (
    <button type="submit" name="intent" value={`add:${section}:${type}`} className="ds_button ds_button--secondary ds_button--small">
      {label}
    </button>
  )
  return (
    <details className="ds_details" open={Object.keys(errors).some((key) => key.startsWith(`${section}-`))}>
      <summary className="ds_details__summary">{t('builder.addBlock')}</summary>
      <div className="ds_details__text">
        <QuestionSelect id={`${section}-closedQuestion`} label={t('builder.closedQuestion')} options={closedQuestions} error={errors[`${section}-closedQuestion`]} />
        <fieldset className="ds_question">
          <legend>{t('builder.displayLegend')}</legend>
          {(['chart', 'table'] as const).map((display, i) => (
            <div key={display} className="ds_radio ds_radio--small">
              <input id={`${section}-display-${display}`} name={`${section}-display`} type="radio" value={display} defaultChecked={i === 0} className="ds_radio__input" />
              <label htmlFor={`${section}-display-${display}`} className="ds_radio__label">
                {t(`builder.display.${display}`)}
              </label>
            </div>
          ))}
        </fieldset>
        {add('closedQuestion', t('builder.addClosed'))}
        <QuestionSelect id={`${section}-codeQuestion`} label={t('builder.codeQuestion')} options={codedQuestions} error={errors[`${section}-codeQuestion`]} />
        {add('codeFrequency', t('builder.addCodes'))}
        <div className="ds_button-group">
          {add('profile', t('builder.addProfile'))}
          {add('campaigns', t('builder.addCampaigns'))}
          {add('organisations', t('builder.addOrganisations'))}
        </div>
        <p className="ds_hint-text">{t('builder.quoteHint')}</p>
      </div>
    </details>
  )
}
