import { type BodyDoc, blockAnchors } from '~/kernel/rich-text'
import { statusOf } from '~/modules/consultations'
import { getConsultationById } from '~/modules/consultations/index.server'
import type { SubjectType } from './forms'

/** What comments are about: a consultation (or one block of its paper), an event, an analysis report. */
export interface CommentSubject {
  type: SubjectType
  id: string
  /** One block of a consultation paper; absent for the general discussion. */
  anchor?: string | null
}

export interface ResolvedSubject {
  /** Anyone may read the comments (the subject is public). */
  readable: boolean
  /** New comments, replies, edits and votes are accepted (e.g. the consultation is open). */
  open: boolean
  /** The page that shows this subject's comments (with the anchor's thread where there is one). */
  href: string
  /** Block ids comments may anchor to; empty when the subject has no paper. */
  anchors: string[]
}

type Resolver = (id: string) => Promise<ResolvedSubject | null>

// Each subject type says whether it exists, is public and still takes comments. Other modules
// add theirs with registerCommentSubject (events, analysis reports) so this module never reads
// their tables.
const resolvers = new Map<SubjectType, Resolver>([
  [
    'consultation',
    async (id) => {
      const consultation = await getConsultationById(id)
      if (!consultation) return null
      const status = statusOf(consultation)
      return {
        readable: status !== 'draft' && status !== 'retracted',
        open: status === 'open',
        href: `/consultations/${consultation.slug}`,
        anchors: consultation.body ? blockAnchors(consultation.body as unknown as BodyDoc).map((block) => block.id) : [],
      }
    },
  ],
])

/** Lets another module take comments on its pages (see index.ts). */
export function registerCommentSubject(type: SubjectType, resolver: Resolver) {
  resolvers.set(type, resolver)
}

/** The subject as comments see it, or null when it does not exist or nobody may read it. */
export async function resolveSubject(subject: CommentSubject): Promise<ResolvedSubject | null> {
  const resolved = await resolvers.get(subject.type)?.(subject.id)
  if (!resolved?.readable) return null
  if (subject.anchor && !resolved.anchors.includes(subject.anchor)) return null
  return resolved
}

/** Where one comment's thread is read: the subject's page, or the block's own page. */
export function threadHref(resolved: Pick<ResolvedSubject, 'href'>, subject: CommentSubject) {
  return subject.anchor && subject.type === 'consultation'
    ? `/comments/consultations/${subject.id}/${subject.anchor}`
    : `${resolved.href}`
}
