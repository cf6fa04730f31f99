import { Form, Link } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { Button, ChoiceGroup, SelectField, TextInput } from '~/components/ds/forms'
import { ACCESSIBILITY_FEATURES, type EventFilters as Filters, topicLabel } from '~/modules/events'

interface Choices {
  programmes: { slug: string; name: string }[]
  organisations: { slug: string; name: string }[]
  tags: string[]
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
      <SelectField id="filter-tag" name="tag" label={t('filters.tag')} emptyLabel={t('filters.any')} defaultValue={filters.tag} options={choices.tags.map((tag) => ({ value: tag, label: topicLabel(t, tag) }))} />
      <SelectField id="filter-organisation" name="organisation" label={t('filters.organisation')} emptyLabel={t('filters.any')} defaultValue={filters.organisation} options={choices.organisations.map((o) => ({ value: o.slug, label: o.name }))} />
      <SelectField id="filter-programme" name="programme" label={t('filters.programme')} emptyLabel={t('filters.any')} defaultValue={filters.programme} options={choices.programmes.map((p) => ({ value: p.slug, label: p.name }))} />
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
      <TextInput id="filter-from" name="from" type="date" width="fixed-10" label={t('filters.from')} defaultValue={filters.from} />
      <TextInput id="filter-to" name="to" type="date" width="fixed-10" label={t('filters.to')} defaultValue={filters.to} />
      <Button type="submit">{t('filters.apply')}</Button>
      <p>
        <Link to={action}>{t('filters.clear')}</Link>
      </p>
    </Form>
  )
}
