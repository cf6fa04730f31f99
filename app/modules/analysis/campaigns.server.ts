import { eq } from 'drizzle-orm'
import type { Actor } from '~/modules/accounts'
import { getConnection, getDb } from '~/platform/db.server'
import { byStandardness, detectCampaigns, wordDiff } from './campaigns'
import { words } from './text'
import { findOpenQuestion } from './context.server'
import { campaignGroups, campaignMembers } from './schema'
import { openAnswerTexts } from './suggestions.server'

/** Finds the standard campaign texts among a question's answers again; returns how many groups. */
export async function refreshCampaignGroups(actor: Actor, consultationId: string, questionId: string) {
  if (!(await findOpenQuestion(actor, consultationId, questionId, 'en'))) return null
  return storeCampaignGroups(questionId)
}

/** refreshCampaignGroups without the permission check, for the background run an official asked for. */
export async function storeCampaignGroups(questionId: string) {
  const groups = detectCampaigns(await openAnswerTexts(questionId))
  await getDb().transaction(async (tx) => {
    await tx.delete(campaignGroups).where(eq(campaignGroups.questionId, questionId))
    for (const group of groups) {
      const [row] = await tx
        .insert(campaignGroups)
        .values({ questionId, representativeAnswerId: group.representativeId, text: group.text, size: group.members.length })
        .returning({ id: campaignGroups.id })
      for (let i = 0; i < group.members.length; i += 2000) {
        await tx.insert(campaignMembers).values(group.members.slice(i, i + 2000).map((m) => ({ groupId: row!.id, answerId: m.id, similarity: m.similarity })))
      }
    }
  })
  return groups.length
}

/** How many groups the campaigns page shows in full, and near-copy wordings per group. */
export const SHOWN_GROUPS = 50
const SHOWN_WORDINGS = 5

/**
 * A question's campaign groups, most standard first (exact copies, then near-copies), each with
 * its commonest near-copy wordings and how they differ from the standard text (for the first
 * SHOWN_GROUPS only: the rest are counted, not shown).
 */
export async function listCampaignGroups(questionId: string) {
  const groups = await getDb().select().from(campaignGroups).where(eq(campaignGroups.questionId, questionId))
  const identical = groups.length
    ? await getConnection().query<{ group_id: string; n: number }>(
        'select group_id, count(*)::int as n from analysis_campaign_members where group_id = any($1::uuid[]) and similarity = 1 group by 1',
        [groups.map((g) => g.id)],
      )
    : []
  const byGroup = new Map(identical.map((row) => [row.group_id, row.n]))
  const ranked = groups.map((g) => ({ id: g.id, text: g.text, size: g.size, exact: byGroup.get(g.id) ?? 0, near: g.size - (byGroup.get(g.id) ?? 0) })).sort(byStandardness)
  const shown = new Set(ranked.slice(0, SHOWN_GROUPS).map((g) => g.id))
  const near = shown.size
    ? await getConnection().query<{ group_id: string; text: string }>(
        `select m.group_id, trim(coalesce(a.text, '') || ' ' || coalesce(a.interpretation, '')) as text
         from analysis_campaign_members m join answers a on a.id = m.answer_id
         where m.group_id = any($1::uuid[]) and m.similarity < 1 order by m.similarity desc, a.id`,
        [[...shown]],
      )
    : []
  return ranked.map((group) => {
      const wordings = new Map<string, { text: string; n: number }>()
      for (const row of near) {
        if (row.group_id !== group.id) continue
        const key = words(row.text).join(' ')
        const seen = wordings.get(key)
        if (seen) seen.n++
        else wordings.set(key, { text: row.text, n: 1 })
      }
      const variants = [...wordings.values()].sort((a, b) => b.n - a.n).slice(0, SHOWN_WORDINGS)
      return {
        ...group,
        identical: group.exact,
        variants: variants.map((v) => ({ n: v.n, parts: wordDiff(group.text, v.text) })),
        moreWordings: Math.max(0, wordings.size - SHOWN_WORDINGS),
      }
    })
}

/** Campaign responses over a consultation: groups and answers per question, for reports. */
export async function campaignSummary(consultationId: string) {
  return getConnection().query<{ question_id: string; groups: number; answers: number }>(
    `select g.question_id, count(*)::int as groups, sum(g.size)::int as answers
     from analysis_campaign_groups g join questions q on q.id = g.question_id where q.consultation_id = $1 group by 1`,
    [consultationId],
  )
}
