import { showFlag } from '@forge/bridge';
import { useState } from 'react';
import type { IssueEmailDraft, SendIssueEmailInput } from '../../../src/contract/issue-email';
import type { ResolverError } from '../../../src/contract/result';
import { closeDialog } from './close-dialog';
import { sendIssueEmail } from './invokes';
import { sentFlagDescription } from './sent-flag';

/** Sends the email; on success the product shows an "Email sent" flag and the dialog closes. */
export function useSendEmail(draft: Pick<IssueEmailDraft, 'commentAfterSend'>) {
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ResolverError | null>(null);

  const send = async (input: SendIssueEmailInput): Promise<ResolverError | null> => {
    setSending(true);
    setError(null);
    const result = await sendIssueEmail(input);
    if (result.ok) {
      showFlag({
        id: `issue-mailer-sent-${result.data.issueKey}-${result.data.sentAt}`,
        title: 'Email sent',
        description: sentFlagDescription(result.data, draft.commentAfterSend),
        type: 'success',
        isAutoDismiss: true,
      });
      await closeDialog();
      setSending(false);
      return null;
    }
    setSending(false);
    setError(result.error);
    return result.error;
  };

  return { sending, error, send };
}
