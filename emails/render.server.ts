import { render } from '@react-email/render'
import type { ReactElement } from 'react'

/** Every email goes out as HTML and as plain text made from the same template. */
export async function renderEmail(element: ReactElement) {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })])
  return { html, text }
}
