import type { Actor } from '~/modules/accounts'
import { answerTexts, listQuestions, numberQuestions } from '~/modules/consultations/index.server'
import { isClosedKind, translate } from '~/modules/consultations'
import { getConnection } from '~/platform/db.server'
import { getReportForEditing } from './report.server'

/** What the report builder shows: each section's prose and blocks (described), and what can be added. */
export async function readReportBuilder(actor: Actor, consultationId: string, language: string) {
  const editing = await getReportForEditing(actor, consultationId)
  if (!editing) return null
  const questions = numberQuestions(await listQuestions(editing.consultation.id))
  const quoteIds = editing.doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'quote' ? [b.answerId] : [])))
  const [coded, quotes] = await Promise.all([
    getConnection().query<{ question_id: string; n: number }>(
      'select c.question_id, count(*)::int as n from analysis_codes c join questions q on q.id = c.question_id where q.consultation_id = $1 group by 1',
      [editing.consultation.id],
    ),
    quoteIds.length ? answerTexts(quoteIds) : [],
  ])
  const label = (id: string) => {
    const q = questions.find((question) => question.id === id)
    return q ? { number: q.number, prompt: translate(q.prompt, language) } : null
  }
  const quoteText = new Map(quotes.map((q) => [q.id, q.text]))
  return {
    consultation: { id: editing.consultation.id, slug: editing.consultation.slug, title: translate(editing.consultation.title, language) },
    status: editing.status,
    publishedAt: editing.publishedAt,
    changedSincePublished: editing.changedSincePublished,
    summary: editing.doc.summary,
    sections: editing.doc.sections.map((section) => ({
      key: section.key,
      body: section.body,
      blocks: section.blocks.map((block) => ({
        id: block.id,
        type: block.type,
        question: 'questionId' in block ? label(block.questionId) : null,
        display: block.type === 'closedQuestion' ? block.display : null,
        quote: block.type === 'quote' ? (quoteText.get(block.answerId) ?? null) : null,
      })),
    })),
    closedQuestions: questions.filter((q) => isClosedKind(q.kind)).map((q) => ({ id: q.id, number: q.number, prompt: translate(q.prompt, language) })),
    codedQuestions: questions.filter((q) => coded.some((c) => c.question_id === q.id)).map((q) => ({ id: q.id, number: q.number, prompt: translate(q.prompt, language) })),
  }
}
