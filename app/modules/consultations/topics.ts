/**
 * The subjects a consultation can be about, from the topic list events use (events/topics.ts
 * names them on screen). Stored lower case, as event tags are.
 */
export const CONSULTATION_TOPICS = ['bsl', 'gaelic', 'local democracy', 'open data', 'open government', 'pioneer year', 'rural'] as const
export type ConsultationTopic = (typeof CONSULTATION_TOPICS)[number]

export const isConsultationTopic = (value: unknown): value is ConsultationTopic => CONSULTATION_TOPICS.includes(value as ConsultationTopic)
