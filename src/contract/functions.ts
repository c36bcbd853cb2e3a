import type { AdminWarnings, ConnectionTestResult } from './credential-health';
import type { CredentialInput, CredentialView } from './credentials';
import type { IssueEmailDraft, SendIssueEmailInput, SentIssueEmail } from './issue-email';

/**
 * Every resolver function a Custom UI may invoke: its payload and the data of a successful answer.
 * The backend defines them with these keys; each UI calls them through its own typed invokes module.
 */
export interface AdminFunctions {
  listCredentials: { payload: Record<string, never>; data: CredentialView[] };
  saveCredential: { payload: CredentialInput; data: CredentialView };
  deleteCredential: { payload: { id: string }; data: { id: string } };
  /** `sendTestEmail` also mails the calling admin (their Jira email address) through the credential. */
  testConnection: { payload: { id: string; sendTestEmail?: boolean }; data: ConnectionTestResult };
  setDefaultCredential: { payload: { id: string }; data: CredentialView };
  listWarnings: { payload: Record<string, never>; data: AdminWarnings };
}

export interface IssueActionFunctions {
  getEmailDraft: { payload: Record<string, never>; data: IssueEmailDraft };
  sendIssueEmail: { payload: SendIssueEmailInput; data: SentIssueEmail };
}
