import { showFlag } from '@forge/bridge';
import { useState } from 'react';

import type { IssueEmailDraft, SendIssueEmailInput } from '../../../src/contract/issue-email';
import type { ResolverError } from '../../../src/contract/result';
import type { DeliveryProgress } from './delivery-tracker';
import { sendIssueEmail } from './invokes';
import { sendStage } from './send-stage';
import { sentFlagDescription } from './sent-flag';
import { type DeliverySeams, useDelivery } from './use-delivery';

/**
 * Queues the email and follows it; when Microsoft 365 accepted it the product also shows an "Email sent" flag.
 * The dialog stays open so the person sees the outcome.
 */
export const useSendEmail = (
  draft: Pick<IssueEmailDraft, 'issueKey'>,
  onEnd: (progress: DeliveryProgress) => void,
  seams?: DeliverySeams,
) => {
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ResolverError | null>(null);
  const delivery = useDelivery((progress) => {
    if (progress.phase === 'final' && progress.view.status === 'sent') {
      showFlag({
        id: `issue-mailer-sent-${progress.view.emailId}`,
        title: 'Email sent',
        description: sentFlagDescription(draft.issueKey, progress.view),
        type: 'success',
        isAutoDismiss: true,
      });
    }
    onEnd(progress);
  }, seams);

  const send = async (input: SendIssueEmailInput): Promise<ResolverError | null> => {
    setSending(true);
    setError(null);
    delivery.reset();
    const result = await sendIssueEmail(input);
    setSending(false);
    if (result.ok) {
      delivery.follow(result.data);
      return null;
    }
    setError(result.error);
    return result.error;
  };

  return { sending, error, send, progress: delivery.progress, stage: sendStage(delivery.progress) };
};
