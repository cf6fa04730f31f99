import { asc, desc, eq } from 'drizzle-orm'
import type { Actor } from '~/modules/accounts/permissions'
import { getConnection, getDb } from '~/platform/db.server'
import { detectCampaigns } from './campaigns'
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

/** A question's campaign groups, largest first, with how many of each are word-for-word identical. */
export async function listCampaignGroups(questionId: string) {
  const groups = await getDb().select().from(campaignGroups).where(eq(campaignGroups.questionId, questionId)).orderBy(desc(campaignGroups.size), asc(campaignGroups.id))
  const identical = groups.length
    ? await getConnection().query<{ group_id: string; n: number }>(
        'select group_id, count(*)::int as n from analysis_campaign_members where group_id = any($1::uuid[]) and similarity = 1 group by 1',
        [groups.map((g) => g.id)],
      )
    : []
  const byGroup = new Map(identical.map((row) => [row.group_id, row.n]))
  return groups.map((g) => ({ id: g.id, text: g.text, size: g.size, identical: byGroup.get(g.id) ?? 0 }))
}

/** Campaign responses over a consultation: groups and answers per question, for reports. */
export async function campaignSummary(consultationId: string) {
  return getConnection().query<{ question_id: string; groups: number; answers: number }>(
    `select g.question_id, count(*)::int as groups, sum(g.size)::int as answers
     from analysis_campaign_groups g join questions q on q.id = g.question_id where q.consultation_id = $1 group by 1`,
    [consultationId],
  )
}
