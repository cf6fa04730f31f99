import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { CommentsSection } from '~/components/CommentsSection'
import { Page } from '~/components/ds/Page'
import { inLanguage } from '~/components/ConsultationCard'
import { loadBlockDiscussion } from '~/modules/comments/index.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { routeMeta } from '~/platform/meta'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const discussion = await loadBlockDiscussion(request, params.slug ?? '', params.block ?? '')
  const { t, language, serviceName } = await translatorFor(request, 'comments')
  const consultationTitle = inLanguage(discussion.consultation.title, language)
  return { ...discussion, consultationTitle, language, title: t('block.title', { title: consultationTitle.text }), serviceName }
}

export const meta: MetaFunction<typeof loader> = (args) => routeMeta(args)

export const handle = { i18n: ['comments', 'consultations'] }

export default function BlockDiscussion() {
  const { consultation, consultationTitle, block, comments, language } = useLoaderData<typeof loader>()
  const { t } = useTranslation('comments')
  return (
    <Page title={t('block.heading')}>
      <p>
        <Link to={`/consultations/${consultation.slug}#${block.id}`}>
          {t('block.back')} <span lang={consultationTitle.lang}>{consultationTitle.text}</span>
        </Link>
      </p>
      <figure className="guth-block-quote">
        <blockquote lang={language === 'en' ? undefined : 'en'}>
          {block.text.split('\n').map((line, index) => (
            <p key={index}>{line}</p>
          ))}
        </blockquote>
      </figure>
      <CommentsSection data={comments} heading={t('block.commentsHeading')} />
    </Page>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary part="comments" back={({ slug }) => (slug ? { to: `/consultations/${slug}`, label: 'consultation' } : undefined)} />
}
