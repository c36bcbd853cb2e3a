import './code-editor.css';

import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { liquid } from '@codemirror/lang-liquid';
import { bracketMatching, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import {
  Compartment,
  EditorSelection,
  EditorState,
  type Extension,
  RangeSet,
  StateEffect,
  StateField,
} from '@codemirror/state';
import {
  Decoration,
  type DecorationSet,
  drawSelection,
  EditorView,
  gutterLineClass,
  GutterMarker,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { tagHighlighter, tags } from '@lezer/highlight';

/*
 * CodeMirror 6 for the template body: Liquid inside HTML (lang-liquid wraps lang-html), highlighted with classes
 * that code-editor.css colours from the design tokens, so light and dark follow the page. Loaded with import()
 * by code-textarea.tsx the first time a template is opened, so the admin page's first bundle does not carry it.
 *
 * Tab indents; Escape then Tab leaves the editor, CodeMirror's own escape hatch against a keyboard trap
 * (https://codemirror.net/examples/tab/), which the field's hint tells people about.
 */

export interface CodeEditorAttributes {
  id: string;
  /** The field's visible label: the content is a contenteditable, which a <label for> does not name. */
  label: string;
  describedBy?: string | undefined;
  invalid: boolean;
  required: boolean;
}

export interface CodeEditorOptions {
  doc: string;
  readOnly: boolean;
  attributes: CodeEditorAttributes;
  errorLine: number | null;
  onChange: (value: string) => void;
  /** The caret's 1-based line and column while the editor has focus; null when it loses focus. */
  onCaret: (caret: { line: number; column: number } | null) => void;
}

export interface CodeEditor {
  readonly dom: HTMLElement;
  setValue: (value: string) => void;
  setReadOnly: (readOnly: boolean) => void;
  setAttributes: (attributes: CodeEditorAttributes) => void;
  setErrorLine: (line: number | null) => void;
  /** Focuses the text with the caret at an offset, scrolled into view. */
  goTo: (offset: number) => void;
  /** Puts the caret at an offset without scrolling (carried over from the textarea). */
  select: (offset: number) => void;
  focus: () => void;
  destroy: () => void;
}

/** Token classes, coloured in code-editor.css. */
const highlighter = tagHighlighter([
  {
    tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword, tags.operatorKeyword],
    class: 'im-tok-keyword',
  },
  { tag: [tags.variableName, tags.atom], class: 'im-tok-variable' },
  { tag: tags.propertyName, class: 'im-tok-property' },
  { tag: tags.function(tags.variableName), class: 'im-tok-filter' },
  { tag: [tags.brace, tags.derefOperator, tags.punctuation, tags.bracket, tags.paren], class: 'im-tok-punctuation' },
  { tag: [tags.string, tags.attributeValue], class: 'im-tok-string' },
  { tag: [tags.number, tags.bool], class: 'im-tok-literal' },
  { tag: [tags.tagName, tags.angleBracket], class: 'im-tok-tag' },
  { tag: tags.attributeName, class: 'im-tok-attribute' },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], class: 'im-tok-comment' },
  { tag: [tags.documentMeta, tags.processingInstruction], class: 'im-tok-meta' },
  { tag: tags.invalid, class: 'im-tok-invalid' },
]);

const setErrorLine = StateEffect.define<number | null>();

const errorLineMarker = new (class extends GutterMarker {
  override elementClass = 'im-cm-error-gutter';
})();

/** The line a save or preview error names: marked in the text and in the line numbers. */
const errorLineField = StateField.define<number | null>({
  create: () => null,
  update: (line, transaction) => {
    for (const effect of transaction.effects) if (effect.is(setErrorLine)) return effect.value;
    // Editing moves the text under the error: the mark goes until the next save or preview says again.
    return transaction.docChanged ? null : line;
  },
  provide: (field) => [
    EditorView.decorations.compute([field], (state): DecorationSet => {
      const line = state.field(field);
      if (line === null || line > state.doc.lines) return Decoration.none;
      return Decoration.set(Decoration.line({ class: 'im-cm-error-line' }).range(state.doc.line(line).from));
    }),
    gutterLineClass.compute([field], (state) => {
      const line = state.field(field);
      if (line === null || line > state.doc.lines) return RangeSet.empty as RangeSet<GutterMarker>;
      return RangeSet.of(errorLineMarker.range(state.doc.line(line).from));
    }),
  ],
});

const contentAttributes = (attributes: CodeEditorAttributes): Record<string, string> => {
  const result: Record<string, string> = {
    id: attributes.id,
    'aria-label': attributes.label,
    'aria-multiline': 'true',
    spellcheck: 'false',
    autocapitalize: 'off',
    autocorrect: 'off',
  };
  if (attributes.describedBy) result['aria-describedby'] = attributes.describedBy;
  if (attributes.invalid) result['aria-invalid'] = 'true';
  if (attributes.required) result['aria-required'] = 'true';
  return result;
};

const readOnlyExtensions = (readOnly: boolean): Extension => [
  EditorState.readOnly.of(readOnly),
  EditorView.contentAttributes.of(readOnly ? { 'aria-readonly': 'true' } : {}),
];

export const createCodeEditor = (parent: HTMLElement, options: CodeEditorOptions): CodeEditor => {
  const readOnly = new Compartment();
  const attributes = new Compartment();
  const caretOf = (state: EditorState) => {
    const head = state.selection.main.head;
    const line = state.doc.lineAt(head);
    return { line: line.number, column: head - line.from + 1 };
  };

  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        drawSelection(),
        history(),
        indentOnInput(),
        bracketMatching(),
        liquid(),
        syntaxHighlighting(highlighter),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        errorLineField,
        readOnly.of(readOnlyExtensions(options.readOnly)),
        attributes.of(EditorView.contentAttributes.of(contentAttributes(options.attributes))),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
          if (update.focusChanged || (update.view.hasFocus && (update.selectionSet || update.docChanged))) {
            options.onCaret(update.view.hasFocus ? caretOf(update.state) : null);
          }
        }),
      ],
    }),
  });
  view.dispatch({ effects: setErrorLine.of(options.errorLine) });

  const clamp = (offset: number) => Math.max(0, Math.min(offset, view.state.doc.length));

  return {
    dom: view.dom,
    setValue: (value) => {
      if (value === view.state.doc.toString()) return;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value } });
    },
    setReadOnly: (value) => {
      view.dispatch({ effects: readOnly.reconfigure(readOnlyExtensions(value)) });
    },
    setAttributes: (value) => {
      view.dispatch({ effects: attributes.reconfigure(EditorView.contentAttributes.of(contentAttributes(value))) });
    },
    setErrorLine: (line) => {
      view.dispatch({ effects: setErrorLine.of(line) });
    },
    goTo: (offset) => {
      const at = clamp(offset);
      view.dispatch({ selection: EditorSelection.cursor(at), effects: EditorView.scrollIntoView(at, { y: 'center' }) });
      view.focus();
    },
    select: (offset) => {
      view.dispatch({ selection: EditorSelection.cursor(clamp(offset)) });
    },
    focus: () => {
      view.focus();
    },
    destroy: () => {
      view.destroy();
    },
  };
};
