import { type ActionFunctionArgs, data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from '~/platform/i18n/react'
import { Suspense } from 'react'
import { deferred } from '~/components/deferred'
import { inLanguage } from '~/components/ConsultationCard'
import { EnglishOnlyNotice, MaybeEnglishOnly } from '~/components/EnglishOnly'
import { FeedLinks, When } from '~/components/EventCard'
import { CsrfInput, Honeypot } from '~/components/FormSecurity'
import { JsonLd } from '~/components/JsonLd'
import { Page } from '~/components/ds/Page'
import { Button, ChoiceGroup, ErrorSummary, NotificationBanner, TextArea, TextInput } from '~/components/ds/forms'
import { MetadataItem } from '~/components/ds/Metadata'
import { getOptionalUser } from '~/modules/accounts/index.server'
import { bookFromForm, type BookingFieldErrors, loadEventComments, eventPage } from '~/modules/events/index.server'
import type { Translated } from '~/kernel/translated'
import { assertCsrf } from '~/platform/csrf.server'
import { isHoneypotFilled } from '~/platform/honeypot'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'
import { formatTime } from '~/platform/notice'
import eventsStyles from '~/styles/events.css?url'
import { topicLabel } from '~/modules/events'

// The discussion sits below the event: the page is readable and usable while its code arrives.
const CommentsSection = deferred(() => import('~/components/CommentsSection').then((module) => module.CommentsSection))

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: eventsStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { language, serviceName } = await translatorFor(request, 'events')
  const page = await eventPage(params.slug!, language)
  return { title: page.event.title, serviceName, language, ...page, comments: await loadEventComments(request, page.event) }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  const { language } = await translatorFor(request)
  const { event, dates } = await eventPage(params.slug!, language)
  const user = await getOptionalUser(request)
  const input = {
    name: String(form.get('name') ?? ''),
    email: String(form.get('email') ?? ''),
    accessNeeds: String(form.get('accessNeeds') ?? ''),
    dates: form.getAll('dates').map(String),
  }
  const outcome = await bookFromForm({ ...event, dates }, input, { ip: context.clientIp, userId: user?.id ?? null, language, isBot: isHoneypotFilled(form) })
  if (outcome.ok) return redirect(`${outcome.url}&done=${outcome.status === 'waitlisted' ? 'waitlisted' : 'booked'}`, 303)
  if (outcome.reason === 'invalid') return data({ fieldErrors: outcome.fieldErrors, refusal: null, retryAt: null, input }, { status: 400 })
  const retryAt = outcome.reason === 'rate_limited' ? formatTime(outcome.retryAt, language) : null
  return data({ fieldErrors: {}, refusal: outcome.reason, retryAt, input }, { status: outcome.reason === 'rate_limited' ? 429 : 409 })
}

/** How many places a date has left, or that it is full and how many wait. */
function placesText(t: TFunction, date: { placesLeft: number | null; waiting: number }) {
  if (date.placesLeft === null) return null
  return date.placesLeft === 0 ? t('booking.dateFull', { count: date.waiting }) : t('booking.placesLeft', { count: date.placesLeft })
}

/** A repeating event's dates, each with its own places, to tick one or several. */
function DateChoices({ error, chosen }: { error?: string; chosen: string[] }) {
  const { t } = useTranslation('events')
  const { dates } = useLoaderData<typeof loader>()
  const choices = dates.map((date) => {
    const places = placesText(t, date)
    return { value: date.day, label: <When session={date.session} />, hint: places ?? undefined }
  })
  return <ChoiceGroup type="checkbox" name="dates" legend={t('booking.dates')} hint={t('booking.datesHint')} error={error} choices={choices} defaultValue={chosen} />
}

function BookingForm() {
  const { t } = useTranslation('events')
  const actionData = useActionData<typeof action>()
  const { placesLeft, dates } = useLoaderData<typeof loader>()
  const [search] = useSearchParams()
  const repeating = dates.length > 0
  const errors = actionData?.fieldErrors as BookingFieldErrors | undefined
  const summary = (['dates', 'name', 'email', 'accessNeeds'] as const).filter((f) => errors?.[f]?.length).map((f) => ({ fieldId: f === 'dates' ? 'dates' : `booking-${f}`, message: errors![f]![0]! }))
  const chosen = actionData?.input.dates ?? search.getAll('date')
  const full = !repeating && placesLeft === 0
  return (
    <section aria-labelledby="booking-heading" className="guth-event-booking">
      <h2 id="booking-heading">{t('booking.heading')}</h2>
      {repeating ? null : <p>{placesLeft === 0 ? t('booking.full') : placesLeft === null ? null : t('booking.placesLeft', { count: placesLeft })}</p>}
      {actionData?.refusal ? (
        <NotificationBanner title={t(`booking.refused.${actionData.refusal}`, { time: actionData.retryAt })} />
      ) : null}
      <ErrorSummary errors={summary} />
      <Form method="post" noValidate>
        <CsrfInput />
        <Honeypot />
        {repeating ? <DateChoices error={errors?.dates?.[0]} chosen={chosen} /> : null}
        <TextInput id="booking-name" name="name" label={t('booking.name')} autoComplete="name" defaultValue={actionData?.input.name} error={errors?.name?.[0]} width="fluid-two-thirds" />
        <TextInput id="booking-email" name="email" type="email" label={t('booking.email')} hint={t('booking.emailHint')} autoComplete="email" spellCheck={false} defaultValue={actionData?.input.email} error={errors?.email?.[0]} width="fluid-two-thirds" />
        <TextArea id="booking-accessNeeds" name="accessNeeds" label={t('booking.accessNeeds')} hint={t('booking.accessNeedsHint')} defaultValue={actionData?.input.accessNeeds} error={errors?.accessNeeds?.[0]} rows={3} />
        <Button type="submit">{full ? t('booking.joinWaitlist') : t('booking.submit')}</Button>
      </Form>
    </section>
  )
}

function ConsultationLink({ consultation, language }: { consultation: { slug: string; title: Translated }; language: string }) {
  const { t } = useTranslation('events')
  const title = inLanguage(consultation.title, language)
  return (
    <p className="guth-event-consultation">
      {t('page.feedsConsultation')}{' '}
      <Link to={`/consultations/${consultation.slug}`} lang={title.lang}>
        {title.text}
      </Link>
    </p>
  )
}

export const handle = { i18n: ['comments', 'consultations', 'events'] }

export default function EventPage() {
  const { event, programme, consultation, bookable, past, addToCalendar, comments, language, structuredData, dates } = useLoaderData<typeof loader>()
  const { t } = useTranslation('events')
  // One notice when the heading is English; the description gets its own only below a Gaelic heading.
  const headingInEnglish = Boolean(event.lang.title || event.lang.summary)
  return (
    <Page title={event.title} titleLang={event.lang.title} lead={event.summary} leadLang={event.lang.summary}>
      <JsonLd data={structuredData} />
      {headingInEnglish ? <EnglishOnlyNotice /> : null}
      {event.cancelled ? (
        <NotificationBanner title={t('page.cancelled')}>{event.cancelledReason ? <p>{event.cancelledReason}</p> : null}</NotificationBanner>
      ) : null}
      <dl className="ds_metadata guth-facts">
        <MetadataItem label={t('card.when')}>
          {dates.length ? (
            <ul className="guth-event-dates">
              {dates.map((date) => (
                <li key={date.day} id={`date-${date.day}`}>
                  <When session={date.session} />
                  {event.bookingRequired && placesText(t, date) ? <span className="ds_hint-text">{` (${placesText(t, date)})`}</span> : null}
                </li>
              ))}
            </ul>
          ) : event.sessions.length > 1 ? (
            <ul>
              {event.sessions.map((session) => (
                <li key={session.start.datetime}>
                  <When session={session} />
                </li>
              ))}
            </ul>
          ) : (
            <When session={event.session} />
          )}
        </MetadataItem>
        <MetadataItem label={t('card.where')}>
          {event.mode === 'online' ? t('mode.online') : [event.place, event.address].filter(Boolean).join(', ')}
          {event.mode === 'hybrid' ? ` ${t('card.andOnline')}` : ''}
          {event.mode !== 'in_person' ? <p className="ds_hint-text">{t('page.linkForAttendees')}</p> : null}
        </MetadataItem>
        <MetadataItem label={t('card.organiser')}>{event.organisation}</MetadataItem>
        {programme ? (
          <MetadataItem label={t('page.programme')}>
            <Link to={`/programmes/${programme.slug}`} lang={programme.lang}>
              {programme.name}
            </Link>
          </MetadataItem>
        ) : null}
        {event.tags.length ? (
          <MetadataItem label={t('page.tags')}>
            {event.tags.map((tag, i) => (
              <span key={tag}>
                {i ? ', ' : ''}
                <Link to={`/events?tag=${encodeURIComponent(tag)}`}>{topicLabel(t, tag)}</Link>
              </span>
            ))}
          </MetadataItem>
        ) : null}
      </dl>

      {event.descriptionHtml ? (
        headingInEnglish ? (
          <div className="guth-body" lang={event.lang.description} dangerouslySetInnerHTML={{ __html: event.descriptionHtml }} />
        ) : (
          <MaybeEnglishOnly lang={event.lang.description}>
            <div className="guth-body" dangerouslySetInnerHTML={{ __html: event.descriptionHtml }} />
          </MaybeEnglishOnly>
        )
      ) : null}

      {consultation ? <ConsultationLink consultation={consultation} language={language} /> : null}

      <section aria-labelledby="access-heading">
        <h2 id="access-heading">{t('page.accessibility')}</h2>
        {event.accessibility.length ? (
          <ul>
            {event.accessibility.map((feature) => (
              <li key={feature}>{t(`access.${feature}`)}</li>
            ))}
          </ul>
        ) : (
          <p>{t('page.noAccessibility')}</p>
        )}
        {event.accessibilityNotes ? <p>{event.accessibilityNotes}</p> : null}
      </section>

      {bookable ? <BookingForm /> : !event.cancelled ? <p>{past ? t('page.past') : t('page.noBooking')}</p> : null}

      <section aria-labelledby="add-heading">
        <h2 id="add-heading">{t('page.addToCalendar')}</h2>
        <ul>
          <li>
            <a href={addToCalendar.ics} download>
              {t('page.downloadIcs')}
            </a>
          </li>
          <li>
            <a href={addToCalendar.google} rel="noopener noreferrer">
              {t('page.google')}
            </a>
          </li>
          <li>
            <a href={addToCalendar.outlook.href} rel="noopener noreferrer">
              {addToCalendar.outlook.kind === 'subscription' ? t('page.outlookSeries') : t('page.outlook')}
            </a>
          </li>
        </ul>
        <FeedLinks feed={addToCalendar.feed} news={addToCalendar.news} />
      </section>
      <Suspense>
        <CommentsSection data={comments} />
      </Suspense>
      <p>
        <Link to="/events">{t('page.back')}</Link>
      </p>
    </Page>
  )
}
