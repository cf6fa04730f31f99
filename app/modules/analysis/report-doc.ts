import { z } from 'zod'
import type { BodyDoc } from '~/kernel/rich-text'
import type { SimpleTable, SplitTable } from './tables'

// An analysis report: the usual sections of a Scottish Government analysis, each with prose
// (tiptap JSON, the same schema as a consultation paper) followed by live data blocks, plus the
// "We asked, you said, we did" summary. Isomorphic: the builder and the server share it.

export const sectionKeys = ['executive_summary', 'introduction', 'profile', 'questions', 'campaigns', 'events_bsl', 'annex'] as const
export type SectionKey = (typeof sectionKeys)[number]

export type DataBlock =
  | { id: string; type: 'profile' }
  | { id: string; type: 'closedQuestion'; questionId: string; display: 'table' | 'chart' }
  | { id: string; type: 'codeFrequency'; questionId: string; codeIds: string[] }
  | { id: string; type: 'quote'; answerId: string }
  | { id: string; type: 'campaigns' }
  | { id: string; type: 'organisations' }

export interface ReportSection {
  key: SectionKey
  body: BodyDoc | null
  blocks: DataBlock[]
}

export interface ReportDoc {
  type: 'analysisReport'
  version: 1
  sections: ReportSection[]
  summary: { youSaid: string; weDid: string }
}

const id = z.string().regex(/^[0-9a-f-]{36}$/)
const BlockSchema = z.discriminatedUnion('type', [
  z.object({ id: z.string(), type: z.literal('profile') }),
  z.object({ id: z.string(), type: z.literal('closedQuestion'), questionId: id, display: z.enum(['table', 'chart']) }),
  z.object({ id: z.string(), type: z.literal('codeFrequency'), questionId: id, codeIds: z.array(id) }),
  z.object({ id: z.string(), type: z.literal('quote'), answerId: id }),
  z.object({ id: z.string(), type: z.literal('campaigns') }),
  z.object({ id: z.string(), type: z.literal('organisations') }),
])
const ReportSchema = z.object({
  type: z.literal('analysisReport'),
  version: z.literal(1),
  sections: z.array(z.object({ key: z.enum(sectionKeys), body: z.any().nullable(), blocks: z.array(BlockSchema) })),
  summary: z.object({ youSaid: z.string(), weDid: z.string() }),
})

/** An empty report: every section in order, the profile table already in its place. */
export function emptyReport(newId: () => string): ReportDoc {
  return {
    type: 'analysisReport',
    version: 1,
    sections: sectionKeys.map((key) => ({ key, body: null, blocks: key === 'profile' ? [{ id: newId(), type: 'profile' }] : [] })),
    summary: { youSaid: '', weDid: '' },
  }
}

/** A stored report, checked; sections missing from an older document are added back in order. */
export function readReport(value: unknown, newId: () => string): ReportDoc {
  const parsed = ReportSchema.safeParse(value)
  if (!parsed.success) return emptyReport(newId)
  const doc = parsed.data as ReportDoc
  return { ...doc, sections: sectionKeys.map((key) => doc.sections.find((s) => s.key === key) ?? { key, body: null, blocks: [] }) }
}

/**
 * What a published page shows for a block: its numbers and words, already worked out. `promptLang`
 * (and a table row's `lang`) is 'en' where English stands in for a missing Gaelic version; reports
 * published before it was recorded have none.
 */
export type ResolvedBlock =
  | { id: string; type: 'profile'; total: number; bslUsers: number; byType: SimpleTable; byChannel: SimpleTable }
  | { id: string; type: 'closedQuestion'; number: string; prompt: string; promptLang?: 'en'; display: 'table' | 'chart'; table: SplitTable }
  | { id: string; type: 'codeFrequency'; number: string; prompt: string; promptLang?: 'en'; table: SplitTable }
  | { id: string; type: 'quote'; number: string; prompt: string; promptLang?: 'en'; text: string; attribution: { kind: 'individual' | 'organisation'; name: string | null } }
  | { id: string; type: 'campaigns'; rows: { number: string; prompt: string; promptLang?: 'en'; groups: number; answers: number }[] }
  | { id: string; type: 'organisations'; names: string[] }

export interface ResolvedReport {
  sections: { key: SectionKey; html: string; blocks: ResolvedBlock[] }[]
  summary: { youSaid: string; weDid: string }
  total: number
  /** BSL answers interpreted by officials (absent from reports published before it was counted). */
  bslInterpreted?: number
}

/** Why a report cannot be published, each a translation key with what it needs. */
export interface PublishProblem {
  key: 'empty' | 'stillOpen' | 'questionRemoved' | 'codeDeleted' | 'quoteNotConsented' | 'quoteMissing'
  section?: SectionKey
  blockId?: string
}
