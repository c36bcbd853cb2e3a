import { useRef } from 'react';

import type { TemplateView } from '../../../../src/contract';
import { Field } from '../../../shared/components/field';
import { SaveMessages } from '../shared/save-messages';
import type { CodeTextareaHandle } from './code-textarea';
import { PlaceholderReference } from './placeholder-reference';
import { TemplateBodyField } from './template-body-field';
import { TemplatePreviewPanel } from './template-preview-panel';
import { templateFieldId } from './template-state';
import { UnknownPlaceholdersMessage } from './unknown-placeholders-message';
import { type TemplateEditorOptions, useTemplateEditor } from './use-template-editor';
import { useTemplatePreview } from './use-template-preview';

interface TemplateEditorProps extends TemplateEditorOptions {
  onDuplicate: (template: TemplateView) => void;
  onClose: () => void;
}

export const TEMPLATE_EDITOR_TITLE = 'template-editor-title';

const editorTitle = (target: TemplateEditorOptions['target']): string => {
  switch (target.kind) {
    case 'new':
      return 'Create template';
    case 'edit':
      return `Edit template: ${target.template.name}`;
    case 'view':
      return `Built-in template: ${target.template.name}`;
  }
};

/** Creates, edits or (the built-in one) shows a template: Name, Subject, HTML body, a preview and the placeholders. */
export const TemplateEditor = ({ onDuplicate, onClose, ...options }: TemplateEditorProps) => {
  const { formRef, headingRef, ...editor } = useTemplateEditor(options);
  const preview = useTemplatePreview((errors) => editor.showErrors(errors, false));
  const bodyRef = useRef<CodeTextareaHandle>(null);
  const { values, errors, notice, saving, readOnly } = editor;
  const { target } = options;

  return (
    <div className="im-template-editor">
      <form
        ref={formRef}
        className="im-form"
        noValidate
        aria-labelledby={TEMPLATE_EDITOR_TITLE}
        aria-busy={saving}
        onSubmit={(event) => void editor.onSubmit(event)}
      >
        <div className="im-form__header">
          <h3 id={TEMPLATE_EDITOR_TITLE} ref={headingRef} tabIndex={-1}>
            {editorTitle(target)}
          </h3>
          <p className="im-secondary">
            {readOnly
              ? 'The built-in template cannot be changed. Duplicate it to make one of your own.'
              : 'Write the subject and body in Liquid; placeholders take their values from the issue being emailed.'}
          </p>
        </div>

        <div className="im-template-editor__layout">
          <div className="im-template-editor__fields">
            <Field
              id={templateFieldId('name')}
              label="Name"
              required={!readOnly}
              error={errors.name}
              hint="Shown to admins only."
            >
              {(control) => (
                <input
                  {...control}
                  className="im-input"
                  type="text"
                  autoComplete="off"
                  value={values.name}
                  readOnly={readOnly}
                  onChange={(event) => editor.update('name', event.currentTarget.value)}
                />
              )}
            </Field>

            <Field
              id={templateFieldId('subject')}
              label="Subject"
              required={!readOnly}
              error={errors.subject}
              hint={
                <>
                  One line of Liquid, for example <code>{'[{{ issue.key }}] {{ issue.summary }}'}</code>.
                </>
              }
            >
              {(control) => (
                <input
                  {...control}
                  className="im-input im-input--code"
                  type="text"
                  autoComplete="off"
                  spellCheck={false}
                  value={values.subject}
                  readOnly={readOnly}
                  onChange={(event) => editor.update('subject', event.currentTarget.value)}
                />
              )}
            </Field>

            <TemplateBodyField
              editorRef={bodyRef}
              value={values.body}
              readOnly={readOnly}
              error={errors.body}
              onChange={(value) => editor.update('body', value)}
            />
          </div>

          <aside className="im-template-editor__aside" aria-label="Placeholders reference">
            <PlaceholderReference />
          </aside>
        </div>

        <div className="im-form__footer">
          <div className="im-button-row">
            {readOnly ? (
              target.kind === 'view' && (
                <button type="button" className="im-button" onClick={() => onDuplicate(target.template)}>
                  Duplicate
                </button>
              )
            ) : (
              <button type="submit" className="im-button im-button--primary" aria-disabled={saving}>
                {saving && <span className="im-spinner im-spinner--inverse" aria-hidden="true" />}
                Save template
              </button>
            )}
            <button type="button" className="im-button im-button--subtle" onClick={onClose}>
              {readOnly ? 'Close' : 'Cancel'}
            </button>
          </div>
        </div>

        <SaveMessages
          saving={saving}
          saved={
            notice?.kind === 'saved'
              ? {
                  title: 'Template saved',
                  text: `“${notice.name}” is saved. Choose it for a project under Sending settings.`,
                }
              : null
          }
          failed={
            notice?.kind === 'error'
              ? { title: 'The template was not saved', message: notice.error.message, otherErrors: notice.otherErrors }
              : null
          }
        />
        {notice?.kind === 'saved' && (
          <UnknownPlaceholdersMessage
            placeholders={notice.unknownPlaceholders}
            onGoTo={(position) => bodyRef.current?.goTo(position)}
          />
        )}
      </form>

      <TemplatePreviewPanel
        issueKey={preview.issueKey}
        issueKeyError={preview.issueKeyError}
        outcome={preview.outcome}
        busy={preview.busy}
        onIssueKeyChange={preview.changeIssueKey}
        onPreview={() => void preview.run(values)}
        onGoTo={(position) => bodyRef.current?.goTo(position)}
      />
    </div>
  );
};
