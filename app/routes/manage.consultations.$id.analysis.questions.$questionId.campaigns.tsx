import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { analysisLinks } from '~/components/AnalysisCharts'
import { AnalysisRunStatus, runIsActive } from '~/components/AnalysisRun'
import { Page } from '~/components/ds/Page'
import { LocalWords } from '~/components/EnglishOnlyNotice'
import { Button, NotificationBanner } from '~/components/ds/forms'
import { CsrfInput } from '~/components/FormSecurity'
import { requireUser } from '~/modules/accounts/index.server'
import { type DiffPart, NEAR_COPY_SIMILARITY } from '~/modules/analysis'
import { SHOWN_GROUPS, findCampaigns, readCampaignsPage } from '~/modules/analysis/index.server'
import { assertCsrf } from '~/platform/csrf.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { routeMeta } from '~/platform/meta'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { t, serviceName, language } = await translatorFor(request, 'analysis')
  const page = await readCampaignsPage(user, params.id ?? '', params.questionId ?? '', language)
  if (!page) throw new Response('Not found', { status: 404 })
  const asked = new URL(request.url).searchParams.get('asked')
  const { groups, ...rest } = page
  return {
    title: t('campaigns.title', { number: page.question.number }),
    serviceName,
    ...rest,
    groups: groups.slice(0, SHOWN_GROUPS),
    total: groups.length,
    asked: asked === 'queued' || asked === 'already' ? asked : null,
  }
}

export const links = analysisLinks

export const meta: MetaFunction<typeof loader> = (args) => routeMeta(args)

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  const asked = await findCampaigns(await requireUser(request), params.id ?? '', params.questionId ?? '')
  if (asked === null) throw new Response('Not found', { status: 404 })
  return redirect(`/manage/consultations/${params.id}/analysis/questions/${params.questionId}/campaigns?asked=${asked}`, 303)
}

export const handle = { i18n: ['analysis'] }

export default function Campaigns() {
  const { consultation, question, groups, total, asked, run } = useLoaderData<typeof loader>()
  const { t } = useTranslation('analysis')
  return (
    <Page title={t('campaigns.title', { number: question.number })} lead={<LocalWords text={question.prompt} lang={question.promptLang} />}>
      <p>
        <Link to={`/manage/consultations/${consultation.id}/analysis/questions/${question.id}`}>{t('backToQuestion')}</Link>
      </p>
      {/* "Started" stops being news once the run below has finished. */}
      {asked && runIsActive(run) ? <NotificationBanner title={t(`run.${asked}`)} /> : null}
      <p>{t('campaigns.lead')}</p>
      <p>{t('campaigns.ranking', { percent: Math.round(NEAR_COPY_SIMILARITY * 100) })}</p>
      <AnalysisRunStatus kind="campaigns" run={run} href={`/manage/consultations/${consultation.id}/analysis/questions/${question.id}/campaigns`} />
      {runIsActive(run) ? null : (
        <Form method="post" noValidate>
          <CsrfInput />
          <Button type="submit">{t('campaigns.detect')}</Button>
        </Form>
      )}
      {groups.length === 0 ? <p>{t('campaigns.none')}</p> : null}
      {total > groups.length ? <p>{t('campaigns.shown', { shown: groups.length, total })}</p> : null}
      {groups.map((group, i) => (
        <section key={group.id} aria-labelledby={`campaign-${group.id}`}>
          <h2 id={`campaign-${group.id}`}>{t('campaigns.group', { number: i + 1 })}</h2>
          <p>{t('campaigns.counts', { exact: group.exact, near: group.near, n: group.size })}</p>
          <h3>{t('campaigns.standardText')}</h3>
          <blockquote className="guth-analysis-quote">{group.text}</blockquote>
          {group.variants.length ? (
            <>
              <h3>{t('campaigns.nearCopies')}</h3>
              <p>{t('campaigns.diffKey')}</p>
              <ul className="ds_no-bullets">
                {group.variants.map((variant, v) => (
                  <li key={v}>
                    <p>{t('campaigns.wording', { count: variant.n })}</p>
                    <blockquote className="guth-analysis-quote">
                      <NearCopy parts={variant.parts} />
                    </blockquote>
                  </li>
                ))}
              </ul>
              {group.moreWordings ? <p>{t('campaigns.moreWordings', { count: group.moreWordings })}</p> : null}
            </>
          ) : null}
        </section>
      ))}
    </Page>
  )
}

/** A near-copy with its changes marked by strike-through and underline, and named for screen readers. */
function NearCopy({ parts }: { parts: DiffPart[] }) {
  const { t } = useTranslation('analysis')
  const shown = parts.map((part, i) => {
    const space = i ? ' ' : ''
    if (part.change === 'same') return `${space}${part.text}`
    const Tag = part.change === 'removed' ? 'del' : 'ins'
    return (
      <span key={i}>
        {space}
        <Tag>
          <span className="visually-hidden">{t(`campaigns.${part.change}`)} </span>
          {part.text}
        </Tag>
      </span>
    )
  })
  return <>{shown}</>
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary part="analysis" back={({ id }) => (id ? { to: `/manage/consultations/${id}/analysis`, label: 'analysis' } : undefined)} />
}
