import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { DetailsFields, detailsErrors } from '~/components/AuthoringForms'
import { StatusTag } from '~/components/ConsultationCard'
import { Page } from '~/components/ds/Page'
import { Button, ErrorSummary, NotificationBanner } from '~/components/ds/forms'
import { MetadataItem } from '~/components/ds/Metadata'
import { CsrfInput } from '~/components/FormSecurity'
import { summaryErrors, useGuthForm } from '~/components/forms'
import { requireUser } from '~/modules/accounts/index.server'
import type { BodyDoc } from '~/kernel/rich-text'
import { assertCanManage, copyConsultation, moveQuestion, publishConsultation, readConsultationBody, reinstateConsultation, retractConsultation, updateConsultation, getConsultationById, listDocuments, listQuestions } from '~/modules/consultations/index.server'
import { ConsultationDetailsSchema, isFollowUpParentKind, OverviewActionSchema, ukDate, statusOf, translate } from '~/modules/consultations'
import { isUuid } from '~/kernel/ids'
import { formatLondon, londonParts } from '~/kernel/london-time'
import { assertCsrf } from '~/platform/csrf.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'
import type { Notice } from '~/platform/notice'

const doneKeys = [
  'created',
  'updated',
  'published',
  'retracted',
  'reinstated',
  'copied',
  'questionAdded',
  'questionUpdated',
  'questionDeleted',
  'questionMoved',
] as const

async function findConsultation(id: string | undefined) {
  const consultation = isUuid(id) ? await getConsultationById(id) : null
  if (!consultation) throw new Response('Not found', { status: 404 })
  return consultation
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  assertCanManage(await requireUser(request))
  const consultation = await findConsultation(params.id)
  const { serviceName, language } = await translatorFor(request, 'manage')
  const [questions, documents] = await Promise.all([listQuestions(consultation.id), listDocuments(consultation.id)])
  const opens = londonParts(consultation.opensAt)
  const closes = londonParts(consultation.closesAt)
  const title = translate(consultation.title, language)
  const done = doneKeys.find((key) => key === new URL(request.url).searchParams.get('done')) ?? null
  const numbered = questions.filter((q) => !q.followUpOf)
  return {
    title,
    serviceName,
    consultation: {
      id: consultation.id,
      slug: consultation.slug,
      status: statusOf(consultation),
      opens: formatLondon(consultation.opensAt, language),
      closes: formatLondon(consultation.closesAt, language),
      published: Boolean(consultation.publishedAt),
      retracted: Boolean(consultation.retractedAt),
      locked: Boolean(consultation.questionsLockedAt),
    },
    saved: {
      titleEn: consultation.title.en,
      titleGd: consultation.title.gd ?? '',
      summaryEn: consultation.summary.en,
      summaryGd: consultation.summary.gd ?? '',
      slug: consultation.slug,
      team: consultation.team,
      contactEmail: consultation.contactEmail,
      postalAddress: consultation.postalAddress ?? '',
      opensDate: ukDate(opens.date),
      opensTime: opens.time,
      closesDate: ukDate(closes.date),
      closesTime: closes.time,
    },
    savedTopics: consultation.topics,
    body: consultation.body as BodyDoc | null,
    questions: questions.map((question) => {
      const parent = question.followUpOf ? questions.find((q) => q.id === question.followUpOf) : null
      return {
        id: question.id,
        number: parent ? null : numbered.indexOf(question) + 1,
        followUpOfNumber: parent ? numbered.indexOf(parent) + 1 : null,
        prompt: translate(question.prompt, language),
        section: translate(question.section, language) || null,
        kind: question.kind,
        required: question.required,
        canHaveFollowUp: !parent && isFollowUpParentKind(question.kind) && !questions.some((q) => q.followUpOf === question.id),
        first: !parent && numbered[0]?.id === question.id,
        last: !parent && numbered.at(-1)?.id === question.id,
      }
    }),
    documents: documents.map((document) => ({ id: document.id, title: translate(document.title, language), fileName: document.fileName })),
    done,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

const refusalKey = (reason: string) => `manage:refusals.${reason}`

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  const official = await requireUser(request)
  assertCanManage(official)
  const consultation = await findConsultation(params.id)
  const back = (done: string, hash = '') => redirect(`/manage/consultations/${consultation.id}?done=${done}${hash}`, 303)
  if (form.get('intent') === 'details') {
    const submission = parseWithZod(form, { schema: ConsultationDetailsSchema })
    const body = readConsultationBody(form, consultation.body as BodyDoc | null)
    const keptBody = body.ok ? body.doc : null
    if (submission.status !== 'success' || !body.ok) {
      return data({ result: submission.reply({ fieldErrors: body.ok ? {} : { body: [body.error] } }), body: keptBody, notice: null }, { status: 400 })
    }
    const outcome = await updateConsultation(official, consultation.id, { ...submission.value, body: body.doc })
    if (!outcome.ok) {
      if (outcome.reason === 'not_found') throw new Response('Not found', { status: 404 })
      return data({ result: submission.reply({ fieldErrors: outcome.fieldErrors }), body: keptBody, notice: null }, { status: 400 })
    }
    return back('updated')
  }
  const parsed = OverviewActionSchema.safeParse(Object.fromEntries(form))
  if (!parsed.success) return data({ result: null, body: null, notice: { key: 'manage:refusals.invalid' } as Notice }, { status: 400 })
  const command = parsed.data
  if (command.intent === 'copy') {
    const copy = await copyConsultation(official, consultation.id)
    if (!copy.ok) throw new Response('Not found', { status: 404 })
    return redirect(`/manage/consultations/${copy.id}?done=copied`, 303)
  }
  const outcome =
    command.intent === 'move'
      ? await moveQuestion(official, consultation.id, command.questionId, command.direction)
      : await { publish: publishConsultation, retract: retractConsultation, reinstate: reinstateConsultation }[command.intent](official, consultation.id)
  if (!outcome.ok) return data({ result: null, body: null, notice: { key: refusalKey(outcome.reason) } as Notice }, { status: 400 })
  if (command.intent === 'move') return back('questionMoved', '#questions')
  return back({ publish: 'published', retract: 'retracted', reinstate: 'reinstated' }[command.intent])
}

function IntentButton({ intent, children, variant, extra }: { intent: string; children: string; variant?: 'secondary'; extra?: Record<string, string> }) {
  return (
    <Form method="post">
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(extra ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={variant}>
        {children}
      </Button>
    </Form>
  )
}

function Publishing() {
  const { consultation } = useLoaderData<typeof loader>()
  const { t } = useTranslation('manage')
  return (
    <section aria-labelledby="publishing">
      <h2 id="publishing">{t('overview.publishing.heading')}</h2>
      <dl className="ds_metadata">
        <MetadataItem label={t('overview.publishing.status')}>
          <StatusTag status={consultation.status} />
        </MetadataItem>
        <MetadataItem label={t('overview.publishing.opens')}>{consultation.opens}</MetadataItem>
        <MetadataItem label={t('overview.publishing.closes')}>{consultation.closes}</MetadataItem>
      </dl>
      <p>{t(`overview.publishing.explain.${consultation.status}`)}</p>
      {!consultation.published ? <IntentButton intent="publish">{t('overview.publishing.publish')}</IntentButton> : null}
      {consultation.published && !consultation.retracted ? (
        <IntentButton intent="retract" variant="secondary">
          {t('overview.publishing.retract')}
        </IntentButton>
      ) : null}
      {consultation.retracted ? <IntentButton intent="reinstate">{t('overview.publishing.reinstate')}</IntentButton> : null}
      <ul className="ds_no-bullets">
        <li>
          <Link to={`/manage/consultations/${consultation.id}/preview`}>{t('overview.links.preview')}</Link>
        </li>
        {consultation.published && !consultation.retracted ? (
          <li>
            <Link to={`/consultations/${consultation.slug}`}>{t('overview.links.public')}</Link>
          </li>
        ) : null}
        <li>
          <Link to={`/manage/consultations/${consultation.id}/responses`}>{t('overview.links.responses')}</Link>
        </li>
        <li>
          <Link to={`/manage/consultations/${consultation.id}/analysis`}>{t('analysis:dashboard.title')}</Link>
        </li>
        <li>
          <Link to={`/manage/consultations/${consultation.id}/bsl-answers`}>{t('bsl:interpret.link')}</Link>
        </li>
        <li>
          <Link to={`/manage/consultations/${consultation.id}/bsl`}>{t('bsl:versions.link')}</Link>
        </li>
      </ul>
    </section>
  )
}

function Questions() {
  const { consultation, questions } = useLoaderData<typeof loader>()
  const { t } = useTranslation('manage')
  const base = `/manage/consultations/${consultation.id}/questions`
  return (
    <section aria-labelledby="questions">
      <h2 id="questions">{t('overview.questions.heading')}</h2>
      {consultation.locked ? (
        <div className="ds_warning-text">
          <strong className="ds_warning-text__icon" aria-hidden="true"></strong>
          <div className="ds_warning-text__text">
            <p>{t('overview.questions.locked')}</p>
            <IntentButton intent="copy" variant="secondary">
              {t('overview.copy')}
            </IntentButton>
          </div>
        </div>
      ) : null}
      {questions.length === 0 ? <p>{t('overview.questions.empty')}</p> : null}
      <ol className="ds_no-bullets">
        {questions.map((question) => {
          const label = question.number ? t('overview.questions.number', { number: question.number }) : t('overview.questions.followUpOf', { number: question.followUpOfNumber })
          return (
            <li key={question.id}>
              {question.section ? <p className="ds_content-label">{question.section}</p> : null}
              <h3 className="ds_h4">
                <span className="ds_content-label">{label}</span> {question.prompt}
              </h3>
              <p className="ds_hint-text">
                {t(`kinds.${question.kind}`)} · {question.required ? t('overview.questions.required') : t('overview.questions.optional')}
              </p>
              {consultation.locked ? null : (
                <ul className="ds_no-bullets">
                  <li>
                    <Link to={`${base}/${question.id}`}>
                      {t('overview.questions.edit')}
                      <span className="visually-hidden">: {label}</span>
                    </Link>
                  </li>
                  <li>
                    <Link to={`${base}/${question.id}?confirm=delete`}>
                      {t('overview.questions.delete')}
                      <span className="visually-hidden">: {label}</span>
                    </Link>
                  </li>
                  {question.number && !question.first ? (
                    <li>
                      <MoveButton questionId={question.id} direction="up" label={label} />
                    </li>
                  ) : null}
                  {question.number && !question.last ? (
                    <li>
                      <MoveButton questionId={question.id} direction="down" label={label} />
                    </li>
                  ) : null}
                  {question.canHaveFollowUp ? (
                    <li>
                      <Link to={`${base}/new?followUpOf=${question.id}`}>
                        {t('overview.questions.addFollowUp')}
                        <span className="visually-hidden">: {label}</span>
                      </Link>
                    </li>
                  ) : null}
                </ul>
              )}
            </li>
          )
        })}
      </ol>
      {consultation.locked ? null : (
        <p>
          <Link className="ds_button ds_button--secondary" to={`${base}/new`}>
            {t('overview.questions.add')}
          </Link>
        </p>
      )}
    </section>
  )
}

function MoveButton({ questionId, direction, label }: { questionId: string; direction: 'up' | 'down'; label: string }) {
  const { t } = useTranslation('manage')
  return (
    <Form method="post">
      <CsrfInput />
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="questionId" value={questionId} />
      <input type="hidden" name="direction" value={direction} />
      <button type="submit" className="guth-link-button">
        {t(`overview.questions.${direction}`)}
        <span className="visually-hidden">: {label}</span>
      </button>
    </Form>
  )
}

function Documents() {
  const { consultation, documents } = useLoaderData<typeof loader>()
  const { t } = useTranslation('manage')
  return (
    <section aria-labelledby="documents">
      <h2 id="documents">{t('overview.documents.heading')}</h2>
      {documents.length ? (
        <ul>
          {documents.map((document) => (
            <li key={document.id}>
              <a href={`/documents/${document.id}`}>{document.title}</a> ({document.fileName})
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('overview.documents.empty')}</p>
      )}
      <p>
        <Link to={`/manage/consultations/${consultation.id}/documents`}>{t('overview.documents.manage')}</Link>
      </p>
    </section>
  )
}

export const handle = { i18n: ['analysis', 'bsl', 'consultations', 'events', 'manage', 'respond'] }

export default function ConsultationOverview() {
  const { title, consultation, saved, savedTopics, body, done } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('manage')
  const [form, fields] = useGuthForm(ConsultationDetailsSchema, actionData?.result)
  const errors = summaryErrors(detailsErrors(fields))
  if (actionData?.notice) errors.unshift({ fieldId: 'publishing', message: t(actionData.notice.key) })
  return (
    <Page title={title}>
      <p>
        <Link to="/manage/consultations">{t('nav.backToList')}</Link>
      </p>
      {done ? <NotificationBanner title={t(`done.${done}`)} /> : null}
      <ErrorSummary errors={errors} />
      <Publishing />
      <Questions />
      <Documents />
      <section aria-labelledby="details">
        <h2 id="details">{t('overview.details.heading')}</h2>
        <Form method="post" {...getFormProps(form)} aria-labelledby="details">
          <CsrfInput />
          <input type="hidden" name="intent" value="details" />
          <DetailsFields fields={fields} saved={saved} savedTopics={savedTopics} body={actionData?.body ?? body} lockedSlug={consultation.published ? consultation.slug : null} />
          <Button type="submit">{t('overview.details.save')}</Button>
        </Form>
      </section>
      <section aria-labelledby="copy">
        <h2 id="copy">{t('overview.copyHeading')}</h2>
        <p>{t('overview.copyExplain')}</p>
        <IntentButton intent="copy" variant="secondary">
          {t('overview.copy')}
        </IntentButton>
      </section>
    </Page>
  )
}
