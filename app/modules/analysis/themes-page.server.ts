import type { Actor } from '~/modules/accounts'
import { formatLondon } from '~/kernel/london-time'
import { listCampaignGroups } from './campaigns.server'
import { findOpenQuestion } from './context.server'
import { fieldErrors, formObject, SuggestionActionSchema } from './forms'
import { latestRun, requestRun, type RunKind } from './runs.server'
import { acceptSuggestion, listSuggestions, mergeSuggestion, rejectSuggestion, renameSuggestion } from './suggestions.server'

/** The latest background run of a kind, with its times written for the reader. */
async function runView(questionId: string, kind: RunKind, language: string) {
  const run = await latestRun(questionId, kind)
  if (!run) return null
  const when = (iso: string | null) => (iso ? formatLondon(new Date(iso), language) : '')
  return { status: run.status, found: run.found ?? 0, requestedAt: when(run.requestedAt), finishedAt: when(run.finishedAt) }
}

export type RunPageView = NonNullable<Awaited<ReturnType<typeof runView>>>

export async function readThemesPage(actor: Actor, consultationId: string, questionId: string, language: string) {
  const found = await findOpenQuestion(actor, consultationId, questionId, language)
  if (!found) return null
  const [suggestions, run] = await Promise.all([listSuggestions(questionId), runView(questionId, 'themes', language)])
  return { ...found, suggestions, run }
}

export type ThemesOutcome =
  | { status: 'done'; done: string; count?: number }
  | { status: 'invalid'; suggestionId?: string; errors: Record<string, string> }
  | { status: 'not_found' }

/** Computes suggestions, or accepts, renames, merges or rejects one. */
export async function changeSuggestions(actor: Actor, consultationId: string, questionId: string, form: FormData): Promise<ThemesOutcome> {
  const parsed = SuggestionActionSchema.safeParse(formObject(form))
  if (!parsed.success) return { status: 'invalid', suggestionId: String(form.get('suggestionId') ?? ''), errors: fieldErrors(parsed.error) }
  const command = parsed.data
  if (command.intent === 'compute') {
    const asked = await requestRun(actor, consultationId, questionId, 'themes')
    return asked === null ? { status: 'not_found' } : { status: 'done', done: asked }
  }
  const outcome =
    command.intent === 'accept'
      ? await acceptSuggestion(actor, consultationId, questionId, command.suggestionId, command.label, command.apply === 'yes')
      : command.intent === 'rename'
        ? await renameSuggestion(actor, consultationId, questionId, command.suggestionId, command.label)
        : command.intent === 'merge'
          ? await mergeSuggestion(actor, consultationId, questionId, command.suggestionId, command.intoId)
          : await rejectSuggestion(actor, consultationId, questionId, command.suggestionId)
  if (outcome.ok) return { status: 'done', done: command.intent, count: outcome.applied }
  if (outcome.reason === 'not_found') return { status: 'not_found' }
  return { status: 'invalid', suggestionId: command.suggestionId, errors: { label: `analysis:errors.${outcome.reason}` } }
}

export async function readCampaignsPage(actor: Actor, consultationId: string, questionId: string, language: string) {
  const found = await findOpenQuestion(actor, consultationId, questionId, language)
  if (!found) return null
  const [groups, run] = await Promise.all([listCampaignGroups(questionId), runView(questionId, 'campaigns', language)])
  return { ...found, groups, run }
}

/** Asks for the standard campaign texts to be looked for again, in the background. */
export const findCampaigns = (actor: Actor, consultationId: string, questionId: string) => requestRun(actor, consultationId, questionId, 'campaigns')
