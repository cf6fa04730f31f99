import { useTranslation } from '~/platform/i18n/react'
import { Page } from './ds/Page'

interface Section {
  heading: string
  paragraphs: string[]
}

interface CookieTable {
  caption: string
  name: string
  purpose: string
  expires: string
  rows: { name: string; purpose: string; expires: string }[]
}

/** Accessibility, privacy and cookies pages: prose held in locales/<lang>/legal.json. */
export function LegalPage({ page }: { page: 'accessibility' | 'privacy' | 'cookies' }) {
  const { t } = useTranslation('legal')
  const sections = t(`${page}.sections`, { returnObjects: true }) as Section[]
  const table = page === 'cookies' ? (t('cookies.table', { returnObjects: true }) as CookieTable) : null
  return (
    <Page title={t(`${page}.title`)} lead={t(`${page}.summary`)}>
      {sections.map((section) => (
        <section key={section.heading}>
          <h2>{section.heading}</h2>
          {section.paragraphs.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </section>
      ))}
      {table ? (
        <table className="ds_table">
          <caption className="ds_table__caption">{table.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{table.name}</th>
              <th scope="col">{table.purpose}</th>
              <th scope="col">{table.expires}</th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.name}>
                <th scope="row">
                  <code>{row.name}</code>
                </th>
                <td>{row.purpose}</td>
                <td>{row.expires}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Page>
  )
}
