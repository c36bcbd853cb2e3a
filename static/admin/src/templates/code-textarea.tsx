import { type ChangeEvent, forwardRef, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState } from 'react';

import type { FieldControlProps } from '../../../shared/components/field';
import type { CodeEditor, CodeEditorAttributes } from './code-editor-view';
import { offsetOf, positionOf, type SourcePosition } from './template-state';

/** CodeMirror and its languages, fetched the first time a template is opened: not in the page's first bundle. */
const loadCodeEditor = () => import('./code-editor-view');

/** Must match .im-code's line-height, so "go to line" lands where the gutter says. */
const LINE_HEIGHT_PX = 20;

interface CodeTextareaProps {
  control: FieldControlProps;
  /** The field's label, which names the code editor (a contenteditable, which <label for> cannot name). */
  label: string;
  value: string;
  readOnly: boolean;
  /** The line the field's error is about, marked in the gutter. */
  errorLine: number | null;
  onChange: (value: string) => void;
}

export interface CodeTextareaHandle {
  /** Focuses the text with the caret at a line and column, scrolled into view. */
  goTo: (position: SourcePosition) => void;
}

/** Line numbers for the gutter: text, with the error line as its own span so it can be marked. */
const Gutter = ({ lines, errorLine }: { lines: number; errorLine: number | null }) => {
  const numbers = (from: number, to: number) =>
    Array.from({ length: Math.max(0, to - from + 1) }, (_, index) => from + index).join('\n');
  if (errorLine === null || errorLine > lines) return <>{numbers(1, lines)}</>;
  return (
    <>
      {errorLine > 1 && `${numbers(1, errorLine - 1)}\n`}
      <span className="im-code__error-line">{errorLine}</span>
      {errorLine < lines && `\n${numbers(errorLine + 1, lines)}`}
    </>
  );
};

const editorAttributes = (control: FieldControlProps, label: string): CodeEditorAttributes => ({
  id: control.id,
  label,
  describedBy: control['aria-describedby'],
  invalid: control['aria-invalid'] === true,
  required: control['aria-required'] === true,
});

/**
 * The template body's editor: CodeMirror with Liquid and HTML highlighted once its chunk has loaded, and until
 * then (or if it cannot load) a monospace textarea with line numbers that works the same. Both show the caret's
 * line and column, so an error's "Line 3, column 5" can be found. Lines do not wrap, which keeps the gutter aligned.
 */
export const CodeTextarea = forwardRef<CodeTextareaHandle, CodeTextareaProps>(
  ({ control, label, value, readOnly, errorLine, onChange }, ref) => {
    const textareaRef = useRef<HTMLTextAreaElement>(null);
    const gutterRef = useRef<HTMLPreElement>(null);
    const hostRef = useRef<HTMLDivElement>(null);
    const [caret, setCaret] = useState<SourcePosition | null>(null);
    const [editor, setEditor] = useState<CodeEditor | null>(null);
    /** What the editor is created with when its chunk arrives: the props as they are then, not at mount. */
    const latest = useRef({ value, readOnly, errorLine, onChange, attributes: editorAttributes(control, label) });
    useLayoutEffect(() => {
      latest.current = { value, readOnly, errorLine, onChange, attributes: editorAttributes(control, label) };
    });

    useEffect(() => {
      let live = true;
      let created: CodeEditor | undefined;
      loadCodeEditor()
        .then(({ createCodeEditor }) => {
          if (!live || !hostRef.current) return;
          const textarea = textareaRef.current;
          const hadFocus = textarea !== null && textarea.ownerDocument.activeElement === textarea;
          const { value: doc, readOnly: startReadOnly, errorLine: startErrorLine, attributes } = latest.current;
          created = createCodeEditor(hostRef.current, {
            doc,
            readOnly: startReadOnly,
            attributes,
            errorLine: startErrorLine,
            onChange: (next) => latest.current.onChange(next),
            onCaret: setCaret,
          });
          // Someone typing while it loaded carries on where they were.
          if (hadFocus) {
            created.select(textarea.selectionStart);
            created.focus();
          }
          setEditor(created);
        })
        .catch(() => {
          // The textarea stays: the body can still be written, only without highlighting.
        });
      return () => {
        live = false;
        created?.destroy();
      };
    }, []);

    const { id, 'aria-describedby': describedBy, 'aria-invalid': invalid, 'aria-required': required } = control;
    useEffect(() => editor?.setValue(value), [editor, value]);
    useEffect(() => editor?.setReadOnly(readOnly), [editor, readOnly]);
    useEffect(() => editor?.setErrorLine(errorLine), [editor, errorLine]);
    useEffect(
      () =>
        editor?.setAttributes(
          editorAttributes(
            { id, 'aria-describedby': describedBy, 'aria-invalid': invalid, 'aria-required': required },
            label,
          ),
        ),
      [editor, id, describedBy, invalid, required, label],
    );

    const syncGutter = () => {
      if (gutterRef.current && textareaRef.current) gutterRef.current.scrollTop = textareaRef.current.scrollTop;
    };
    const trackCaret = () => {
      const textarea = textareaRef.current;
      if (textarea) setCaret(positionOf(textarea.value, textarea.selectionStart));
    };

    useImperativeHandle(ref, () => ({
      goTo: (position) => {
        if (editor) {
          editor.goTo(offsetOf(value, position));
          return;
        }
        const textarea = textareaRef.current;
        if (!textarea) return;
        const offset = offsetOf(textarea.value, position);
        textarea.focus();
        textarea.setSelectionRange(offset, offset);
        textarea.scrollTop = Math.max(0, (position.line - 1) * LINE_HEIGHT_PX - textarea.clientHeight / 3);
        syncGutter();
        trackCaret();
      },
    }));

    const lines = value.split('\n').length;
    const editorClass = [
      'im-code-editor',
      invalid && 'im-code-editor--invalid',
      readOnly && 'im-code-editor--readonly',
    ];
    return (
      <div className="im-code-wrap">
        <div ref={hostRef} className={editorClass.filter(Boolean).join(' ')} hidden={editor === null} />
        {editor === null && (
          <div className="im-code">
            <pre ref={gutterRef} className="im-code__gutter" aria-hidden="true">
              <Gutter lines={lines} errorLine={errorLine} />
            </pre>
            <textarea
              {...control}
              ref={textareaRef}
              className="im-textarea im-code__text"
              value={value}
              readOnly={readOnly}
              wrap="off"
              spellCheck={false}
              autoCapitalize="off"
              autoComplete="off"
              rows={16}
              onChange={(event: ChangeEvent<HTMLTextAreaElement>) => {
                onChange(event.currentTarget.value);
                trackCaret();
              }}
              onScroll={syncGutter}
              onKeyUp={trackCaret}
              onClick={trackCaret}
              onFocus={trackCaret}
              onBlur={() => setCaret(null)}
            />
          </div>
        )}
        <span className="im-code__status" aria-hidden="true">
          {caret ? `Line ${caret.line}, column ${caret.column}` : `${lines} ${lines === 1 ? 'line' : 'lines'}`}
        </span>
      </div>
    );
  },
);
