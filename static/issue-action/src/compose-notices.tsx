import type { RefObject } from 'react';

import type { IssueEmailDraft } from '../../../src/contract/issue-email';
import type { ResolverError } from '../../../src/contract/result';
import { SectionMessage } from '../../shared/components/section-message';

interface ComposeNoticesProps {
  draft: IssueEmailDraft;
  configured: boolean;
  /** Why the last Send failed. */
  error: ResolverError | null | undefined;
  errorRef: RefObject<HTMLDivElement | null>;
}

/** Above the form: why this person may not send, that email is not configured, or why the last Send failed. */
export const ComposeNotices = ({ draft, configured, error, errorRef }: ComposeNoticesProps) => {
  const allowed = draft.permission.allowed;
  return (
    <>
      {!allowed && (
        <SectionMessage appearance="warning" title="You can't email this issue">
          <p>{draft.permission.allowed ? '' : draft.permission.reason}</p>
        </SectionMessage>
      )}
      {allowed && !configured && (
        <SectionMessage appearance="warning" title="Email is not configured">
          <p>
            Issue Mailer has no Microsoft 365 credential yet. Ask a Jira admin to add one under Jira settings &gt; Apps
            &gt; Issue Mailer.
          </p>
        </SectionMessage>
      )}
      {error && (
        <div ref={errorRef}>
          <SectionMessage appearance="error" title="The email was not sent">
            <p>{error.message}</p>
          </SectionMessage>
        </div>
      )}
    </>
  );
};
