/** What Test connection and the daily expiry check tell an admin about a credential. */

/** The application permissions Issue Mailer needs, as they appear in the token's `roles` claim. */
export const REQUIRED_PERMISSIONS = ['User.Read.All', 'Mail.ReadWrite', 'Mail.Send'] as const;
export type RequiredPermission = (typeof REQUIRED_PERMISSIONS)[number];

export type DiagnosisStatus = 'passed' | 'failed' | 'warning' | 'skipped';

/** One line of the Test connection checklist. */
export interface DiagnosisStep {
  key: 'token' | 'permissions' | 'mailbox' | 'test-email';
  status: DiagnosisStatus;
  /** e.g. "Token", "Permissions", "Sender mailbox", "Test email". */
  title: string;
  /** What was found and, when something is wrong, what to click in Entra or Exchange to fix it. */
  message: string;
  /** The stable error code behind a failure or warning, e.g. TOKEN_INVALID_CLIENT_SECRET. */
  code?: string;
}

export interface PermissionStatus {
  permission: RequiredPermission;
  granted: boolean;
}

export interface ConnectionTestResult {
  /** True when mail can go out: token fetched, Mail.Send granted, mailbox reachable. */
  ok: boolean;
  /** 'OK' or the code of the first failed step. */
  code: string;
  /** One-sentence summary; the steps carry the details. */
  message: string;
  testedAt: string;
  /** The checklist, in order: token, permissions, mailbox, and the test email when asked for. */
  steps?: DiagnosisStep[];
  /** Each required application permission, granted (in the token's roles) or missing. */
  permissions?: PermissionStatus[];
  /** 'form' when the edit form's unsaved values were tested, 'saved' for the stored credential. */
  tested?: 'form' | 'saved';
  /** Authorization code credentials: the grant is gone (revoked, expired, password changed): sign in again. */
  authorizeAgain?: boolean;
}

export type CredentialWarningKind =
  | 'secret-expiring'
  | 'secret-expired'
  | 'next-secret-expiring'
  | 'next-secret-expired'
  | 'certificate-expiring'
  | 'certificate-expired'
  | 'secret-promoted'
  | 'token-refused'
  /** Authorization code credentials: Microsoft no longer accepts the signed-in mailbox's grant: Authorize again. */
  | 'authorization-lost'
  /** Authorization code credentials: the grant has gone unused for over 80 of its 90 days and could not be renewed. */
  | 'authorization-expiring';

/** Shown on top of the admin page; recorded by the daily check and by token refusals while sending. */
export interface CredentialWarning {
  credentialId: string;
  credentialName: string;
  kind: CredentialWarningKind;
  /** 'warning' for something to act on soon, 'error' for mail that no longer goes out, 'info' for news. */
  severity: 'info' | 'warning' | 'error';
  /** Safe to show, says what to do, e.g. "expired on 2026-05-01: create a new secret in Certificates & secrets". */
  message: string;
  /** The expiry date concerned, YYYY-MM-DD, when there is one. */
  date?: string;
  recordedAt: string;
}

export interface AdminWarnings {
  warnings: CredentialWarning[];
  /** When the daily check last ran, if ever. */
  checkedAt?: string;
}

/** Days before an expiry date from which the admin page warns. */
export const EXPIRY_WARNING_DAYS = 30;
