import { and, eq, inArray } from 'drizzle-orm'
import { loadComments, registerCommentSubject } from '~/modules/comments/index.server'
import { getDb } from '~/platform/db.server'
import { events } from './schema'

// Comments on an event's page, through the comments module: it asks this resolver whether the
// event is public and still takes comments, so it never reads the events tables.
registerCommentSubject('event', async (id) => {
  const [event] = await getDb()
    .select({ slug: events.slug, status: events.status })
    .from(events)
    .where(and(eq(events.id, id), inArray(events.status, ['published', 'cancelled'])))
  if (!event) return null
  return { readable: true, open: event.status === 'published', href: `/events/${event.slug}`, anchors: [] }
})

/** The comments section of a public event's page; a cancelled event's discussion is read-only. */
export const loadEventComments = (request: Request, event: { id: string; cancelled: boolean }) =>
  loadComments(request, { type: 'event', id: event.id }, { open: !event.cancelled })
