import type { ParsedConnectionValues } from '../contract/connection-test';
import type { ConnectionTestResult, DiagnosisStep, PermissionStatus } from '../contract/credential-health';
import type { PolicyEnv } from '../http/endpoint-policy';
import type { RequestJira } from '../jira/jira-client';
import type { RefreshTokenStore } from '../oauth/refresh-token-store';
import type { TokenCache } from '../oauth/token-cache';
import { tokenFingerprint } from '../oauth/token-fingerprint';
import { processTokenMemo, type TokenMemo } from '../oauth/token-memo';
import { safeErrorLabel } from '../shared/error-names';
import type { Clock, FetchLike, Sleep } from '../shared/seams';
import { isGoogleCredential } from './credential-provider';
import type { CredentialService } from './credential-service';
import { credentialTokenDeps } from './credential-token';
import { isDelegated } from './delegated-token';
import { mailboxStep } from './diagnosis/mailbox-step';
import { PermissionsCode, permissionsStep } from './diagnosis/permissions-step';
import { skipped } from './diagnosis/step';
import { testDelegated } from './diagnosis/test-delegated';
import { type TestEmailDeps, testEmailIfJira } from './diagnosis/test-email-step';
import { sendingMailbox } from './diagnosis/test-email-step';
import { tokenStep } from './diagnosis/token-step';
import { draftFromForm, type FormDraft } from './form-draft';
import type { StoredCredential } from './stored-credential';

export interface TestConnectionDeps {
  credentials: Pick<
    CredentialService,
    'get' | 'readSecret' | 'readNextSecret' | 'readPrivateKey' | 'promoteNextSecret' | 'recordTestResult'
  >;
  tokenCache: TokenCache;
  /** Authorization code credentials: the signed-in mailbox's refresh token, renewed by the test. */
  refreshTokens: RefreshTokenStore;
  fetch: FetchLike;
  now: Clock;
  memo?: TokenMemo;
  env?: PolicyEnv;
  sleep?: Sleep;
  /** Jira as the admin who runs the test: where the test email goes. */
  requestJira?: RequestJira;
  /** Writes a test email's record into the email log (connection-test-record.ts). */
  logTestEmail?: TestEmailDeps['logTestEmail'];
  /** Told when the next secret took over from a refused current one. */
  onPromoted?: (credential: StoredCredential) => Promise<void>;
}

export interface TestConnectionOptions {
  /** Also mail the admin who runs the test, from the sender mailbox. */
  sendTestEmail?: boolean;
  /** The edit form's unsaved values: tested instead of the saved credential, and never stored. */
  values?: ParsedConnectionValues | undefined;
}

const NO_TOKEN = 'Not checked: there is no token to check with.';
const NO_PERMISSIONS =
  'Not checked: the token carries no application permissions, so Microsoft Graph refuses it for any mailbox. Grant admin consent, then test again.';

/**
 * Test connection as a diagnosis: a new token (never the cached one), the permissions it carries, the sender
 * mailbox as Graph and Exchange see it, and on request a test email to the admin. Each step says what it found
 * and what to click to fix it. The result is stored as the credential's `lastTest`; a good token replaces the
 * cached one, so fixing consent and testing again takes effect at once. With the edit form's values, those are
 * tested instead (a pasted secret used for this token request only) and nothing is stored or cached. A Google
 * Workspace credential has a checklist of its own (diagnosis/test-google.ts).
 */
export const testConnection = async (
  id: string,
  deps: TestConnectionDeps,
  options: TestConnectionOptions = {},
): Promise<ConnectionTestResult> => {
  const saved = await deps.credentials.get(id);
  if (isGoogleCredential(saved)) {
    // The form's values are Microsoft's fields (connectionValuesSchema): a Google credential is tested as saved.
    // Its test (jose to sign, nodemailer for the test email) is a chunk of its own, loaded only to test Google.
    const { testGoogle } = await import(/* webpackChunkName: "google-connection-test" */ './diagnosis/test-google');
    const steps = await testGoogle(saved, deps, options);
    return finish(id, steps, { sender: saved.senderMailbox, draft: undefined }, deps);
  }
  const draft =
    options.values === undefined
      ? undefined
      : draftFromForm(saved, options.values, deps.credentials, {
          now: deps.now(),
          ...(deps.env === undefined ? {} : { env: deps.env }),
        });
  const credential = draft?.credential ?? saved;
  if (isDelegated(credential)) {
    const tested = await testDelegated(credential, draft, deps, options);
    return finish(
      id,
      tested.steps,
      { sender: sendingMailbox(credential), draft, authorizeAgain: tested.authorizeAgain },
      deps,
    );
  }
  const steps: DiagnosisStep[] = [];
  const { step: token, token: got } = await tokenStep(
    credential,
    draft === undefined ? credentialTokenDeps(deps) : { ...credentialTokenDeps(deps), credentials: draft.secrets },
  );
  steps.push(token);

  let permissions: ReturnType<typeof permissionsStep> | undefined;
  if (got === undefined) {
    steps.push(skipped('permissions', NO_TOKEN), skipped('mailbox', NO_TOKEN));
    if (options.sendTestEmail === true) steps.push(skipped('test-email', 'Not sent: there is no token to send with.'));
  } else {
    // A token from unsaved values must not serve mail sent with the saved credential.
    if (draft === undefined) await cacheToken(got.credential, got.token, deps);
    permissions = permissionsStep(got.token.accessToken);
    steps.push(permissions.step);
    // Graph refuses a token without roles outright (401 NoPermissionsInAccessToken): nothing more to learn.
    const noPermissions = permissions.step.code === PermissionsCode.NoConsent;
    const graph = {
      fetch: deps.fetch,
      graphBaseUrl: got.credential.graphBaseUrl,
      ...(deps.env === undefined ? {} : { env: deps.env }),
    };
    const mailbox = noPermissions
      ? skipped('mailbox', NO_PERMISSIONS)
      : await mailboxStep(got.credential.senderMailbox, got.token.accessToken, graph, permissions.granted);
    steps.push(mailbox);
    if (options.sendTestEmail === true) {
      if (noPermissions) {
        steps.push(skipped('test-email', 'Not sent: the token carries no application permissions.'));
      } else if (permissions.granted !== undefined && !permissions.granted.has('Mail.Send')) {
        steps.push(skipped('test-email', 'Not sent: the token lacks the Mail.Send permission.'));
      } else if (mailbox.status === 'failed') {
        steps.push(skipped('test-email', 'Not sent: the sender mailbox check failed.'));
      } else {
        steps.push(await testEmailIfJira(got.credential, got.token.accessToken, deps));
      }
    }
  }

  return finish(
    id,
    steps,
    {
      sender: got?.credential.senderMailbox ?? credential.senderMailbox,
      draft,
      ...(permissions?.permissions === undefined ? {} : { permissions: permissions.permissions }),
    },
    deps,
  );
};

/** The result of a checklist, stored as the saved credential's last test unless unsaved values were tested. */
const finish = async (
  id: string,
  steps: DiagnosisStep[],
  about: {
    sender: string;
    draft: FormDraft | undefined;
    permissions?: PermissionStatus[];
    authorizeAgain?: boolean;
  },
  deps: TestConnectionDeps,
): Promise<ConnectionTestResult> => {
  const failed = steps.find((entry) => entry.status === 'failed');
  const warned = steps.some((entry) => entry.status === 'warning');
  const result: ConnectionTestResult = {
    ok: failed === undefined,
    code: failed === undefined ? 'OK' : (failed.code ?? 'CONNECTION_FAILED'),
    message:
      failed?.message ??
      `Connected: mail can go out from ${about.sender}.${warned ? ' Some checks need attention; see the checklist.' : ''}`,
    testedAt: new Date(deps.now()).toISOString(),
    steps,
    ...(about.permissions === undefined ? {} : { permissions: about.permissions }),
    tested: about.draft === undefined ? 'saved' : 'form',
    ...(about.authorizeAgain === true ? { authorizeAgain: true } : {}),
  };
  // The list's health describes the saved credential: a test of values it does not have says nothing about it.
  if (about.draft === undefined) await deps.credentials.recordTestResult(id, result);
  return result;
};

/** The fresh token serves the next emails too; a failed write only costs the next invocation a token request. */
const cacheToken = async (
  credential: StoredCredential,
  token: { accessToken: string; expiresAt: number },
  deps: TestConnectionDeps,
): Promise<void> => {
  const fingerprint = tokenFingerprint(credential);
  (deps.memo ?? processTokenMemo).put(credential.id, fingerprint, token);
  try {
    await deps.tokenCache.put(credential.id, fingerprint, token);
  } catch (error) {
    console.warn(`[issue-mailer] token cache write failed: ${safeErrorLabel(error)}`);
  }
};
