import { requireUser, type SignedInUser } from '~/modules/accounts/index.server'
import { translate } from '~/modules/consultations'
import type { Translated } from '~/kernel/translated'
import { translatorFor } from '~/platform/i18n/translate.server'

/**
 * What both officials' BSL pages of a consultation load first: the signed-in official, the page
 * (`load`, null when not theirs: 404) and its heading in the reader's language.
 */
export async function loadBslPage<P extends { consultation: { id: string; title: Translated } }>(
  request: Request,
  consultationId: string,
  titleKey: string,
  load: (user: SignedInUser, consultationId: string, language: string) => Promise<P | null>,
) {
  const user = await requireUser(request)
  const { t, serviceName, language } = await translatorFor(request, 'bsl')
  const page = await load(user, consultationId, language)
  if (!page) throw new Response('Not found', { status: 404 })
  return {
    page,
    heading: {
      title: t(titleKey),
      serviceName,
      language,
      consultation: { id: page.consultation.id, title: translate(page.consultation.title, language) },
      saved: new URL(request.url).searchParams.get('saved'),
    },
  }
}
