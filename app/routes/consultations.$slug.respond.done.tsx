import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { Page } from '~/components/ds/Page'
import { getPublicConsultation, getSubmitted } from '~/modules/consultations/index.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { t, serviceName } = await translatorFor(request, 'respond')
  const found = await getPublicConsultation(params.slug!)
  const reference = new URL(request.url).searchParams.get('ref') ?? ''
  const response = found && /^[A-Z0-9-]{6,20}$/.test(reference) ? await getSubmitted(found.consultation.id, reference) : null
  if (!found || !response) throw new Response('Not found', { status: 404 })
  return { title: t('done.title'), serviceName, slug: params.slug!, reference, emailed: Boolean(response.email) }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export const handle = { i18n: ['respond'] }

export default function ResponseSent() {
  const data = useLoaderData<typeof loader>()
  const { t } = useTranslation('respond')
  return (
    <Page title={t('done.title')}>
      <div className="ds_confirmation-message" role="status">
        <h2 className="ds_confirmation-message__title">{t('done.reference')}</h2>
        <div className="ds_confirmation-message__body">
          <p className="guth-reference">
            <strong>{data.reference}</strong>
          </p>
        </div>
      </div>
      {data.emailed ? <p>{t('done.emailed')}</p> : null}
      <h2>{t('done.next')}</h2>
      <p>{t('done.nextBody')}</p>
      <p>
        <Link to={`/consultations/${data.slug}`}>{t('done.back')}</Link>
      </p>
    </Page>
  )
}
