// The consultations module's public face for server code: queries, commands, read models. Never import it
// from code that runs in the browser (a component); index.ts holds what may.

import './notify.server'
export { answerConsent, answerTexts, answerWords } from './analysis-reads.server'
export { alertSignupAction } from './alert-pages.server'
export { confirmAlert, describeAlert, findAlert, findAlertToStop, readAlertUnsubscribeToken, unsubscribeAlert } from './alerts.server'
export { type Interpretation, isQuestionOf, markResponseBsl, saveInterpretations, setAnswerVideo, submittedWithAnswers } from './bsl-answers.server'
export { addDocument, addQuestion, assertCanManage, copyConsultation, createConsultation, deleteQuestion, markAnalysisPublished, moveQuestion, openDocument, publishConsultation, readConsultationBody, reinstateConsultation, removeDocument, retractConsultation, updateConsultation, updateQuestion } from './commands.server'
export { exportDownload, neutralise, toCsv } from './export.server'
export { consultationFeedResponse } from './feed.server'
export { exportMyResponses } from './my-responses.server'
export { countPublicByTab, getConsultationById, getPublicConsultation, listAllConsultations, listDocuments, listPublicConsultations, listQuestions, type PublicTab } from './queries.server'
export { draftAnswers, loadRespondContext, type Step } from './respond-context.server'
export { sendReceipt, sendResumeLink } from './respond-mail.server'
export { sendResponse } from './send-response.server'
export { consultationHeader } from './respond-views.server'
export { createResumeToken, type Draft, findDraft, findSubmittedById, forgetDraftCookie, getSubmitted, missingParts, resumeDraft, saveAnswers, saveRespondentInfo, startDraft, submitDraft } from './responding.server'
export { type AnswerView, channels, consents, enterResponse, findManagedConsultation, getResponse, listResponses, numberQuestions, parseResponseFilters, prepareResponseEntry, respondentTypes, withdrawResponse } from './responses-admin.server'

