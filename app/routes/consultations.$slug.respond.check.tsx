import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { Page } from '~/components/ds/Page'
import { Button, ErrorSummary } from '~/components/ds/forms'
import { CsrfInput } from '~/components/FormSecurity'
import { NotOpen } from '~/components/RespondNotices'
import { answerText, respondPath } from '~/modules/consultations'
import { inLanguage } from '~/components/ConsultationCard'
import { LocalWords } from '~/components/EnglishOnlyNotice'
import { draftAnswers, loadRespondContext, consultationHeader, findSubmittedById, forgetDraftCookie, missingParts, sendResponse } from '~/modules/consultations/index.server'
import { bslForRespondPage, videoLines } from '~/modules/media/index.server'
import { assertCsrf } from '~/platform/csrf.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { language, t, serviceName } = await translatorFor(request, 'respond')
  const { consultation, status, draft, steps, questions } = await loadRespondContext(request, params.slug!, { requireDraft: true })
  const given = await draftAnswers(draft)
  const bsl = await bslForRespondPage(request, consultation.id, draft?.id ?? null)
  const numberOf = (id: string) => String(steps.find((s) => [s.question, ...s.followUps].some((q) => q.id === id))?.number ?? '')
  const consent = draft?.publishConsent
  return {
    ...consultationHeader(consultation, status, language),
    title: t('check.title'),
    serviceName,
    back: respondPath(params.slug!, steps.length ? `questions/${steps.length}` : 'about-you'),
    responseId: draft?.id ?? '',
    missing: draft ? missingParts(draft, questions, given, { wholeVideo: Boolean(bsl.whole) }) : [],
    videos: videoLines(bsl.videos, numberOf, t),
    aboutYou: draft
      ? [
          { key: t('check.respondentType'), value: draft.respondentType ? t(`aboutYou.${draft.respondentType}`) : null },
          { key: t('aboutYou.name'), value: draft.name },
          ...(draft.respondentType === 'organisation' ? [{ key: t('aboutYou.organisationName'), value: draft.organisationName }] : []),
          { key: t('aboutYou.email'), value: draft.email },
          { key: t('check.consent'), value: consent ? t(`aboutYou.${consent === 'with_name' ? 'withName' : consent === 'anonymous' ? 'anonymous' : 'notPublished'}`) : null },
          { key: t('check.contact'), value: draft.contactConsent === null ? null : t(draft.contactConsent ? 'aboutYou.yes' : 'aboutYou.no') },
          { key: t('check.bsl'), value: draft.isBslUser === null ? null : t(draft.isBslUser ? 'aboutYou.yes' : 'aboutYou.no') },
        ]
      : [],
    answers: steps.flatMap((step) =>
      [step.question, ...step.followUps].map((question) => ({
        id: question.id,
        step: step.number,
        prompt: inLanguage(question.prompt, language),
        answer: answerText(question, given.get(question.id), language) ?? (given.get(question.id)?.mediaId ? t('bsl:check.answeredInBsl') : null),
      })),
    ),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  const { consultation, draft, questions, steps } = await loadRespondContext(request, params.slug!)
  const done = (reference: string) => respondPath(params.slug!, `done?ref=${encodeURIComponent(reference)}`)
  if (!draft) {
    // A second click, or a retried request, after the response went: show the same confirmation.
    const sent = await findSubmittedById(consultation.id, String(form.get('responseId') ?? ''))
    return redirect(sent ? done(sent.reference) : respondPath(params.slug!), 303)
  }
  const bsl = await bslForRespondPage(request, consultation.id, draft.id)
  const numberOf = (id: string) => String(steps.find((s) => [s.question, ...s.followUps].some((q) => q.id === id))?.number ?? '')
  const result = await sendResponse(consultation, draft, questions, {
    wholeVideo: Boolean(bsl.whole),
    videoLines: (t) => videoLines(bsl.videos, numberOf, t).map((line) => line.text),
  })
  if (!result.ok) return data({ reason: result.reason }, { status: result.reason === 'closed' ? 409 : 400 })
  return redirect(done(result.reference), { status: 303, headers: { 'Set-Cookie': await forgetDraftCookie(request, consultation.id) } })
}

export const handle = { i18n: ['bsl', 'consultations', 'respond'] }

export default function CheckAnswers() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('respond')
  if (data.status !== 'open' || actionData?.reason === 'closed') {
    return actionData?.reason === 'closed' ? (
      <Page title={t('closed.title')}>
        <p>{t('closed.notSent', { date: data.closes })}</p>
      </Page>
    ) : (
      <NotOpen status={data.status} date={data.closes} title={data.consultationTitle} />
    )
  }
  const missing = new Set(data.missing)
  const errors = data.missing.length && actionData?.reason === 'incomplete' ? [{ fieldId: data.missing[0] === 'about-you' ? 'about-you' : `answer-${data.missing[0]}`, message: t('check.incomplete') }] : []
  return (
    <Page title={t('check.title')} lead={data.consultationTitle} back={data.back}>
      <ErrorSummary errors={errors} />
      <h2 id="about-you">{t('check.aboutYou')}</h2>
      <dl className="ds_summary-list">
        {data.aboutYou.map((row, index) => (
          <div className="ds_summary-list__item" key={row.key}>
            <dt className="ds_summary-list__key">{row.key}</dt>
            <dd className="ds_summary-list__value">
              <q className="ds_summary-list__answer">{row.value ?? t('check.notGiven')}</q>
            </dd>
            {index === 0 ? (
              <dd className="ds_summary-list__actions">
                <Link to={respondPath(data.slug, 'about-you')}>
                  {t('check.change')}
                  <span className="visually-hidden"> {t('check.aboutYou')}</span>
                </Link>
              </dd>
            ) : null}
          </div>
        ))}
      </dl>
      <h2>{t('check.answers')}</h2>
      <dl className="ds_summary-list">
        {data.answers.map((row) => (
          <div className="ds_summary-list__item" key={row.id} id={`answer-${row.id}`}>
            <dt className="ds_summary-list__key">
              <LocalWords text={row.prompt.text} lang={row.prompt.lang} />
              {missing.has(row.id) ? <strong className="ds_tag ds_tag--red"> {t('question.required')}</strong> : null}
            </dt>
            <dd className="ds_summary-list__value">
              <q className="ds_summary-list__answer guth-preserve-lines">{row.answer ?? t('check.notAnswered')}</q>
            </dd>
            <dd className="ds_summary-list__actions">
              <Link to={respondPath(data.slug, `questions/${row.step}`)}>
                {t('check.change')}
                <span className="visually-hidden" lang={row.prompt.lang}> {row.prompt.text}</span>
              </Link>
            </dd>
          </div>
        ))}
      </dl>
      {data.videos.length ? (
        <>
          <h2 id="bsl">{t('bsl:check.videosHeading')}</h2>
          <ul className="guth-bsl-videos">
            {data.videos.map((video) => (
              <li key={video.id}>{video.text}</li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t('check.sendHeading')}</h2>
      <p>{t('check.sendBody')}</p>
      <Form method="post">
        <CsrfInput />
        <input type="hidden" name="responseId" value={data.responseId} />
        <Button type="submit">{t('buttons.send')}</Button>
      </Form>
    </Page>
  )
}
