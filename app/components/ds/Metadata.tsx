import type { ReactNode } from 'react'

/** One fact in a design-system metadata list (`<dl className="ds_metadata">`), shown as "Key: value". */
export function MetadataItem({ label, children }: { label: ReactNode; children: ReactNode }) {
  // The design system adds the colon after the key in CSS and relies on the white space its HTML
  // templates leave between dt and dd; React leaves none, so without this space "When:" runs into the date.
  return (
    <div className="ds_metadata__item">
      <dt className="ds_metadata__key">{label}</dt>{' '}
      <dd className="ds_metadata__value">{children}</dd>
    </div>
  )
}
