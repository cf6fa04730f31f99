import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'

export interface LinkTab {
  key: string
  href: string
  label: ReactNode
  current: boolean
}

/**
 * The design system's tabs where each tab is its own address (ds_tabs--links): they work without
 * JavaScript and can be bookmarked. `children` is the tab's content (a ds_tabs__content section).
 */
export function LinkTabs({ id, title, tabs, children }: { id: string; title: ReactNode; tabs: LinkTab[]; children: ReactNode }) {
  return (
    <div className="ds_tabs ds_tabs--links">
      <nav className="ds_tabs__navigation" aria-labelledby={id}>
        <h2 id={id} className="ds_tabs__title">
          {title}
        </h2>
        <ul className="ds_tabs__list">
          {tabs.map((tab) => (
            <li key={tab.key} className={tab.current ? 'ds_tabs__tab ds_current' : 'ds_tabs__tab'}>
              <Link className="ds_tabs__tab-link" to={tab.href} aria-current={tab.current ? 'page' : undefined}>
                {tab.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </div>
  )
}
