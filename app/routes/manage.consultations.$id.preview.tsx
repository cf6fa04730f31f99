import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { StatusTag } from '~/components/ConsultationCard'
import { MetadataItem } from '~/components/ds/Metadata'
import { QuestionPreview } from '~/components/QuestionPreview'
import { requireUser } from '~/modules/accounts/index.server'
import { renderBodyHtml } from '~/kernel/rich-text.server'
import { assertCanManage, getConsultationById, listDocuments, listQuestions } from '~/modules/consultations/index.server'
import { isUuid } from '~/kernel/ids'
import { statusOf, translate } from '~/modules/consultations'
import { formatLondon } from '~/kernel/london-time'
import { isLanguage } from '~/platform/i18n/config'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

// The consultation page and its questions as respondents will meet them, in either language,
// with nothing that can be filled in or sent.
export async function loader({ request, params }: LoaderFunctionArgs) {
  assertCanManage(await requireUser(request))
  const consultation = isUuid(params.id) ? await getConsultationById(params.id) : null
  if (!consultation) throw new Response('Not found', { status: 404 })
  const { t, serviceName, language: pageLanguage } = await translatorFor(request, 'manage')
  const asked = new URL(request.url).searchParams.get('lang')
  const language = isLanguage(asked) ? asked : pageLanguage
  const [questions, documents] = await Promise.all([listQuestions(consultation.id), listDocuments(consultation.id)])
  const title = translate(consultation.title, language)
  return {
    title: t('preview.title', { title }),
    serviceName,
    language,
    consultation: {
      id: consultation.id,
      slug: consultation.slug,
      title,
      summary: translate(consultation.summary, language),
      status: statusOf(consultation),
      opens: formatLondon(consultation.opensAt, language),
      closes: formatLondon(consultation.closesAt, language),
      team: consultation.team,
      contactEmail: consultation.contactEmail,
      postalAddress: consultation.postalAddress?.split('\n').map((line) => line.trim()).filter(Boolean) ?? [],
    },
    bodyHtml: consultation.body ? renderBodyHtml(consultation.body) : '',
    documents: documents.map((document) => ({ id: document.id, title: translate(document.title, language), kind: document.kind, fileName: document.fileName })),
    questions,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export const handle = { i18n: ['consultations', 'manage', 'respond'], i18nEveryLanguage: true }

export default function PreviewConsultation() {
  const { consultation, bodyHtml, documents, questions, language } = useLoaderData<typeof loader>()
  const { t } = useTranslation('manage')
  const c = (key: string, values: Record<string, unknown> = {}) => t(key, { ns: 'consultations', lng: language, ...values })
  const numbered = questions.filter((question) => !question.followUpOf)
  return (
    <div className="ds_layout ds_layout--article" lang={language}>
      <div className="ds_layout__header">
        <header className="ds_page-header">
          <span className="ds_page-header__label ds_content-label">{t('preview.label', { lng: language })}</span>
          <h1 className="ds_page-header__title">{consultation.title}</h1>
          <p>
            <StatusTag status={consultation.status} />
          </p>
        </header>
        <p className="ds_leader">{consultation.summary}</p>
      </div>
      <div className="ds_layout__content">
        <div className="ds_inset-text" role="note">
          <div className="ds_inset-text__text">
            <p>{t('preview.explain', { lng: language })}</p>
            <ul className="ds_no-bullets">
              <li>
                <Link to={`/manage/consultations/${consultation.id}`}>{t('nav.backToConsultation', { lng: language })}</Link>
              </li>
              <li>
                {language === 'gd' ? (
                  <Link to="?lang=en" lang="en">
                    {t('preview.inEnglish', { lng: 'en' })}
                  </Link>
                ) : (
                  <Link to="?lang=gd" lang="gd">
                    {t('preview.inGaelic', { lng: 'gd' })}
                  </Link>
                )}
              </li>
            </ul>
          </div>
        </div>

        <section aria-labelledby="key-dates">
          <h2 id="key-dates">{c('page.keyDates')}</h2>
          <dl className="ds_metadata">
            <MetadataItem label={c('page.opens')}>{consultation.opens}</MetadataItem>
            <MetadataItem label={c('page.closes')}>{consultation.closes}</MetadataItem>
          </dl>
        </section>

        {bodyHtml ? <div className="guth-body" lang={language === 'en' ? undefined : 'en'} dangerouslySetInnerHTML={{ __html: bodyHtml }} /> : null}

        {documents.length ? (
          <section aria-labelledby="documents">
            <h2 id="documents">{c('page.documents.heading')}</h2>
            <ul>
              {documents.map((document) => (
                <li key={document.id}>
                  <a href={`/documents/${document.id}`}>{document.title}</a> ({c(`documentKind.${document.kind}`)}, {document.fileName})
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <section aria-labelledby="contact">
          <h2 id="contact">{c('page.contact.heading')}</h2>
          <dl className="ds_metadata">
            <MetadataItem label={c('page.contact.team')}>{consultation.team}</MetadataItem>
            <MetadataItem label={c('page.contact.email')}>{consultation.contactEmail}</MetadataItem>
            {consultation.postalAddress.length ? (
              <MetadataItem label={c('page.contact.address')}>{consultation.postalAddress.join(', ')}</MetadataItem>
            ) : null}
          </dl>
        </section>

        <section aria-labelledby="questions">
          <h2 id="questions">{t('preview.questions', { lng: language })}</h2>
          {numbered.length === 0 ? <p>{t('overview.questions.empty', { lng: language })}</p> : null}
          {numbered.map((question, index) => {
            const section = translate(question.section, language)
            const previous = index > 0 ? translate(numbered[index - 1]!.section, language) : ''
            return (
              <div key={question.id}>
                {section && section !== previous ? <h3>{section}</h3> : null}
                <p className="ds_content-label">{t('preview.questionNumber', { number: index + 1, total: numbered.length, lng: language })}</p>
                <QuestionPreview
                  question={question}
                  followUp={questions.find((q) => q.followUpOf === question.id) ?? null}
                  language={language}
                  mode="preview"
                />
              </div>
            )
          })}
        </section>
      </div>
    </div>
  )
}
