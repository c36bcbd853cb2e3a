import type { IssueEmailDraft } from '../contract/issue-email';
import type { CredentialService } from '../credentials/credential-service';
import type { IssueSnapshot } from '../jira/issue';
import { defaultSubject } from './issue-email-composer';

export interface EmailDraftDeps {
  credentials: Pick<CredentialService, 'findDefault'>;
  readIssue(issueKey: string): Promise<IssueSnapshot>;
}

/** What the issue action's form starts with: the default subject and the mailbox mail will come from. */
export const getEmailDraft = async (issueKey: string, deps: EmailDraftDeps): Promise<IssueEmailDraft> => {
  const [credential, issue] = await Promise.all([deps.credentials.findDefault(), deps.readIssue(issueKey)]);
  return {
    issueKey: issue.key,
    issueSummary: issue.summary,
    subject: defaultSubject(issue),
    senderMailbox: credential?.senderMailbox ?? null,
  };
};
