import type { FormEvent } from 'react';

import { Field } from '../../../shared/components/field';
import { SectionMessage } from '../../../shared/components/section-message';
import { type SourcePosition, templateFieldId } from './template-state';
import { UnknownPlaceholdersMessage } from './unknown-placeholders-message';
import type { PreviewOutcome } from './use-template-preview';

interface TemplatePreviewPanelProps {
  issueKey: string;
  issueKeyError: string | undefined;
  outcome: PreviewOutcome;
  busy: boolean;
  onIssueKeyChange: (value: string) => void;
  onPreview: () => void;
  /** Moves the editor's caret to an unknown placeholder in the body. */
  onGoTo: (position: SourcePosition) => void;
}

const PREVIEW_TITLE = 'template-preview-title';

/**
 * Renders the editor's text as an email. The HTML goes into a sandboxed frame (no scripts, no same origin), so a
 * template can show anything without touching this page. A form of its own: Enter in "Issue key" previews.
 */
export const TemplatePreviewPanel = (props: TemplatePreviewPanelProps) => {
  const { issueKey, issueKeyError, outcome, busy } = props;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!busy) props.onPreview();
  };
  const preview = outcome?.kind === 'rendered' ? outcome.preview : null;
  // A refusal about the key alone already shows beside the field.
  const errorMessage =
    outcome?.kind === 'error' && outcome.error.message !== issueKeyError ? outcome.error.message : null;

  return (
    <section className="im-preview" aria-labelledby={PREVIEW_TITLE} aria-busy={busy}>
      <h4 id={PREVIEW_TITLE} className="im-preview__title">
        Preview
      </h4>
      <form className="im-preview__controls" noValidate onSubmit={onSubmit}>
        <Field
          id={templateFieldId('issueKey')}
          label="Issue key"
          error={issueKeyError}
          hint="For example DEMO-1. Leave empty to use a sample issue."
        >
          {(control) => (
            <input
              {...control}
              className="im-input im-input--issue-key"
              type="text"
              value={issueKey}
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => props.onIssueKeyChange(event.currentTarget.value)}
            />
          )}
        </Field>
        <button type="submit" className="im-button" aria-disabled={busy}>
          {busy && <span className="im-spinner" aria-hidden="true" />}
          Preview
        </button>
      </form>
      {busy && (
        <p role="status" className="im-secondary">
          Rendering the preview…
        </p>
      )}
      {errorMessage && (
        <SectionMessage appearance="error" title="The preview could not be rendered">
          <p>{errorMessage}</p>
        </SectionMessage>
      )}
      {preview && (
        <div className="im-preview__result">
          <p className="im-secondary" role="status">
            {preview.renderedWith === 'sample'
              ? 'Rendered with the sample issue.'
              : `Rendered with ${preview.renderedWith}.`}
          </p>
          <UnknownPlaceholdersMessage placeholders={preview.unknownPlaceholders} onGoTo={props.onGoTo} />
          <dl className="im-facts">
            <dt>Subject</dt>
            <dd className="im-break">{preview.subject}</dd>
          </dl>
          <div className="im-preview__frame-wrap">
            <iframe className="im-preview__frame" title="Email body preview" sandbox="" srcDoc={preview.html} />
          </div>
        </div>
      )}
    </section>
  );
};
