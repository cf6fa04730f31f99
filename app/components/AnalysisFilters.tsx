import { Form, Link } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { Button, SelectField, TextInput } from '~/components/ds/forms'
import type { AnswerFilterName } from '~/modules/analysis'

// Keyed by its value so that after a filtered page loads in place the select shows the new value.
const Select = ({ name, value, ...props }: { name: AnswerFilterName; label: string; value: string; options: { value: string; label: string }[] }) => (
  <SelectField key={`${name}-${value}`} id={`filter-${name}`} name={name} defaultValue={value} {...props} />
)

/** The reading page's filters: a GET form, so every selection has an address. */
export function AnswerFilterForm({
  base,
  query,
  errors,
  codes,
}: {
  base: string
  query: Record<AnswerFilterName, string>
  errors: Partial<Record<AnswerFilterName, string>>
  codes: { id: string; label: string; depth: number }[]
}) {
  const { t } = useTranslation(['analysis', 'responses'])
  const any = (label: string, values: readonly string[], key: string) => [{ value: '', label }, ...values.map((value) => ({ value, label: t(`${key}.${value}`) }))]
  return (
    <Form method="get" action={base} aria-labelledby="answer-filters">
      <h2 id="answer-filters">{t('filters.heading')}</h2>
      <TextInput id="filter-q" name="q" label={t('filters.search')} hint={t('filters.searchHint')} defaultValue={query.q} key={`q-${query.q}`} error={errors.q} width="fluid-two-thirds" />
      <Select name="type" label={t('filters.type')} value={query.type} options={any(t('filters.any'), ['individual', 'organisation'], 'responses:respondentType')} />
      <Select name="channel" label={t('filters.channel')} value={query.channel} options={any(t('filters.any'), ['web', 'bsl', 'email', 'post', 'event'], 'responses:channel')} />
      <Select name="consent" label={t('filters.consent')} value={query.consent} options={any(t('filters.any'), ['with_name', 'anonymous', 'not_published'], 'responses:consent')} />
      <Select
        name="code"
        label={t('filters.code')}
        value={query.code}
        options={[{ value: '', label: t('filters.any') }, { value: 'none', label: t('filters.uncoded') }, ...codes.map((c) => ({ value: c.id, label: `${c.depth ? '— ' : ''}${c.label}` }))]}
      />
      <Select name="reviewed" label={t('filters.reviewed')} value={query.reviewed} options={[{ value: '', label: t('filters.any') }, { value: 'yes', label: t('filters.reviewedYes') }, { value: 'no', label: t('filters.reviewedNo') }]} />
      <Select name="bsl" label={t('filters.bsl')} value={query.bsl} options={[{ value: '', label: t('filters.any') }, { value: 'uninterpreted', label: t('filters.uninterpreted') }]} />
      <div className="ds_button-group">
        <Button type="submit">{t('filters.submit')}</Button>
        <Link to={base}>{t('filters.clear')}</Link>
      </div>
    </Form>
  )
}
