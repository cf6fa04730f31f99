import { Component, lazy, type ReactNode, Suspense, useCallback, useEffect, useRef, useState } from 'react'
import { assignBlockIds, type BlockNode, type BodyDoc, docToText, textToDoc } from '~/kernel/rich-text'

const RichBodyEditor = lazy(() => import('./BodyEditor.client').then((module) => ({ default: module.RichBodyEditor })))

/** Every word the editor shows; English defaults, translated by the caller. */
export interface BodyEditorLabels {
  errorPrefix: string
  toolbar: string
  bold: string
  italic: string
  heading2: string
  heading3: string
  bulletList: string
  orderedList: string
  link: string
  linkPrompt: string
  linkInvalid: string
  insertTable: string
  addRow: string
  addColumn: string
  deleteTable: string
  /** The note standing for a table in the no-JavaScript text. */
  tableNote: (rows: number) => string
  /** The note standing for a list or quote that holds a table. */
  blockWithTableNote: string
}

export const defaultBodyEditorLabels: BodyEditorLabels = {
  errorPrefix: 'Error',
  toolbar: 'Formatting',
  bold: 'Bold',
  italic: 'Italic',
  heading2: 'Heading',
  heading3: 'Subheading',
  bulletList: 'Bulleted list',
  orderedList: 'Numbered list',
  link: 'Link',
  linkPrompt: 'Web address (https://…), email address or page path (/…)',
  linkInvalid: 'That is not a link Guth can use. Use a web address starting https://, an email address, or a page path starting /.',
  insertTable: 'Insert table',
  addRow: 'Add row',
  addColumn: 'Add column',
  deleteTable: 'Delete table',
  tableNote: (rows) => `Table: ${rows} rows — edit with JavaScript to change it`,
  blockWithTableNote: 'A block containing a table — edit with JavaScript to change it',
}

export interface BodyEditorProps {
  /** Posts `${name}Json` (editor) or `${name}Text` (no JavaScript): read both with readBodyFromForm. */
  name: string
  /** The field id, for the error summary's link; defaults to `name`. */
  id?: string
  defaultDoc?: BodyDoc
  label: string
  hint?: string
  error?: string
  /** How to write the text format; shown only while the plain textarea is in use. */
  formatHelp: string
  labels?: Partial<BodyEditorLabels>
}

/** Catches a failed editor (or its download) so the plain textarea comes back. */
class EditorBoundary extends Component<{ children: ReactNode; onError: () => void }, { failed: boolean }> {
  state = { failed: false }
  static getDerivedStateFromError() {
    return { failed: true }
  }
  componentDidCatch() {
    this.props.onError()
  }
  render() {
    return this.state.failed ? null : this.props.children
  }
}

/**
 * The consultation paper's field. Rendered on the server as a textarea in the text format, so it
 * works without JavaScript; once the tiptap editor has loaded it takes the textarea's place.
 */
export function BodyEditor({ name, id = name, defaultDoc, label, hint, error, formatHelp, labels: given }: BodyEditorProps) {
  const labels = { ...defaultBodyEditorLabels, ...given }
  const keptBlockNote = (block: BlockNode) => (block.type === 'table' ? labels.tableNote(block.content.length) : labels.blockWithTableNote)
  const initialText = defaultDoc ? docToText(defaultDoc, { keptBlockNote }) : ''
  const textarea = useRef<HTMLTextAreaElement>(null)
  const [mounted, setMounted] = useState(false)
  const [enhanced, setEnhanced] = useState(false)
  useEffect(() => setMounted(true), [])
  const onReady = useCallback(() => setEnhanced(true), [])
  const onError = useCallback(() => setEnhanced(false), [])

  // Whatever was typed into the textarea before the editor loaded carries over into it.
  const startingDoc = () => {
    const text = textarea.current?.value ?? initialText
    if (text === initialText && defaultDoc) return defaultDoc
    return assignBlockIds(textToDoc(text, defaultDoc), defaultDoc)
  }
  const ids = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join(' ') || undefined
  const labelId = `${id}-label`
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined

  return (
    <div className={error ? 'ds_question ds_question--error guth-body-editor' : 'ds_question guth-body-editor'}>
      <label className="ds_label" id={labelId} htmlFor={enhanced ? undefined : id}>
        {label}
      </label>
      {hint ? (
        <p className="ds_hint-text" id={hintId}>
          {hint}
        </p>
      ) : null}
      {enhanced ? null : (
        <p className="ds_hint-text guth-body-editor__format" id={`${id}-format`}>
          {formatHelp}
        </p>
      )}
      {error ? (
        <p className="ds_question__error-message" id={errorId}>
          <span className="visually-hidden">{labels.errorPrefix}: </span>
          {error}
        </p>
      ) : null}
      {enhanced ? null : (
        <textarea
          ref={textarea}
          id={id}
          name={`${name}Text`}
          rows={20}
          className={error ? 'ds_input ds_input--error guth-body-editor__text' : 'ds_input guth-body-editor__text'}
          defaultValue={initialText}
          aria-describedby={ids(hintId, `${id}-format`, errorId)}
          aria-invalid={error ? true : undefined}
        />
      )}
      {mounted ? (
        <EditorBoundary onError={onError}>
          <Suspense fallback={null}>
            <RichBodyEditor
              id={id}
              name={name}
              labelledBy={labelId}
              describedBy={ids(hintId, errorId)}
              invalid={Boolean(error)}
              labels={labels}
              startingDoc={startingDoc}
              onReady={onReady}
            />
          </Suspense>
        </EditorBoundary>
      ) : null}
    </div>
  )
}
