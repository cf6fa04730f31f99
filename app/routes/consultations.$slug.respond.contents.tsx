import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { Page } from '~/components/ds/Page'
import { NotOpen } from '~/components/RespondNotices'
import { inLanguage } from '~/components/ConsultationCard'
import { LocalWords } from '~/components/EnglishOnlyNotice'
import { draftAnswers, loadRespondContext, consultationHeader } from '~/modules/consultations/index.server'
import { respondPath } from '~/modules/consultations'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { language, t, serviceName } = await translatorFor(request, 'respond')
  const { consultation, status, draft, steps } = await loadRespondContext(request, params.slug!, { requireDraft: true })
  const given = await draftAnswers(draft)
  return {
    ...consultationHeader(consultation, status, language),
    title: t('contents.title'),
    serviceName,
    aboutYouDone: Boolean(draft?.respondentType && draft.publishConsent),
    steps: steps.map((step) => ({
      number: step.number,
      section: step.question.section ? inLanguage(step.question.section, language) : null,
      prompt: inLanguage(step.question.prompt, language),
      required: step.question.required,
      answered: [step.question, ...step.followUps].some((q) => {
        const a = given.get(q.id)
        return Boolean(a?.text || a?.choices.length || a?.mediaId)
      }),
    })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

function Status({ done, label }: { done: boolean; label: string }) {
  return <strong className={done ? 'ds_tag ds_tag--green' : 'ds_tag ds_tag--grey'}>{label}</strong>
}

export const handle = { i18n: ['bsl', 'consultations', 'respond'] }

export default function ResponseContents() {
  const data = useLoaderData<typeof loader>()
  const { t } = useTranslation('respond')
  if (data.status !== 'open') return <NotOpen status={data.status} date={data.closes} title={data.consultationTitle} />
  let lastSection: string | null = null
  return (
    <Page title={t('contents.title')} lead={t('contents.lead')}>
      <p>{data.consultationTitle}</p>
      <ul className="ds_task-list">
        <li className="ds_task-list__task">
          <Link className="ds_task-list__task-link" to={respondPath(data.slug, 'about-you')}>
            {t('contents.aboutYou')}
          </Link>{' '}
          <Status done={data.aboutYouDone} label={data.aboutYouDone ? t('contents.completed') : t('contents.notStarted')} />
        </li>
      </ul>
      {data.steps.map((step) => {
        const heading = step.section && step.section.text && step.section.text !== lastSection ? step.section : null
        lastSection = step.section?.text || lastSection
        return (
          <div key={step.number}>
            {heading ? <h2 lang={heading.lang}>{heading.text}</h2> : null}
            <ul className="ds_task-list">
              <li className="ds_task-list__task">
                <Link className="ds_task-list__task-link" to={respondPath(data.slug, `questions/${step.number}`)}>
                  {step.number}. <LocalWords text={step.prompt.text} lang={step.prompt.lang} />
                </Link>{' '}
                {step.required ? <span className="ds_task-list__task-summary">({t('contents.required')})</span> : null}{' '}
                <Status done={step.answered} label={step.answered ? t('contents.answered') : t('contents.notAnswered')} />
              </li>
            </ul>
          </div>
        )
      })}
      <p>
        <Link to={respondPath(data.slug, 'bsl')}>{t('bsl:whole.link')}</Link>
      </p>
      <p>
        <Link className="ds_button" to={respondPath(data.slug, 'check')}>
          {t('contents.checkAndSend')}
        </Link>
      </p>
    </Page>
  )
}
