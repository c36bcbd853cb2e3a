import { useEffect, useRef } from 'react';

import { SectionMessage } from '../../shared/components/section-message';
import { formatBytes, plural } from './format';
import type { PreviewState } from './use-email-preview';

interface PreviewPanelProps {
  state: PreviewState;
  onEdit: () => void;
}

const list = (recipients: readonly string[]) => recipients.join(', ');

/**
 * The email as it would go out. The HTML is shown in a sandboxed frame (no scripts, no same origin), so nothing in
 * an issue's description can touch this page.
 */
export const PreviewPanel = ({ state, onEdit }: PreviewPanelProps) => {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <section className="im-preview" aria-labelledby="preview-title" aria-busy={state.status === 'loading'}>
      <div className="im-preview__header">
        <h2 id="preview-title" className="im-section-title" tabIndex={-1} ref={headingRef}>
          Preview
        </h2>
        <button type="button" className="im-button im-button--subtle" onClick={onEdit}>
          Edit email
        </button>
      </div>
      {state.status === 'loading' && (
        <p role="status" className="im-secondary">
          <span className="im-spinner" aria-hidden="true" /> Rendering the email…
        </p>
      )}
      {state.status === 'failed' && (
        <SectionMessage appearance="error" title="The preview could not be shown">
          <p>{state.error.message}</p>
        </SectionMessage>
      )}
      {state.status === 'ready' && (
        <>
          <dl className="im-facts">
            <dt>Subject</dt>
            <dd>{state.preview.subject}</dd>
            {state.shown.to.length > 0 && (
              <>
                <dt>To</dt>
                <dd>{list(state.shown.to)}</dd>
              </>
            )}
            {state.shown.cc.length > 0 && (
              <>
                <dt>Cc</dt>
                <dd>{list(state.shown.cc)}</dd>
              </>
            )}
            {state.shown.bcc.length > 0 && (
              <>
                <dt>Bcc</dt>
                <dd>{list(state.shown.bcc)}</dd>
              </>
            )}
            <dt>Attachments</dt>
            <dd>
              {state.preview.attachments.length === 0 ? (
                'None'
              ) : (
                <>
                  <ul className="im-preview__files">
                    {state.preview.attachments.map((file, index) => (
                      <li key={`${file.filename}-${index}`}>
                        {file.filename} <span className="im-secondary">{formatBytes(file.size)}</span>
                        {file.inline && <span className="im-secondary"> · shown in the body</span>}
                        {!file.inline && file.shownInBody === true && (
                          <span className="im-secondary"> · also shown in the body</span>
                        )}
                      </li>
                    ))}
                  </ul>
                  <span className="im-secondary">
                    {plural(state.preview.attachments.length, 'file')}, {formatBytes(state.preview.attachmentBytes)} in
                    total
                  </span>
                </>
              )}
            </dd>
          </dl>
          <div className="im-preview__frame-wrap">
            <iframe className="im-preview__frame" title="Email preview" sandbox="" srcDoc={state.preview.html} />
          </div>
        </>
      )}
    </section>
  );
};
