import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { DateTime } from 'luxon'
import { Suspense } from 'react'
import { useTranslation } from '~/platform/i18n/react'
import { AnalysisSummary } from '~/components/AnalysisSummary'
import { BslVersion } from '~/components/BslVersion'
import { deferred } from '~/components/deferred'
import { inLanguage, StatusTag } from '~/components/ConsultationCard'
import { MetadataItem } from '~/components/ds/Metadata'
import { EnglishOnlyNotice } from '~/components/EnglishOnlyNotice'
import { getAnalysisSummary } from '~/modules/analysis/index.server'
import { loadConsultationDiscussion } from '~/modules/comments/index.server'
import { alertSignupAction, getPublicConsultation } from '~/modules/consultations/index.server'
import { renderConsultationBody } from '~/kernel/rich-text.server'
import { formatLondon, ZONE } from '~/kernel/london-time'
import { bslVersionsOf } from '~/modules/media/index.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

const fileTypes: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/msword': 'Word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
  'text/csv': 'CSV',
  'text/plain': 'TXT',
}

const fileTypeOf = (mime: string, fileName: string) => fileTypes[mime] ?? (fileName.split('.').pop() ?? '').toUpperCase()

/** Whole days from today to the instant's day, as calendars in Scotland count them. */
function calendarDaysUntil(instant: Date, now = new Date()) {
  const day = (value: Date) => DateTime.fromJSDate(value, { zone: ZONE }).startOf('day')
  return Math.round(day(instant).diff(day(now), 'days').days)
}

const timeOfDay = (instant: Date, language: string) => {
  const local = DateTime.fromJSDate(instant, { zone: ZONE })
  return language === 'gd' ? local.toFormat('HH:mm') : local.toFormat('h:mma').toLowerCase()
}

// The headings of the consultation paper, for its contents list: text and the id the renderer put on each.
function headingsOf(html: string) {
  const headings: { id: string; text: string }[] = []
  for (const match of html.matchAll(/<h2\b[^>]*\bid="([^"]+)"[^>]*>([\s\S]*?)<\/h2>/g)) {
    const text = match[2]!
      .replace(/<[^>]*>/g, '')
      .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, entity: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' })[entity]!)
      .trim()
    if (text) headings.push({ id: match[1]!, text })
  }
  return headings
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await getPublicConsultation(params.slug ?? '')
  if (!found) throw new Response('Not found', { status: 404 })
  const { consultation, documents, status } = found
  const { language, t, serviceName } = await translatorFor(request, 'consultations')
  const bodyHtml = renderConsultationBody(consultation)
  const bslVersion = (await bslVersionsOf(consultation.id)).get('consultation')
  const discussion = await loadConsultationDiscussion(request, { id: consultation.id, slug: consultation.slug, open: status === 'open' }, bodyHtml)
  const title = inLanguage(consultation.title, language)
  const kilobytes = (bytes: number) =>
    bytes < 1024 * 1024
      ? t('size.kb', { size: Math.max(1, Math.round(bytes / 1024)) })
      : t('size.mb', { size: (bytes / (1024 * 1024)).toFixed(1) })
  const days = calendarDaysUntil(consultation.closesAt)
  const closingTime = timeOfDay(consultation.closesAt, language)
  const countdown =
    status !== 'open'
      ? null
      : days <= 0
        ? t('page.closesToday', { time: closingTime })
        : days === 1
          ? t('page.closesTomorrow', { time: closingTime })
          : t('page.closesInDays', { count: days })
  return {
    title: title.text,
    description: inLanguage(consultation.summary, language).text,
    serviceName,
    language,
    consultation: {
      slug: consultation.slug,
      title,
      summary: inLanguage(consultation.summary, language),
      status,
      opens: formatLondon(consultation.opensAt, language),
      closes: formatLondon(consultation.closesAt, language),
      countdown,
      team: consultation.team,
      contactEmail: consultation.contactEmail,
      postalAddress: consultation.postalAddress?.split('\n').map((line) => line.trim()).filter(Boolean) ?? [],
    },
    bsl: bslVersion?.status === 'ready' ? { id: bslVersion.id, hasCaptions: bslVersion.hasCaptions, transcript: bslVersion.transcript } : null,
    bodyHtml: discussion.bodyHtml,
    comments: discussion.comments,
    analysis: status === 'analysis_published' ? await getAnalysisSummary(consultation.slug, language) : null,
    headings: headingsOf(bodyHtml),
    documents: documents.map((document) => ({
      id: document.id,
      title: inLanguage(document.title, language),
      kind: document.kind,
      type: fileTypeOf(document.mime, document.fileName),
      size: kilobytes(document.bytes),
    })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

// The only form posted here: "email me when this consultation opens", while it is forthcoming.
export async function action({ request, params, context }: ActionFunctionArgs) {
  const found = await getPublicConsultation(params.slug ?? '')
  if (!found) throw new Response('Not found', { status: 404 })
  // It opened while the form was on screen: the page now says how to respond.
  if (found.status !== 'forthcoming') return redirect(`/consultations/${found.consultation.slug}`, 303)
  return alertSignupAction(request, context.clientIp, { kind: 'opening', consultation: found.consultation })
}

function KeyDates() {
  const { consultation, analysis, language } = useLoaderData<typeof loader>()
  const { t } = useTranslation('consultations')
  const { status } = consultation
  const hasClosed = status === 'closed' || status === 'analysis_published'
  return (
    <section className="guth-key-dates" aria-labelledby="key-dates">
      <h2 id="key-dates" className="guth-key-dates__title">
        {t('page.keyDates')}
      </h2>
      <dl className="ds_metadata guth-facts">
        <MetadataItem label={t(status === 'forthcoming' ? 'page.opens' : 'page.opened')}>{consultation.opens}</MetadataItem>
        <MetadataItem label={t(hasClosed ? 'page.closed' : 'page.closes')}>{consultation.closes}</MetadataItem>
      </dl>
      {consultation.countdown ? <p className="guth-key-dates__note">{consultation.countdown}</p> : null}
      {status === 'forthcoming' ? <p className="guth-key-dates__note">{t('page.opensOn', { date: consultation.opens })}</p> : null}
      {hasClosed ? <p className="guth-key-dates__note">{t('page.closedOn', { date: consultation.closes })}</p> : null}
      {status === 'analysis_published' ? <p>{t('page.analysisPublished')}</p> : null}
      <AnalysisSummary
        summary={analysis}
        weAsked={consultation.summary.text}
        weAskedLang={consultation.summary.lang}
        proseLang={language === 'en' ? undefined : 'en'}
      />
    </section>
  )
}

// Only forthcoming consultations show this form; its validation code loads only then.
const OpeningAlertSignup = deferred(() => import('~/components/AlertSignup').then((module) => module.OpeningAlertSignup))
// The discussion sits below the paper: the page is readable and usable while its code arrives.
const CommentsSection = deferred(() => import('~/components/CommentsSection').then((module) => module.CommentsSection))

function WaysToRespond() {
  const { consultation } = useLoaderData<typeof loader>()
  const { t } = useTranslation('consultations')
  // The address is a link inside the sentence; split here rather than load react-i18next's <Trans>.
  const [emailBefore, emailAfter] = t('page.ways.email.body', { email: '' }).split('<email></email>')
  return (
    <section aria-labelledby="ways-to-respond">
      <h2 id="ways-to-respond">{t('page.ways.heading')}</h2>
      <h3>{t('page.ways.online.heading')}</h3>
      <p>{t('page.ways.online.body')}</p>
      <p>
        <Link to={`/consultations/${consultation.slug}/respond`}>{t('page.ways.online.link')}</Link>
      </p>
      <h3>{t('page.ways.bsl.heading')}</h3>
      <p>{t('page.ways.bsl.body')}</p>
      <p>
        <Link to={`/consultations/${consultation.slug}/respond/bsl`}>{t('bsl:entry.link')}</Link>
      </p>
      <h3>{t('page.ways.email.heading')}</h3>
      <p>
        {emailBefore}
        <a href={`mailto:${consultation.contactEmail}`}>{consultation.contactEmail}</a>
        {emailAfter}
      </p>
      {consultation.postalAddress.length ? (
        <>
          <h3>{t('page.ways.post.heading')}</h3>
          <p>{t('page.ways.post.body')}</p>
          <address className="guth-address">
            {consultation.postalAddress.map((line, index) => (
              <span key={index}>
                {line}
                <br />
              </span>
            ))}
          </address>
        </>
      ) : null}
    </section>
  )
}

function Documents() {
  const { documents } = useLoaderData<typeof loader>()
  const { t } = useTranslation('consultations')
  if (!documents.length) return null
  return (
    <section aria-labelledby="documents">
      <h2 id="documents">{t('page.documents.heading')}</h2>
      {documents.map((document) => (
        <div className="ds_file-download" key={document.id}>
          <div className="ds_file-download__content">
            <a
              href={`/documents/${document.id}`}
              className="ds_file-download__title"
              aria-describedby={`document-${document.id}`}
              lang={document.title.lang}
            >
              {document.title.text}
            </a>
            <div id={`document-${document.id}`} className="ds_file-download__details">
              <dl className="ds_metadata ds_metadata--inline">
                <MetadataItem label={t('page.documents.kind')}>{t(`documentKind.${document.kind}`)}</MetadataItem>
                <MetadataItem label={t('page.documents.type')}>{document.type}</MetadataItem>
                <MetadataItem label={t('page.documents.size')}>{document.size}</MetadataItem>
              </dl>
            </div>
          </div>
        </div>
      ))}
    </section>
  )
}

export const handle = { i18n: ['analysis', 'auth', 'bsl', 'comments', 'consultations', 'events'] }

export default function ConsultationPage() {
  const { consultation, bodyHtml, headings, language, comments, bsl } = useLoaderData<typeof loader>()
  const { t } = useTranslation('consultations')
  // The paper itself has no Gaelic version: mark it as English so screen readers pronounce it right.
  const bodyLang = language === 'en' ? undefined : 'en'
  return (
    <div className="ds_layout ds_layout--article">
      <div className="ds_layout__header">
        <header className="ds_page-header">
          <span className="ds_page-header__label ds_content-label">{t('page.label')}</span>
          <h1 className="ds_page-header__title" lang={consultation.title.lang}>
            {consultation.title.text}
          </h1>
          <p className="guth-consultation-status">
            <StatusTag status={consultation.status} />
          </p>
        </header>
        <p className="ds_leader" lang={consultation.summary.lang}>
          {consultation.summary.text}
        </p>
      </div>
      <div className="ds_layout__content">
        {bsl ? <BslVersion id="watch-in-bsl" heading={t('bsl:watch.consultationHeading')} video={bsl} label={t('bsl:watch.consultation')} language={language} /> : null}
        <KeyDates />
        {consultation.status === 'forthcoming' ? (
          <Suspense>
            <OpeningAlertSignup />
          </Suspense>
        ) : null}
        {consultation.status === 'open' ? (
          <div className="guth-respond-call">
            <Link className="ds_button" to={`/consultations/${consultation.slug}/respond`}>
              {t('page.respond')}
            </Link>
            <p>{t('page.respondNote')}</p>
          </div>
        ) : null}

        {headings.length ? (
          <nav className="ds_contents-nav" aria-labelledby="consultation-contents">
            <h2 className="ds_contents-nav__title" id="consultation-contents">
              {t('page.contents')}
            </h2>
            <ul className="ds_contents-nav__list">
              {headings.map((heading) => (
                <li className="ds_contents-nav__item" key={heading.id}>
                  <a className="ds_contents-nav__link" href={`#${heading.id}`} lang={bodyLang}>
                    {heading.text}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}

        {bodyHtml ? (
          <>
            {bodyLang ? <EnglishOnlyNotice /> : null}
            <div className="guth-body" lang={bodyLang} dangerouslySetInnerHTML={{ __html: bodyHtml }} />
          </>
        ) : null}

        <Documents />
        <Suspense>
          <CommentsSection data={comments} />
        </Suspense>
        {consultation.status === 'open' ? <WaysToRespond /> : null}

        <section aria-labelledby="contact">
          <h2 id="contact">{t('page.contact.heading')}</h2>
          <dl className="ds_metadata guth-facts">
            <MetadataItem label={t('page.contact.team')}>{consultation.team}</MetadataItem>
            <MetadataItem label={t('page.contact.email')}>
              <a href={`mailto:${consultation.contactEmail}`}>{consultation.contactEmail}</a>
            </MetadataItem>
            {consultation.postalAddress.length ? (
              <MetadataItem label={t('page.contact.address')}>{consultation.postalAddress.join(', ')}</MetadataItem>
            ) : null}
          </dl>
        </section>
      </div>
    </div>
  )
}
