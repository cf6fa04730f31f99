import { afterAll, expect, test } from 'vitest'
import { postComment } from '~/modules/comments/commands.server'
import { loadEventComments } from '~/modules/events/comments.server'
import { cancelEvent } from '~/modules/events/commands.server'
import { eventPage } from '~/modules/events/views.server'
import { stopJobs } from '~/platform/jobs.server'
import { withTestDatabase } from '../helpers/db'
import { givenPerson } from '../helpers/people'
import { givenPublishedEvent } from '../helpers/events'

withTestDatabase()
afterAll(() => stopJobs())

const onEvent = (id: string, body: string) => ({ subjectType: 'event' as const, subjectId: id, body })
const pageRequest = (slug: string) => new Request(`http://localhost/events/${slug}`)

test('people discuss a published event on its page; once it is cancelled the discussion is read-only', async () => {
  const { event, moderator } = await givenPublishedEvent()
  const citizen = await givenPerson()
  expect(await postComment(citizen, onEvent(event.id, 'Is there parking near the venue?'))).toMatchObject({ ok: true })

  const page = await eventPage(event.slug, 'en')
  const comments = await loadEventComments(pageRequest(event.slug), page.event)
  expect(comments.threads.map((comment) => comment.body)).toEqual(['Is there parking near the venue?'])
  expect(comments.open).toBe(true)

  expect(await cancelEvent(moderator, event.id, 'The venue flooded')).toMatchObject({ ok: true })
  const cancelled = await eventPage(event.slug, 'en')
  expect((await loadEventComments(pageRequest(event.slug), cancelled.event)).open).toBe(false)
  expect(await postComment(citizen, onEvent(event.id, 'Will it be moved?'))).toMatchObject({ ok: false })
})

test('an event that is not public takes no comments', async () => {
  const citizen = await givenPerson()
  const refused = await postComment(citizen, onEvent('00000000-0000-4000-8000-000000000000', 'Hello'))
  expect(refused).toMatchObject({ ok: false, reason: 'not_found' })
})
