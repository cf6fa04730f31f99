import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  MaxPartSizeExceededError,
  type MetaFunction,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { Page } from '~/components/ds/Page'
import { Button, ChoiceGroup, ErrorSummary, NotificationBanner, TextInput } from '~/components/ds/forms'
import { CsrfInput } from '~/components/FormSecurity'
import { summaryErrors, useGuthForm } from '~/components/forms'
import { requireUser } from '~/modules/accounts/index.server'
import { addDocument, assertCanManage, removeDocument, getConsultationById, listDocuments } from '~/modules/consultations/index.server'
import { documentKinds, DocumentSchema, MAX_DOCUMENT_BYTES, translate } from '~/modules/consultations'
import { isUuid } from '~/kernel/ids'
import { assertCsrf } from '~/platform/csrf.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'
import type { BodyRule } from '~/platform/request-gate.server'

// A little over the largest document, so a file just too big gets the form's own message.
export const handle = { i18n: ['manage', 'respond'], body: { multipart: true, maxBytes: MAX_DOCUMENT_BYTES + 1024 * 1024 } satisfies BodyRule }

const notFound = () => new Response('Not found', { status: 404 })
const FILE_FIELD = 'file'

async function findConsultation(id: string | undefined) {
  const consultation = isUuid(id) ? await getConsultationById(id) : null
  if (!consultation) throw notFound()
  return consultation
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  assertCanManage(await requireUser(request))
  const consultation = await findConsultation(params.id)
  const { t, serviceName, language } = await translatorFor(request, 'manage')
  const documents = await listDocuments(consultation.id)
  const done = ['documentAdded', 'documentRemoved'].find((key) => key === new URL(request.url).searchParams.get('done')) ?? null
  return {
    title: t('documents.title'),
    serviceName,
    done,
    consultation: { id: consultation.id, title: translate(consultation.title, language) },
    documents: documents.map((document) => ({
      id: document.id,
      title: translate(document.title, language),
      kind: document.kind,
      fileName: document.fileName,
      size: document.bytes < 1024 * 1024 ? `${Math.max(1, Math.round(document.bytes / 1024))} KB` : `${(document.bytes / (1024 * 1024)).toFixed(1)} MB`,
    })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

/**
 * The posted form: a multipart upload (each part held in memory, 20 MB at most) or a plain form.
 * An upload that is too big or broken is a message for the page, never a server error.
 */
async function readForm(request: Request): Promise<{ ok: true; form: FormData } | { ok: false; error: string }> {
  if (!request.headers.get('content-type')?.startsWith('multipart/form-data')) return { ok: true, form: await request.formData() }
  // Refuse what is plainly too big before reading any of it.
  if (Number(request.headers.get('content-length') ?? 0) > MAX_DOCUMENT_BYTES + 64 * 1024) return { ok: false, error: 'manage:errors.fileTooLarge' }
  try {
    return { ok: true, form: await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_DOCUMENT_BYTES })) }
  } catch (error) {
    return { ok: false, error: error instanceof MaxPartSizeExceededError ? 'manage:errors.fileTooLarge' : 'manage:errors.uploadBroken' }
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Only officials may make the server hold an upload in memory: check who it is before reading.
  const official = await requireUser(request)
  assertCanManage(official)
  const consultation = await findConsultation(params.id)
  const read = await readForm(request)
  if (!read.ok) return data({ result: null, fileError: read.error }, { status: 400 })
  const { form } = read
  assertCsrf(request, form)
  if (form.get('intent') === 'remove') {
    const outcome = await removeDocument(official, consultation.id, String(form.get('documentId') ?? ''))
    if (!outcome.ok) throw notFound()
    return redirect(`/manage/consultations/${consultation.id}/documents?done=documentRemoved`, 303)
  }
  const submission = parseWithZod(form, { schema: DocumentSchema })
  const file = form.get(FILE_FIELD)
  if (submission.status !== 'success') return data({ result: submission.reply(), fileError: null }, { status: 400 })
  const outcome = await addDocument(official, consultation.id, file instanceof File ? file : null, submission.value)
  if (!outcome.ok) {
    if (outcome.reason === 'not_found') throw notFound()
    if (outcome.reason === 'invalid') return data({ result: submission.reply({ fieldErrors: outcome.fieldErrors }), fileError: null }, { status: 400 })
    const fileError = { file_missing: 'manage:errors.fileMissing', file_too_large: 'manage:errors.fileTooLarge', file_type: 'manage:errors.fileType' }[outcome.reason]
    return data({ result: submission.reply(), fileError }, { status: 400 })
  }
  return redirect(`/manage/consultations/${consultation.id}/documents?done=documentAdded`, 303)
}

export default function ConsultationDocuments() {
  const { consultation, documents, done } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('manage')
  const [form, fields] = useGuthForm(DocumentSchema, actionData?.result)
  const fileError = actionData?.fileError ?? undefined
  const errors = summaryErrors([{ ...fields.kind, id: fields.kind.name }, fields.titleEn, fields.titleGd])
  if (fileError) errors.unshift({ fieldId: FILE_FIELD, message: t(fileError) })
  const text = (field: typeof fields.titleEn) => ({
    id: field.id,
    name: field.name,
    defaultValue: field.initialValue as string | undefined,
    error: field.errors?.[0],
  })
  return (
    <Page title={t('documents.title')} lead={consultation.title}>
      <p>
        <Link to={`/manage/consultations/${consultation.id}`}>{t('nav.backToConsultation')}</Link>
      </p>
      {done ? <NotificationBanner title={t(`done.${done}`)} /> : null}
      <ErrorSummary errors={errors} />
      {documents.length === 0 ? (
        <p>{t('documents.empty')}</p>
      ) : (
        <table className="ds_table">
          <caption className="ds_table__caption">{t('documents.caption', { total: documents.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('documents.columns.title')}</th>
              <th scope="col">{t('documents.columns.kind')}</th>
              <th scope="col">{t('documents.columns.file')}</th>
              <th scope="col">{t('documents.columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((document) => (
              <tr key={document.id}>
                <th scope="row">
                  <a href={`/documents/${document.id}`}>{document.title}</a>
                </th>
                <td>{t(`documentKinds.${document.kind}`)}</td>
                <td>
                  {document.fileName} ({document.size})
                </td>
                <td>
                  <Form method="post">
                    <CsrfInput />
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="documentId" value={document.id} />
                    <button type="submit" className="guth-link-button">
                      {t('documents.remove')}
                      <span className="visually-hidden">: {document.title}</span>
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 id="upload">{t('documents.uploadHeading')}</h2>
      <p>{t('documents.uploadExplain')}</p>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} aria-labelledby="upload">
        <CsrfInput />
        <div className={fileError ? 'ds_question ds_question--error' : 'ds_question'}>
          <label className="ds_label" htmlFor={FILE_FIELD}>
            {t('documents.file')}
          </label>
          <p className="ds_hint-text" id={`${FILE_FIELD}-hint`}>
            {t('documents.fileHint')}
          </p>
          {fileError ? (
            <p className="ds_question__error-message" id={`${FILE_FIELD}-error`}>
              {t(fileError)}
            </p>
          ) : null}
          <div className="ds_file-upload">
          <input
            id={FILE_FIELD}
            name={FILE_FIELD}
            type="file"
            className={fileError ? 'ds_file-upload__input ds_file-upload__input--error' : 'ds_file-upload__input'}
            accept=".pdf,.docx,.odt,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text,text/plain"
            aria-describedby={[`${FILE_FIELD}-hint`, fileError ? `${FILE_FIELD}-error` : null].filter(Boolean).join(' ')}
            aria-invalid={fileError ? true : undefined}
          />
          </div>
        </div>
        <ChoiceGroup
          type="radio"
          name={fields.kind.name}
          legend={t('documents.kind')}
          error={fields.kind.errors?.[0]}
          defaultValue={(fields.kind.initialValue as string | undefined) ?? 'consultation_paper'}
          choices={documentKinds.map((kind) => ({ value: kind, label: t(`documentKinds.${kind}`) }))}
          small
        />
        <TextInput {...text(fields.titleEn)} key={fields.titleEn.key} label={t('documents.titleEn')} width="fluid-two-thirds" />
        <TextInput {...text(fields.titleGd)} key={fields.titleGd.key} label={t('documents.titleGd')} hint={t('details.optional')} lang="gd" width="fluid-two-thirds" />
        <Button type="submit">{t('documents.uploadSubmit')}</Button>
      </Form>
    </Page>
  )
}
