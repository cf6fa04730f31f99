import { BackLink } from './BackLink'
import type { ReactNode } from 'react'

/** The design system's page frame: a heading area and a content column. */
// titleLang/leadLang: 'en' where English stands in for a missing Gaelic version.
export function Page({ title, lead, back, children, titleLang, leadLang }: { title: string; lead?: ReactNode; back?: string; children?: ReactNode; titleLang?: string; leadLang?: string }) {
  return (
    <div className="ds_layout ds_layout--article">
      <div className="ds_layout__header">
        {back ? <BackLink to={back} /> : null}
        <header className="ds_page-header">
          <h1 className="ds_page-header__title" lang={titleLang}>
            {title}
          </h1>
        </header>
        {lead ? (
          <p className="ds_leader" lang={leadLang}>
            {lead}
          </p>
        ) : null}
      </div>
      <div className="ds_layout__content">{children}</div>
    </div>
  )
}
