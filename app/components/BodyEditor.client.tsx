import { type Editor, EditorContent, useEditor, useEditorState } from '@tiptap/react'
import { type KeyboardEvent, useEffect, useRef, useState } from 'react'
import { type BodyDoc, bodyExtensions, normaliseLinkInput } from '~/kernel/rich-text'
import type { BodyEditorLabels } from './BodyEditor'

interface RichBodyEditorProps {
  id: string
  name: string
  labelledBy: string
  describedBy?: string
  invalid: boolean
  labels: BodyEditorLabels
  startingDoc: () => BodyDoc
  onReady: () => void
}

/** The tiptap editor behind BodyEditor; browser only. Posts its JSON as `${name}Json`. */
export function RichBodyEditor({ id, name, labelledBy, describedBy, invalid, labels, startingDoc, onReady }: RichBodyEditorProps) {
  const [extensions] = useState(bodyExtensions)
  const [content] = useState(startingDoc)
  const [json, setJson] = useState<string | null>(null)
  const editor = useEditor({
    extensions,
    content,
    immediatelyRender: false,
    // Tiptap's own stylesheet would be an inline <style>, which the CSP refuses: see body.css.
    injectCSS: false,
    editorProps: {
      attributes: {
        id,
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelledBy,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(invalid ? { 'aria-invalid': 'true' } : {}),
        class: 'guth-body-editor__content',
      },
    },
    onCreate: ({ editor: created }) => setJson(JSON.stringify(created.getJSON())),
    onUpdate: ({ editor: updated }) => setJson(JSON.stringify(updated.getJSON())),
  })
  const ready = editor !== null && json !== null
  useEffect(() => {
    if (ready) onReady()
  }, [ready, onReady])

  if (!editor || json === null) return null
  return (
    <div className="guth-body-editor__frame">
      <Toolbar editor={editor} controls={id} labels={labels} />
      <EditorContent editor={editor} />
      <input type="hidden" name={`${name}Json`} value={json} />
    </div>
  )
}

interface Action {
  label: string
  pressed?: boolean
  run: () => void
}

function toggleLink(editor: Editor, labels: BodyEditorLabels) {
  if (editor.isActive('link')) {
    editor.chain().focus().extendMarkRange('link').unsetLink().run()
    return
  }
  const answer = window.prompt(labels.linkPrompt, 'https://')
  if (answer === null) return
  const href = normaliseLinkInput(answer)
  if (!href) {
    window.alert(labels.linkInvalid)
    return
  }
  if (editor.state.selection.empty) {
    editor
      .chain()
      .focus()
      .insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] })
      .run()
  } else editor.chain().focus().setLink({ href }).run()
}

/** Formatting buttons: one tab stop, arrow keys move between them (the ARIA toolbar pattern). */
function Toolbar({ editor, controls, labels }: { editor: Editor; controls: string; labels: BodyEditorLabels }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      heading2: current.isActive('heading', { level: 2 }),
      heading3: current.isActive('heading', { level: 3 }),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
      link: current.isActive('link'),
      table: current.isActive('table'),
    }),
  })
  const toolbar = useRef<HTMLDivElement>(null)
  const [focused, setFocused] = useState(0)
  const chain = () => editor.chain().focus()
  const actions: Action[] = [
    { label: labels.bold, pressed: state.bold, run: () => chain().toggleBold().run() },
    { label: labels.italic, pressed: state.italic, run: () => chain().toggleItalic().run() },
    { label: labels.heading2, pressed: state.heading2, run: () => chain().toggleHeading({ level: 2 }).run() },
    { label: labels.heading3, pressed: state.heading3, run: () => chain().toggleHeading({ level: 3 }).run() },
    { label: labels.bulletList, pressed: state.bulletList, run: () => chain().toggleBulletList().run() },
    { label: labels.orderedList, pressed: state.orderedList, run: () => chain().toggleOrderedList().run() },
    { label: labels.link, pressed: state.link, run: () => toggleLink(editor, labels) },
    ...(state.table
      ? [
          { label: labels.addRow, run: () => chain().addRowAfter().run() },
          { label: labels.addColumn, run: () => chain().addColumnAfter().run() },
          { label: labels.deleteTable, run: () => chain().deleteTable().run() },
        ]
      : [{ label: labels.insertTable, run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() }]),
  ]
  const current = Math.min(focused, actions.length - 1)

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: actions.length - 1 }
    if (!(event.key in moves)) return
    event.preventDefault()
    const next = (moves[event.key]! + actions.length) % actions.length
    setFocused(next)
    toolbar.current?.querySelectorAll('button')[next]?.focus()
  }

  return (
    <div ref={toolbar} role="toolbar" aria-label={labels.toolbar} aria-controls={controls} className="guth-body-editor__toolbar" onKeyDown={onKeyDown}>
      {actions.map((action, index) => (
        <button
          key={action.label}
          type="button"
          className="guth-body-editor__button"
          tabIndex={index === current ? 0 : -1}
          aria-pressed={action.pressed}
          onFocus={() => setFocused(index)}
          onClick={action.run}
        >
          {action.label}
        </button>
      ))}
    </div>
  )
}
