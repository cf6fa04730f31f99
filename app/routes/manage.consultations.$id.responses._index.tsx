import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { Page } from '~/components/ds/Page'
import { Pagination } from '~/components/ds/Pagination'
import { Button, ChoiceGroup, ErrorSummary, SelectField, TextInput } from '~/components/ds/forms'
import { requireUser } from '~/modules/accounts/index.server'
import { pageFrom } from '~/modules/accounts'
import { formatLondon } from '~/kernel/london-time'
import { translate } from '~/modules/consultations'
import { channels, consents, listResponses, parseResponseFilters, respondentTypes } from '~/modules/consultations/index.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { t, serviceName, language } = await translatorFor(request, 'responses')
  const search = new URL(request.url).searchParams
  const parsed = parseResponseFilters(search)
  const list = await listResponses(user, params.id ?? '', parsed.ok ? parsed.filters : {}, pageFrom(search))
  if (!list) throw new Response('Not found', { status: 404 })
  const page = {
    title: t('list.title'),
    serviceName,
    consultation: { id: list.consultation.id, title: translate(list.consultation.title, language) },
    query: parsed.query,
    errors: parsed.ok ? {} : parsed.errors,
    summary: list.summary,
    showPersonalData: list.showPersonalData,
    choices: { channels, consents, respondentTypes },
  }
  if (!parsed.ok) return data({ ...page, responses: [], total: 0, page: 1, pageCount: 1 }, { status: 400 })
  return {
    ...page,
    responses: list.responses.map((r) => ({ ...r, submittedAt: r.submittedAt ? formatLondon(r.submittedAt, language) : '' })),
    total: list.total,
    page: list.page,
    pageCount: list.pageCount,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export const handle = { i18n: ['admin', 'responses'] }

export default function ResponsesList() {
  const { consultation, query, errors, summary, showPersonalData, choices, responses, total, page, pageCount } = useLoaderData<typeof loader>()
  const { t } = useTranslation('responses')
  const base = `/manage/consultations/${consultation.id}/responses`
  const filterQuery = new URLSearchParams(Object.entries(query).filter(([, value]) => value)).toString()
  const exportHref = (format: 'csv' | 'xlsx', kind?: 'publishable') => {
    const params = new URLSearchParams(filterQuery)
    if (kind) params.set('kind', kind)
    return `${base}/export.${format}${params.size ? `?${params}` : ''}`
  }
  const any = (label: string, values: readonly string[], key: string) => [
    { value: '', label },
    ...values.map((value) => ({ value, label: t(`${key}.${value}`) })),
  ]
  const dateInput = (name: 'from' | 'to') => (
    <TextInput
      id={`filter-${name}`}
      name={name}
      key={`${name}-${query[name]}`}
      defaultValue={query[name]}
      label={t(`list.filters.${name}`)}
      hint={t('list.filters.dateHint')}
      error={errors[name]}
      inputMode="numeric"
      width="fixed-10"
    />
  )
  return (
    <Page title={t('list.title')} lead={consultation.title}>
      <p>
        <Link to={`/manage/consultations/${consultation.id}`}>{t('list.backToConsultation')}</Link>
      </p>
      <ErrorSummary errors={Object.entries(errors).map(([name, message]) => ({ fieldId: `filter-${name}`, message: message! }))} />

      <h2>{t('list.summary.heading')}</h2>
      <p>{t('list.summary.submitted', { total: summary.submitted })}</p>
      <ul>
        {choices.channels.map((channel) => (
          <li key={channel}>{t('list.summary.channel', { channel: t(`channel.${channel}`), total: summary.byChannel[channel] })}</li>
        ))}
      </ul>
      {summary.withdrawn ? <p>{t('list.summary.withdrawn', { total: summary.withdrawn })}</p> : null}
      <p>
        <Link to={`${base}/new`}>{t('list.enterLink')}</Link>
      </p>

      <Form method="get" aria-labelledby="response-filters">
        <h2 id="response-filters">{t('list.filters.heading')}</h2>
        <SelectField id="filter-type" name="type" key={`type-${query.type}`} label={t('list.filters.type')} defaultValue={query.type} options={any(t('list.filters.anyType'), choices.respondentTypes, 'respondentType')} />
        <SelectField id="filter-channel" name="channel" key={`channel-${query.channel}`} label={t('list.filters.channel')} defaultValue={query.channel} options={any(t('list.filters.anyChannel'), choices.channels, 'channel')} />
        <SelectField id="filter-consent" name="consent" key={`consent-${query.consent}`} label={t('list.filters.consent')} defaultValue={query.consent} options={any(t('list.filters.anyConsent'), choices.consents, 'consent')} />
        {dateInput('from')}
        {dateInput('to')}
        <ChoiceGroup
          key={`withdrawn-${query.withdrawn}`}
          type="checkbox"
          name="withdrawn"
          legend={t('list.filters.withdrawnLegend')}
          choices={[{ value: 'yes', label: t('list.filters.withdrawn') }]}
          defaultValue={query.withdrawn}
          small
        />
        <div className="ds_button-group">
          <Button type="submit">{t('list.filters.submit')}</Button>
          <Link to={base}>{t('list.filters.clear')}</Link>
        </div>
      </Form>

      <h2 id="exports">{t('list.exports.heading')}</h2>
      <p>{t('list.exports.lead')}</p>
      <ul aria-labelledby="exports">
        <li>
          <a href={exportHref('csv')} download>
            {t('list.exports.fullCsv')}
          </a>
        </li>
        <li>
          <a href={exportHref('xlsx')} download>
            {t('list.exports.fullXlsx')}
          </a>
        </li>
        <li>
          <a href={exportHref('csv', 'publishable')} download>
            {t('list.exports.publishableCsv')}
          </a>
        </li>
        <li>
          <a href={exportHref('xlsx', 'publishable')} download>
            {t('list.exports.publishableXlsx')}
          </a>
        </li>
      </ul>

      {Object.keys(errors).length ? null : responses.length === 0 ? (
        <p>{t('list.empty')}</p>
      ) : (
        <table className="ds_table">
          <caption className="ds_table__caption">{t('list.caption', { total })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('list.columns.reference')}</th>
              <th scope="col">{t('list.columns.submitted')}</th>
              <th scope="col">{t('list.columns.respondentType')}</th>
              <th scope="col">{t('list.columns.respondent')}</th>
              <th scope="col">{t('list.columns.channel')}</th>
              <th scope="col">{t('list.columns.consent')}</th>
              <th scope="col">{t('list.columns.status')}</th>
            </tr>
          </thead>
          <tbody>
            {responses.map((response) => (
              <tr key={response.id}>
                <th scope="row">
                  <Link to={`${base}/${response.id}`}>{response.reference}</Link>
                </th>
                <td>{response.submittedAt}</td>
                <td>{response.respondentType ? t(`respondentType.${response.respondentType}`) : t('notGiven')}</td>
                <td>{showPersonalData && response.respondent ? response.respondent : '—'}</td>
                <td>{t(`channel.${response.channel}`)}</td>
                <td>{response.publishConsent ? t(`consent.${response.publishConsent}`) : t('notGiven')}</td>
                <td>
                  {response.status === 'withdrawn' ? <strong className="ds_tag ds_tag--grey">{t('status.withdrawn')}</strong> : t('status.submitted')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination path={base} page={page} pageCount={pageCount} query={query} />
    </Page>
  )
}
