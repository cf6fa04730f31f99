import { getLanguage, getTranslator } from './i18next.server'

/** The language of this request and a translator for it, for loaders and actions. */
export async function translatorFor(request: Request, namespace = 'common') {
  const language = await getLanguage(request)
  const t = await getTranslator(language, namespace)
  return { language, t, serviceName: t('service.name', { ns: 'common' }) }
}
