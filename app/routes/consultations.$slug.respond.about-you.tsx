import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { Page } from '~/components/ds/Page'
import { Button, ChoiceGroup, ErrorSummary, TextInput } from '~/components/ds/forms'
import { CsrfInput } from '~/components/FormSecurity'
import { useGuthForm } from '~/components/forms'
import { NotOpen } from '~/components/RespondNotices'
import { AboutYouSchema, respondentInfoFrom, respondPath } from '~/modules/consultations'
import { loadRespondContext, consultationHeader, saveRespondentInfo } from '~/modules/consultations/index.server'
import { assertCsrf } from '~/platform/csrf.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

const yesNo = (value: boolean | null) => (value === null ? undefined : value ? 'yes' : 'no')

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { language, t, serviceName } = await translatorFor(request, 'respond')
  const { consultation, status, draft } = await loadRespondContext(request, params.slug!, { requireDraft: true })
  return {
    ...consultationHeader(consultation, status, language),
    title: t('aboutYou.title'),
    serviceName,
    back: respondPath(params.slug!),
    saved: draft
      ? {
          respondentType: draft.respondentType ?? undefined,
          name: draft.name ?? undefined,
          organisationName: draft.organisationName ?? undefined,
          email: draft.email ?? undefined,
          publishConsent: draft.publishConsent ?? undefined,
          contactConsent: yesNo(draft.contactConsent),
          isBslUser: draft.isBslUser === null ? (draft.respondentType ? 'prefer_not' : undefined) : yesNo(draft.isBslUser),
        }
      : {},
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  const { status, draft } = await loadRespondContext(request, params.slug!, { requireDraft: true })
  if (status !== 'open' || !draft) return redirect(respondPath(params.slug!), 303)
  const submission = parseWithZod(form, { schema: AboutYouSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  await saveRespondentInfo(draft, respondentInfoFrom(submission.value))
  const next = form.get('intent') === 'later' ? 'save' : 'questions/1'
  return redirect(respondPath(params.slug!, next), 303)
}

export const handle = { i18n: ['respond'] }

export default function AboutYou() {
  const loaderData = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('respond')
  const [form, fields] = useGuthForm(AboutYouSchema, actionData?.result)
  if (loaderData.status !== 'open') return <NotOpen status={loaderData.status} date={loaderData.closes} title={loaderData.consultationTitle} />
  const saved = loaderData.saved
  const value = (name: keyof typeof saved) => (fields[name].initialValue as string | undefined) ?? saved[name]
  const order = ['respondentType', 'name', 'organisationName', 'email', 'publishConsent', 'contactConsent', 'isBslUser'] as const
  const errors = order
    .filter((name) => fields[name].errors?.length)
    .map((name) => ({ fieldId: name, message: fields[name].errors![0]! }))
  const yesNoChoices = [
    { value: 'yes', label: t('aboutYou.yes') },
    { value: 'no', label: t('aboutYou.no') },
  ]
  return (
    <Page title={t('aboutYou.title')} lead={t('aboutYou.lead')} back={loaderData.back}>
      <ErrorSummary errors={errors} />
      <Form method="post" {...getFormProps(form)} noValidate>
        <CsrfInput />
        <ChoiceGroup
          type="radio"
          name="respondentType"
          legend={t('aboutYou.typeLegend')}
          error={fields.respondentType.errors?.[0]}
          defaultValue={value('respondentType')}
          choices={[
            { value: 'individual', label: t('aboutYou.individual') },
            { value: 'organisation', label: t('aboutYou.organisation') },
          ]}
        />
        <TextInput id="name" name="name" label={t('aboutYou.name')} hint={t('aboutYou.nameHint')} error={fields.name.errors?.[0]} defaultValue={value('name')} autoComplete="name" width="fluid-two-thirds" />
        <TextInput id="organisationName" name="organisationName" label={t('aboutYou.organisationName')} error={fields.organisationName.errors?.[0]} defaultValue={value('organisationName')} autoComplete="organization" width="fluid-two-thirds" />
        <TextInput id="email" name="email" type="email" label={t('aboutYou.email')} hint={t('aboutYou.emailHint')} error={fields.email.errors?.[0]} defaultValue={value('email')} autoComplete="email" spellCheck={false} width="fluid-two-thirds" />
        <ChoiceGroup
          type="radio"
          name="publishConsent"
          legend={t('aboutYou.consentLegend')}
          hint={t('aboutYou.consentHint')}
          error={fields.publishConsent.errors?.[0]}
          defaultValue={value('publishConsent')}
          choices={[
            { value: 'with_name', label: t('aboutYou.withName') },
            { value: 'anonymous', label: t('aboutYou.anonymous') },
            { value: 'not_published', label: t('aboutYou.notPublished'), hint: t('aboutYou.notPublishedHint') },
          ]}
        />
        <ChoiceGroup type="radio" name="contactConsent" legend={t('aboutYou.contactLegend')} hint={t('aboutYou.contactHint')} error={fields.contactConsent.errors?.[0]} defaultValue={value('contactConsent')} choices={yesNoChoices} />
        <ChoiceGroup
          type="radio"
          name="isBslUser"
          legend={t('aboutYou.bslLegend')}
          hint={t('aboutYou.bslHint')}
          defaultValue={value('isBslUser')}
          choices={[...yesNoChoices, { value: 'prefer_not', label: t('aboutYou.preferNotToSay') }]}
        />
        <div className="ds_button-group">
          <Button type="submit" name="intent" value="continue">
            {t('buttons.saveContinue')}
          </Button>
          <Button type="submit" name="intent" value="later" variant="secondary">
            {t('buttons.saveLater')}
          </Button>
        </div>
      </Form>
    </Page>
  )
}
