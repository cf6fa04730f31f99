import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, ChoiceGroup } from '~/components/ds/forms'
import { ACCESSIBILITY_FEATURES, type EventFilters as Filters } from '~/modules/events/forms'

interface Choices {
  programmes: { slug: string; name: string }[]
  organisations: { slug: string; name: string }[]
  tags: string[]
}

function Select({ name, label, value, options }: { name: string; label: string; value?: string; options: { value: string; label: string }[] }) {
  const { t } = useTranslation('events')
  return (
    <div className="ds_question">
      <label className="ds_label" htmlFor={`filter-${name}`}>
        {label}
      </label>
      <div className="ds_select-wrapper">
        <select id={`filter-${name}`} name={name} className="ds_select" defaultValue={value ?? ''}>
          <option value="">{t('filters.any')}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <span className="ds_select-arrow" aria-hidden="true" />
      </div>
    </div>
  )
}

/** The calendar's filters: a plain GET form, so they work without JavaScript and can be bookmarked. */
export function EventFiltersForm({ action, filters, choices, extra }: { action: string; filters: Filters; choices: Choices; extra?: Record<string, string> }) {
  const { t } = useTranslation('events')
  return (
    <Form method="get" action={action} className="guth-event-filters" aria-labelledby="event-filters-heading">
      <h2 id="event-filters-heading" className="ds_h3">
        {t('filters.heading')}
      </h2>
      {Object.entries(extra ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Select name="tag" label={t('filters.tag')} value={filters.tag} options={choices.tags.map((tag) => ({ value: tag, label: tag }))} />
      <Select name="organisation" label={t('filters.organisation')} value={filters.organisation} options={choices.organisations.map((o) => ({ value: o.slug, label: o.name }))} />
      <Select name="programme" label={t('filters.programme')} value={filters.programme} options={choices.programmes.map((p) => ({ value: p.slug, label: p.name }))} />
      <ChoiceGroup
        type="radio"
        name="mode"
        legend={t('filters.mode')}
        small
        defaultValue={filters.mode ?? ''}
        choices={[
          { value: '', label: t('filters.any') },
          { value: 'in_person', label: t('mode.in_person') },
          { value: 'online', label: t('mode.online') },
        ]}
      />
      <ChoiceGroup type="checkbox" name="access" legend={t('filters.access')} small defaultValue={filters.access} choices={ACCESSIBILITY_FEATURES.map((f) => ({ value: f, label: t(`access.${f}`) }))} />
      <div className="ds_question">
        <label className="ds_label" htmlFor="filter-from">
          {t('filters.from')}
        </label>
        <input id="filter-from" name="from" type="date" className="ds_input ds_input--fixed-10" defaultValue={filters.from} />
      </div>
      <div className="ds_question">
        <label className="ds_label" htmlFor="filter-to">
          {t('filters.to')}
        </label>
        <input id="filter-to" name="to" type="date" className="ds_input ds_input--fixed-10" defaultValue={filters.to} />
      </div>
      <Button type="submit">{t('filters.apply')}</Button>
      <p>
        <Link to={action}>{t('filters.clear')}</Link>
      </p>
    </Form>
  )
}
