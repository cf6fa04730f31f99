import { type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes, useEffect, useRef } from 'react'
import { useTranslation } from '~/platform/i18n/react'

const TRANSLATION_KEY = /^([a-z]+:)?[a-zA-Z]+(\.[a-zA-Z0-9_]+)+$/

/**
 * Field errors from zod hold translation keys (e.g. `auth:errors.emailMissing`); messages the
 * server already worded (with values in them) pass through as they are.
 */
export function useMessage() {
  const { t } = useTranslation()
  return (message: string | undefined) => (message && TRANSLATION_KEY.test(message) ? t(message) : message)
}

export interface SummaryError {
  /** id of the field to jump to */
  fieldId: string
  message: string
}

/** The design system's error summary: focused on load so screen readers announce it. */
export function ErrorSummary({ errors }: { errors: SummaryError[] }) {
  const { t } = useTranslation()
  const message = useMessage()
  const ref = useRef<HTMLDivElement>(null)
  const count = errors.length
  useEffect(() => {
    if (count) ref.current?.focus()
  }, [count])
  if (!count) return null
  return (
    <div className="ds_error-summary" aria-labelledby="error-summary-title" role="alert" tabIndex={-1} ref={ref}>
      <h2 className="ds_error-summary__title" id="error-summary-title">
        {t('forms.errorSummaryTitle')}
      </h2>
      <ul className="ds_error-summary__list">
        {errors.map((error) => (
          <li key={error.fieldId}>
            <a href={`#${error.fieldId}`}>{message(error.message)}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}

interface FieldFrameProps {
  id: string
  label: ReactNode
  hint?: ReactNode
  error?: string
  /** Shows the label as the page's heading (one-question pages). */
  labelAsHeading?: boolean
  children: (describedBy: string | undefined) => ReactNode
}

/** Label, hint and error message around one input, wired together for screen readers. */
function FieldFrame({ id, label, hint, error, labelAsHeading, children }: FieldFrameProps) {
  const message = useMessage()
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  const labelElement = (
    <label className="ds_label" htmlFor={id}>
      {label}
    </label>
  )
  return (
    <div className={error ? 'ds_question ds_question--error' : 'ds_question'}>
      {labelAsHeading ? <h1 className="ds_no-margin--top">{labelElement}</h1> : labelElement}
      {hint ? (
        <p className="ds_hint-text" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="ds_question__error-message" id={`${id}-error`}>
          <span className="visually-hidden">{message('forms.errorPrefix')}: </span>
          {message(error)}
        </p>
      ) : null}
      {children(describedBy)}
    </div>
  )
}

type Width = 'fixed-2' | 'fixed-4' | 'fixed-5' | 'fixed-10' | 'fixed-20' | 'fluid-one-third' | 'fluid-half' | 'fluid-two-thirds'

interface TextInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name'>, Omit<FieldFrameProps, 'children'> {
  name: string
  width?: Width
}

export function TextInput({ id, name, label, hint, error, labelAsHeading, width, className, ...input }: TextInputProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} labelAsHeading={labelAsHeading}>
      {(describedBy) => (
        <input
          type="text"
          id={id}
          name={name}
          className={['ds_input', width ? `ds_input--${width}` : null, error ? 'ds_input--error' : null, className]
            .filter(Boolean)
            .join(' ')}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          {...input}
        />
      )}
    </FieldFrame>
  )
}

interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name'>, Omit<FieldFrameProps, 'children'> {
  name: string
}

export function TextArea({ id, name, label, hint, error, labelAsHeading, rows = 5, ...textarea }: TextAreaProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} labelAsHeading={labelAsHeading}>
      {(describedBy) => (
        <textarea
          id={id}
          name={name}
          rows={rows}
          className={error ? 'ds_input ds_input--error' : 'ds_input'}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          {...textarea}
        />
      )}
    </FieldFrame>
  )
}

export function Button({
  children,
  variant,
  ...props
}: { children: ReactNode; variant?: 'secondary' | 'cancel' } & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button className={['ds_button', variant ? `ds_button--${variant}` : null].filter(Boolean).join(' ')} {...props}>
      {children}
    </button>
  )
}

interface Choice {
  value: string
  label: ReactNode
  hint?: ReactNode
}

/** Radios or checkboxes in a fieldset whose legend is the question. */
export function ChoiceGroup({
  type,
  name,
  legend,
  hint,
  error,
  choices,
  defaultValue,
  small,
}: {
  type: 'radio' | 'checkbox'
  name: string
  legend: ReactNode
  hint?: ReactNode
  error?: string
  choices: Choice[]
  defaultValue?: string | string[]
  small?: boolean
}) {
  const message = useMessage()
  const selected = new Set([defaultValue ?? []].flat())
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ') || undefined
  const kind = type === 'radio' ? 'radio' : 'checkbox'
  return (
    <div className={error ? 'ds_question ds_question--error' : 'ds_question'}>
      <fieldset aria-describedby={describedBy}>
        <legend>{legend}</legend>
        {hint ? (
          <p className="ds_hint-text" id={`${name}-hint`}>
            {hint}
          </p>
        ) : null}
        {error ? (
          <p className="ds_question__error-message" id={`${name}-error`}>
            {message(error)}
          </p>
        ) : null}
        <div className="ds_field-group">
          {choices.map((choice, index) => {
            const id = index === 0 ? name : `${name}-${index}`
            return (
              <div key={choice.value} className={`ds_${kind}${small ? ` ds_${kind}--small` : ''}`}>
                <input
                  id={id}
                  name={name}
                  type={type}
                  value={choice.value}
                  defaultChecked={selected.has(choice.value)}
                  className={`ds_${kind}__input`}
                  aria-describedby={choice.hint ? `${id}-hint` : undefined}
                />
                <label htmlFor={id} className={`ds_${kind}__label`}>
                  {choice.label}
                </label>
                {choice.hint ? (
                  <p className="ds_hint-text" id={`${id}-hint`}>
                    {choice.hint}
                  </p>
                ) : null}
              </div>
            )
          })}
        </div>
      </fieldset>
    </div>
  )
}

/** A confirmation or status message at the top of a page. */
export function NotificationBanner({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="ds_inset-text" role="status">
      <div className="ds_inset-text__text">
        <p>
          <strong>{title}</strong>
        </p>
        {children}
      </div>
    </div>
  )
}

/** The design system's select in a question, with an optional first "any/none" choice and an error. */
export function SelectField({
  id,
  name,
  label,
  defaultValue,
  options,
  emptyLabel,
  error,
}: {
  id: string
  name: string
  label: ReactNode
  defaultValue?: string
  options: { value: string; label: string }[]
  emptyLabel?: string
  error?: string
}) {
  return (
    <FieldFrame id={id} label={label} error={error}>
      {(describedBy) => (
        <div className="ds_select-wrapper">
          <select id={id} name={name} className="ds_select" defaultValue={defaultValue ?? ''} aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
            {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
            {options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          <span className="ds_select-arrow" aria-hidden="true" />
        </div>
      )}
    </FieldFrame>
  )
}
