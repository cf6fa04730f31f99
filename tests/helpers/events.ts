import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { memberships, organisations } from '~/modules/accounts/schema'
import { createEvent } from '~/modules/events/commands.server'
import type { EventInput } from '~/modules/events/forms'
import { events } from '~/modules/events/schema'
import { londonParts } from '~/modules/events/time'
import { getDb } from '~/platform/db.server'
import { givenPerson } from './people'

// Real rows in the test's own database: an organisation, its organiser, a moderator, events.

export async function givenOrganisation() {
  const slug = `org-${randomUUID().slice(0, 8)}`
  const [organisation] = await getDb().insert(organisations).values({ slug, name: { en: `Organisation ${slug}` } }).returning()
  const organiser = await givenPerson()
  await getDb().insert(memberships).values({ organisationId: organisation!.id, userId: organiser.id, role: 'admin', status: 'approved' })
  return { organisation: organisation!, organiser }
}

/** The event form's fields for an event `daysAhead` from now at 18:00–20:00 London time. */
export function eventForm(organisation: string, overrides: Partial<EventInput> = {}, daysAhead = 10): EventInput {
  const date = londonParts(new Date(Date.now() + daysAhead * 86_400_000)).date
  return {
    title: `Open Government meet-up ${randomUUID().slice(0, 6)}`,
    summary: 'An evening on the Open Government action plan',
    organisation,
    startDate: date,
    startTime: '18:00',
    endDate: date,
    endTime: '20:00',
    mode: 'in_person',
    venue: 'Augustine United Church',
    address: '41 George IV Bridge, Edinburgh EH1 1EL',
    bookingRequired: true,
    capacity: 10,
    ...overrides,
  }
}

/** A published event (made by a moderator, so no review), with the form fields given. */
export async function givenPublishedEvent(overrides: Partial<EventInput> = {}, daysAhead = 10) {
  const { organisation, organiser } = await givenOrganisation()
  const moderator = await givenPerson({ roles: ['moderator'] })
  const created = await createEvent(moderator, eventForm(organisation.slug, overrides, daysAhead), null)
  if (!created.ok) throw new Error(`could not create the event: ${JSON.stringify(created)}`)
  const [event] = await getDb().select().from(events).where(eq(events.id, created.id))
  return { event: event!, organisation, organiser, moderator }
}
