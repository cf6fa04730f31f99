// The consultations module's public face for anything, browser included: types, permissions, pure functions,
// form parsing. Server code is in index.server.ts. Other modules and routes import only these two
// faces (or schema.ts for foreign keys and types); see docs/decisions/020-module-shape.md.

export { answerText } from './answer-summary'
export { NewAlertSchema, OpeningAlertSchema } from './forms-alerts'
export { ConsultationDetailsSchema, documentKinds, DocumentSchema, FOLLOW_UP_PROMPT, hasOwnOptions, isCalendarDate, isFollowUpParentKind, isTextKind, MAX_DOCUMENT_BYTES, normaliseDate, normaliseTime, optionLines, OverviewActionSchema, QuestionSchema, SLUG_PATTERN, ukDate } from './forms-authoring'
export { AboutYouSchema, respondentInfoFrom, SaveLaterSchema } from './forms-respond'
export { type ConsultationStatus, statusOf } from './lifecycle'
export { respondPath } from './paths'
export { canManageConsultations, canSeePersonalData } from './permissions'
export { charLimitOf, optionsOf, QUESTION_KINDS, type QuestionKind, questionKinds, rankingPositions } from './question-kinds'
export { isClosedKind, type QuestionView, validateAnswer } from './questions'
export { translate } from '~/kernel/translated'
export { CONSULTATION_TOPICS } from './topics'
