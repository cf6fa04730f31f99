import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Fragment, type ReactNode } from 'react'
import { useTranslation } from '~/platform/i18n/react'
import { z } from 'zod'
import { Page } from '~/components/ds/Page'
import { Button, ErrorSummary, NotificationBanner, TextArea } from '~/components/ds/forms'
import { CsrfInput } from '~/components/FormSecurity'
import { summaryErrors, useGuthForm } from '~/components/forms'
import { requireUser } from '~/modules/accounts/index.server'
import { formatLondon } from '~/kernel/london-time'
import { translate } from '~/modules/consultations'
import { type AnswerView, getResponse, withdrawResponse } from '~/modules/consultations/index.server'
import { deleteVideosOfResponse } from '~/modules/media/index.server'
import { assertCsrf } from '~/platform/csrf.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { deliveriesAbout } from '~/platform/mail.server'
import { pageMeta } from '~/platform/meta'

const WithdrawSchema = z.object({
  reason: z
    .string({ required_error: 'responses:errors.reasonMissing' })
    .trim()
    .min(1, 'responses:errors.reasonMissing')
    .max(1000, 'responses:errors.reasonTooLong'),
})

const notFound = () => new Response('Not found', { status: 404 })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { t, serviceName, language } = await translatorFor(request, 'responses')
  const found = await getResponse(user, params.id ?? '', params.responseId ?? '', language)
  if (!found) throw notFound()
  const { response } = found
  const when = (date: Date | null) => (date ? formatLondon(date, language) : null)
  // Whether the receipt went, for someone asking after theirs: its status and the server's reply, never the body.
  const receipt = (await deliveriesAbout('response', response.id)).find((d) => d.category === 'receipt')
  return {
    receipt: receipt ? { status: receipt.status, reply: receipt.reply, at: when(receipt.sentAt ?? receipt.queuedAt) } : null,
    title: t('detail.title', { reference: response.reference }),
    serviceName,
    consultation: { id: found.consultation.id, title: translate(found.consultation.title, language) },
    response: { ...response, submittedAt: when(response.submittedAt), withdrawnAt: when(response.withdrawnAt) },
    showPersonalData: found.showPersonalData,
    questions: found.questions,
    done: (['withdrawn', 'entered'] as const).find((d) => d === new URL(request.url).searchParams.get('done')) ?? null,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  const user = await requireUser(request)
  const submission = parseWithZod(form, { schema: WithdrawSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const outcome = await withdrawResponse(user, params.id ?? '', params.responseId ?? '', submission.value.reason)
  if (!outcome.ok) {
    if (outcome.reason === 'not_found') throw notFound()
    return data({ result: submission.reply({ formErrors: ['responses:errors.alreadyWithdrawn'] }) }, { status: 400 })
  }
  // A BSL video shows the person's face: it goes when the response is withdrawn (the interpretation stays).
  await deleteVideosOfResponse(params.responseId ?? '')
  return redirect(`/manage/consultations/${params.id}/responses/${params.responseId}?done=withdrawn`, 303)
}

/** Text as the respondent wrote it: paragraphs and line breaks kept (no inline styles under our CSP). */
function WrittenText({ text }: { text: string }) {
  return text.split(/\n{2,}/).map((paragraph, i) => (
    <p key={i}>
      {paragraph.split('\n').map((line, j) => (
        <Fragment key={j}>
          {j > 0 ? <br /> : null}
          {line}
        </Fragment>
      ))}
    </p>
  ))
}


function AnswerText({ answer }: { answer: AnswerView | null }) {
  const { t } = useTranslation('responses')
  if (!answer) return <p className="ds_hint-text">{t('detail.notAnswered')}</p>
  return (
    <>
      {answer.choices.length === 1 ? <p>{answer.choices[0]}</p> : null}
      {answer.choices.length > 1 ? (
        <ul>
          {answer.choices.map((choice) => (
            <li key={choice}>{choice}</li>
          ))}
        </ul>
      ) : null}
      {answer.text ? <WrittenText text={answer.text} /> : null}
      {answer.hasVideo ? <p>{t('detail.bslVideo')}</p> : null}
      {answer.interpretation ? (
        <>
          <p>
            <strong>{t('detail.interpretation')}</strong>
          </p>
          <WrittenText text={answer.interpretation} />
        </>
      ) : null}
    </>
  )
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="ds_summary-list__item">
      <dt className="ds_summary-list__key">{label}</dt>
      <dd className="ds_summary-list__value">{children}</dd>
    </div>
  )
}

export const handle = { i18n: ['responses'] }

export default function ResponseDetail() {
  const { consultation, response, showPersonalData, questions, done, receipt } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('responses')
  const [form, fields] = useGuthForm(WithdrawSchema, actionData?.result)
  const yesNo = (value: boolean | null) => (value === null ? t('notGiven') : t(value ? 'yes' : 'no'))
  const given = (value: string | null) => value || t('notGiven')
  const formError = form.errors?.[0]
  return (
    <Page title={t('detail.title', { reference: response.reference })} lead={consultation.title}>
      <p>
        <Link to={`/manage/consultations/${consultation.id}/responses`}>{t('detail.backToList')}</Link>
      </p>
      {done ? <NotificationBanner title={t(`done.${done}`, { reference: response.reference })} /> : null}
      <ErrorSummary errors={[...(formError ? [{ fieldId: 'withdraw', message: formError }] : []), ...summaryErrors([fields.reason])]} />

      <dl className="ds_summary-list">
        <Row label={t('detail.status')}>
          {response.status === 'withdrawn' ? <strong className="ds_tag ds_tag--grey">{t('status.withdrawn')}</strong> : t('status.submitted')}
        </Row>
        <Row label={t('detail.submittedAt')}>{given(response.submittedAt)}</Row>
        <Row label={t('detail.receipt')}>
          {receipt ? t(`receipt.${receipt.status}`, { at: receipt.at }) : t('receipt.none')}
          {receipt?.reply && receipt.status !== 'sent' ? <p className="ds_hint-text">{t('receipt.reply', { reply: receipt.reply })}</p> : null}
        </Row>
        {response.status === 'withdrawn' ? (
          <>
            <Row label={t('detail.withdrawnAt')}>{given(response.withdrawnAt)}</Row>
            <Row label={t('detail.withdrawnReason')}>{given(response.withdrawnReason)}</Row>
          </>
        ) : null}
      </dl>

      <h2>{t('detail.respondentHeading')}</h2>
      <dl className="ds_summary-list">
        <Row label={t('fields.respondentType')}>{response.respondentType ? t(`respondentType.${response.respondentType}`) : t('notGiven')}</Row>
        {showPersonalData ? (
          <>
            <Row label={t('fields.name')}>{given(response.name)}</Row>
            <Row label={t('fields.organisationName')}>{given(response.organisationName)}</Row>
            <Row label={t('fields.email')}>{given(response.email)}</Row>
          </>
        ) : null}
        <Row label={t('fields.publishConsent')}>{response.publishConsent ? t(`consent.${response.publishConsent}`) : t('notGiven')}</Row>
        <Row label={t('fields.contactConsent')}>{yesNo(response.contactConsent)}</Row>
        <Row label={t('fields.isBslUser')}>{yesNo(response.isBslUser)}</Row>
        <Row label={t('fields.channel')}>{t(`channel.${response.channel}`)}</Row>
        {response.enteredBy ? <Row label={t('detail.enteredBy')}>{response.enteredBy}</Row> : null}
      </dl>

      <h2>{t('detail.answersHeading')}</h2>
      {questions.length === 0 ? <p>{t('detail.noQuestions')}</p> : null}
      {questions.map((question) => (
        <section key={question.id} aria-labelledby={`q-${question.id}`}>
          <h3 id={`q-${question.id}`}>{t('detail.question', { number: question.number, prompt: question.prompt })}</h3>
          <AnswerText answer={question.answer} />
          {question.followUps.map((followUp) => (
            <div key={followUp.id} className="ds_inset-text">
              <div className="ds_inset-text__text">
                <h4>{followUp.prompt}</h4>
                <AnswerText answer={followUp.answer} />
              </div>
            </div>
          ))}
        </section>
      ))}

      {response.status === 'submitted' ? (
        <>
          <h2 id="withdraw">{t('withdraw.heading')}</h2>
          <p>{t('withdraw.lead')}</p>
          <Form method="post" {...getFormProps(form)} aria-labelledby="withdraw">
            <CsrfInput />
            <TextArea
              id={fields.reason.id}
              name={fields.reason.name}
              key={fields.reason.key}
              defaultValue={fields.reason.initialValue as string | undefined}
              error={fields.reason.errors?.[0]}
              label={t('withdraw.reason')}
              hint={t('withdraw.reasonHint')}
              rows={3}
            />
            <Button type="submit" variant="secondary">
              {t('withdraw.submit')}
            </Button>
          </Form>
        </>
      ) : null}
    </Page>
  )
}
