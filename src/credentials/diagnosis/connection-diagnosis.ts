import type { DiagnosisStep, PermissionStatus } from '../../contract/credential-health';
import type { PolicyEnv } from '../../http/endpoint-policy';
import type { RefreshTokenStore } from '../../oauth/refresh-token-store';
import type { TokenCache } from '../../oauth/token-cache';
import type { AccessToken } from '../../oauth/token-client';
import type { TokenMemo } from '../../oauth/token-memo';
import type { Clock, FetchLike, Sleep } from '../../shared/seams';
import type { CredentialService } from '../credential-service';
import type { FormDraft } from '../form-draft';
import type { StoredCredential } from '../stored-credential';
import type { TestEmailDeps } from './test-email-step';

/*
 * The port between Test connection (test-connection.ts: the report, its record, the token memo) and a mail
 * service's own checklist, which the composition root fills from the provider registry.
 */

/** What a provider's checklist may use: storage, the network, Jira as the admin, the email log. */
export interface DiagnosisDeps {
  credentials: Pick<CredentialService, 'readSecret' | 'readNextSecret' | 'readPrivateKey' | 'promoteNextSecret'>;
  tokenCache: TokenCache;
  /** Authorization code credentials: the signed-in mailbox's refresh token, renewed by the test. */
  refreshTokens: RefreshTokenStore;
  fetch: FetchLike;
  now: Clock;
  memo?: TokenMemo;
  env?: PolicyEnv;
  sleep?: Sleep;
  /** Jira as the admin who runs the test: where the test email goes. */
  requestJira?: TestEmailDeps['requestJira'];
  logTestEmail?: TestEmailDeps['logTestEmail'];
  /** Told when the next secret took over from a refused current one. */
  onPromoted?: (credential: StoredCredential) => Promise<void>;
  /**
   * Keeps a new token of the saved credential for the next emails (never one of unsaved values), at the moment the
   * checklist got it.
   */
  keepToken: (credential: StoredCredential, token: AccessToken) => Promise<void>;
}

/** What a checklist found, and what the report says beside its steps. */
export interface DiagnosisOutcome {
  steps: DiagnosisStep[];
  /** The mailbox mail goes out from, named when every step passed. */
  sender: string;
  /** The required permissions, each granted or not, where the token shows them. */
  permissions?: PermissionStatus[];
  /** Only a new sign-in helps. */
  authorizeAgain?: boolean;
}

/** One mail service's Test connection. */
export interface ConnectionDiagnosis {
  /**
   * Whether the edit form's unsaved values can be tested: the form's values are one service's fields, so another's
   * credential is tested as saved.
   */
  testsFormValues: boolean;
  diagnose: (
    credential: StoredCredential,
    draft: FormDraft | undefined,
    deps: DiagnosisDeps,
    options: { sendTestEmail?: boolean },
  ) => Promise<DiagnosisOutcome>;
}

/** The checklist of a stored credential's mail service (a service's code may load on first use). */
export type ConnectionDiagnoses = (credential: StoredCredential) => Promise<ConnectionDiagnosis>;
