import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { Page } from '~/components/ds/Page'
import { Pagination } from '~/components/ds/Pagination'
import { Button, ErrorSummary, SelectField, TextInput } from '~/components/ds/forms'
import { summaryErrors, useGuthForm } from '~/components/forms'
import { requireRole, requireUser, auditFilterChoices, formatLondon, listAudit } from '~/modules/accounts/index.server'
import { auditActionName, AuditFilterSchema, pageFrom } from '~/modules/accounts'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

const filterNames = ['action', 'actor', 'subjectType', 'from', 'to'] as const

// Details as "key: value; key: value", short enough for a table cell.
function compact(details: Record<string, unknown>) {
  const text = Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('; ')
  return text.length > 200 ? `${text.slice(0, 199)}…` : text
}

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = requireRole(await requireUser(request), 'admin')
  const { t, serviceName, language } = await translatorFor(request, 'admin')
  const search = new URL(request.url).searchParams
  const filters = Object.fromEntries(filterNames.map((name) => [name, (search.get(name) ?? '').slice(0, 200)])) as Record<
    (typeof filterNames)[number],
    string
  >
  const submission = parseWithZod(search, { schema: AuditFilterSchema })
  const choices = await auditFilterChoices(admin)
  const base = { title: t('audit.title'), serviceName, filters, choices }
  if (submission.status !== 'success') {
    return data({ ...base, result: submission.reply(), entries: [], total: 0, page: 1, pageCount: 1 }, { status: 400 })
  }
  const log = await listAudit(admin, { ...submission.value, page: pageFrom(search) })
  return data({
    ...base,
    result: null,
    ...log,
    entries: log.entries.map((entry) => ({ ...entry, at: formatLondon(entry.at, language), details: compact(entry.details) })),
  })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export const handle = { i18n: ['admin'] }

export default function AuditLog() {
  const { filters, choices, result, entries, total, page, pageCount } = useLoaderData<typeof loader>()
  const { t } = useTranslation('admin')
  const [form, fields] = useGuthForm(AuditFilterSchema, result)
  const dateInput = (name: 'from' | 'to') => (
    <TextInput
      id={fields[name].id}
      name={fields[name].name}
      key={`${name}-${filters[name]}`}
      defaultValue={filters[name]}
      label={t(`audit.filters.${name}`)}
      hint={t('audit.filters.dateHint')}
      error={fields[name].errors?.[0]}
      inputMode="numeric"
      width="fixed-10"
    />
  )
  return (
    <Page title={t('audit.title')} lead={t('audit.lead')}>
      <p>
        <Link to="/admin">{t('nav.backToAdmin')}</Link>
      </p>
      <ErrorSummary errors={summaryErrors([fields.action, fields.actor, fields.subjectType, fields.from, fields.to])} />
      <Form method="get" {...getFormProps(form)} aria-labelledby="audit-filters">
        <h2 id="audit-filters">{t('audit.filters.heading')}</h2>
        <SelectField
          id={fields.action.id}
          name={fields.action.name}
          key={`action-${filters.action}`}
          label={t('audit.filters.action')}
          defaultValue={filters.action}
          options={[{ value: '', label: t('audit.filters.anyAction') }, ...choices.actions.map((value) => ({ value, label: auditActionName(t, value) }))]}
        />
        <TextInput
          id={fields.actor.id}
          name={fields.actor.name}
          key={`actor-${filters.actor}`}
          defaultValue={filters.actor}
          label={t('audit.filters.actor')}
          hint={t('audit.filters.actorHint')}
          error={fields.actor.errors?.[0]}
          spellCheck={false}
          width="fluid-two-thirds"
        />
        <SelectField
          id={fields.subjectType.id}
          name={fields.subjectType.name}
          key={`subjectType-${filters.subjectType}`}
          label={t('audit.filters.subjectType')}
          defaultValue={filters.subjectType}
          options={[
            { value: '', label: t('audit.filters.anySubjectType') },
            ...choices.subjectTypes.map((value) => ({ value, label: value })),
          ]}
        />
        {dateInput('from')}
        {dateInput('to')}
        <div className="ds_button-group">
          <Button type="submit">{t('audit.filters.submit')}</Button>
          <Link to="/admin/audit">{t('audit.filters.clear')}</Link>
        </div>
      </Form>

      {result ? null : entries.length === 0 ? (
        <p>{t('audit.empty')}</p>
      ) : (
        <table className="ds_table">
          <caption className="ds_table__caption">{t('audit.caption', { total })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.columns.when')}</th>
              <th scope="col">{t('audit.columns.who')}</th>
              <th scope="col">{t('audit.columns.action')}</th>
              <th scope="col">{t('audit.columns.subject')}</th>
              <th scope="col">{t('audit.columns.details')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{entry.at}</td>
                <td>
                  {entry.actor.kind === 'person' ? (
                    <Link to={`/admin/people/${entry.actor.id}`}>{entry.actor.displayName ?? entry.actor.email}</Link>
                  ) : (
                    t(`audit.actor.${entry.actor.kind}`)
                  )}
                </td>
                <td>{auditActionName(t, entry.action)}</td>
                <td>
                  {entry.subjectType}
                  {entry.subjectPerson ? (
                    <>
                      {': '}
                      <Link to={`/admin/people/${entry.subjectPerson.id}`}>{entry.subjectPerson.label}</Link>
                    </>
                  ) : entry.subjectId ? (
                    <code title={entry.subjectId}> {entry.subjectId.slice(0, 8)}</code>
                  ) : null}
                </td>
                <td>{entry.details}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination path="/admin/audit" page={page} pageCount={pageCount} query={filters} />
    </Page>
  )
}
