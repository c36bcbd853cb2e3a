import { useCallback, useRef, useState } from 'react';

import type { IssueEmailPreview, PreviewIssueEmailInput } from '../../../src/contract/issue-email';
import type { ResolverError } from '../../../src/contract/result';
import { previewIssueEmail } from './invokes';
import type { ShownRecipients } from './recipient-state';

export type PreviewState =
  | { status: 'idle' }
  | { status: 'loading' }
  /** `shown`: the recipients as their chips read (a person whose address Jira hides by name only). */
  | { status: 'ready'; preview: IssueEmailPreview; shown: ShownRecipients }
  | { status: 'failed'; error: ResolverError };

/** Renders the form as the email it would send; a newer request's answer always wins over an older one's. */
export const useEmailPreview = () => {
  const [state, setState] = useState<PreviewState>({ status: 'idle' });
  const latest = useRef(0);

  const run = useCallback(
    async (input: PreviewIssueEmailInput, shown: ShownRecipients): Promise<ResolverError | null> => {
      const request = ++latest.current;
      setState({ status: 'loading' });
      const result = await previewIssueEmail(input);
      if (request !== latest.current) return null;
      setState(
        result.ok ? { status: 'ready', preview: result.data, shown } : { status: 'failed', error: result.error },
      );
      return result.ok ? null : result.error;
    },
    [],
  );

  const reset = useCallback(() => {
    latest.current++;
    setState({ status: 'idle' });
  }, []);

  return { state, run, reset };
};
