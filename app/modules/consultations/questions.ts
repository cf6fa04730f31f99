import type { QuestionOption, Translated } from './schema'
import type { QuestionKind } from './question-kinds'

// What a kind is and does lives in the registry; these names stay here for their many callers.
export {
  type AnswerInput,
  charLimitOf,
  FIXED_OPTIONS,
  isClosedKind,
  optionsOf,
  type QuestionKind,
  SHORT_TEXT_LIMIT,
  TEXT_LIMIT,
  validateAnswer,
} from './question-kinds'

export interface QuestionView {
  id: string
  position: number
  kind: QuestionKind
  prompt: Translated
  help: Translated | null
  section: Translated | null
  options: QuestionOption[]
  required: boolean
  followUpOf: string | null
  charLimit: number | null
}

export { translate } from '~/kernel/translated'
