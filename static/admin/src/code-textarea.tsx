import { forwardRef, useImperativeHandle, useRef, useState, type ChangeEvent } from 'react';
import type { FieldControlProps } from '../../shared/components/field';
import { offsetOf, positionOf, type SourcePosition } from './template-state';

/** Must match .im-code's line-height, so "go to line" lands where the gutter says. */
const LINE_HEIGHT_PX = 20;

interface CodeTextareaProps {
  control: FieldControlProps;
  value: string;
  readOnly: boolean;
  /** The line the field's error is about, marked in the gutter. */
  errorLine: number | null;
  onChange(value: string): void;
}

export interface CodeTextareaHandle {
  /** Focuses the text with the caret at a line and column, scrolled into view. */
  goTo(position: SourcePosition): void;
}

/** Line numbers for the gutter: text, with the error line as its own span so it can be marked. */
function Gutter({ lines, errorLine }: { lines: number; errorLine: number | null }) {
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
}

/**
 * A monospace textarea with line numbers and the caret's line and column, so an error's "Line 3, column 5" can be
 * found. Lines do not wrap, which keeps the gutter aligned. No editor library: the page stays small.
 */
export const CodeTextarea = forwardRef<CodeTextareaHandle, CodeTextareaProps>(function CodeTextarea(
  { control, value, readOnly, errorLine, onChange },
  ref,
) {
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const gutterRef = useRef<HTMLPreElement>(null);
  const [caret, setCaret] = useState<SourcePosition | null>(null);

  const syncGutter = () => {
    if (gutterRef.current && textareaRef.current) gutterRef.current.scrollTop = textareaRef.current.scrollTop;
  };
  const trackCaret = () => {
    const textarea = textareaRef.current;
    if (textarea) setCaret(positionOf(textarea.value, textarea.selectionStart));
  };

  useImperativeHandle(ref, () => ({
    goTo(position) {
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
  return (
    <div className="im-code-wrap">
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
      <span className="im-code__status" aria-hidden="true">
        {caret ? `Line ${caret.line}, column ${caret.column}` : `${lines} ${lines === 1 ? 'line' : 'lines'}`}
      </span>
    </div>
  );
});
