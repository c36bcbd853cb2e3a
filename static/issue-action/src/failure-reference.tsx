import { useRef, useState } from 'react';

import { formatDateTime } from './format';
import type { FailureReference as Reference } from './send-block';

export const referenceText = (reference: Reference): string =>
  reference.failedAt === undefined ? reference.emailId : `${reference.emailId} (${formatDateTime(reference.failedAt)})`;

/**
 * The failed email's id and time, for the sender to pass on to an admin, who finds it in the email log. Outside
 * the live region, so a screen reader hears the failure once and can reach this at leisure.
 */
export const FailureReference = ({ reference }: { reference: Reference }) => {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'copied' | 'select' | null>(null);
  const text = referenceText(reference);

  const copy = async () => {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(text);
      setCopied('copied');
    } catch {
      // The frame may not be allowed the clipboard: the text is selected for Ctrl+C instead.
      setCopied('select');
    }
  };

  return (
    <div className="im-delivery__reference">
      <label htmlFor="failure-reference" className="im-secondary">
        Reference for your Jira admin
      </label>
      <div className="im-delivery__reference-row">
        <input
          ref={input}
          id="failure-reference"
          className="im-input"
          readOnly
          value={text}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="im-button" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p className="im-secondary" role="status">
        {copied === 'copied' ? 'Copied.' : copied === 'select' ? 'Selected: press Ctrl+C to copy.' : ''}
      </p>
    </div>
  );
};
