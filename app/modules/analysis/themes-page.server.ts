import type { Actor } from '~/modules/accounts/permissions'
import { listCampaignGroups, refreshCampaignGroups } from './campaigns.server'
import { findOpenQuestion } from './context.server'
import { fieldErrors, formObject, SuggestionActionSchema } from './forms'
import { acceptSuggestion, computeSuggestions, listSuggestions, mergeSuggestion, rejectSuggestion, renameSuggestion } from './suggestions.server'

export async function readThemesPage(actor: Actor, consultationId: string, questionId: string, language: string) {
  const found = await findOpenQuestion(actor, consultationId, questionId, language)
  if (!found) return null
  return { ...found, suggestions: await listSuggestions(questionId) }
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
    const count = await computeSuggestions(actor, consultationId, questionId)
    return count === null ? { status: 'not_found' } : { status: 'done', done: 'computed', count }
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
  return { ...found, groups: await listCampaignGroups(questionId) }
}

export const findCampaigns = refreshCampaignGroups
