/** The address of a page of the respond flow. */
export function respondPath(slug: string, page = '') {
  return `/consultations/${slug}/respond${page ? `/${page}` : ''}`
}
