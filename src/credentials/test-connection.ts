import type { ParsedConnectionValues } from '../contract/connection-test';
import type { ConnectionTestResult, DiagnosisStep, PermissionStatus } from '../contract/credential-health';
import type { AccessToken } from '../oauth/token-client';
import { tokenFingerprint } from '../oauth/token-fingerprint';
import { processTokenMemo } from '../oauth/token-memo';
import { safeErrorLabel } from '../shared/error-names';
import type { CredentialService } from './credential-service';
import type { ConnectionDiagnoses, DiagnosisDeps } from './diagnosis/connection-diagnosis';
import { draftFromForm, type FormDraft } from './form-draft';
import type { StoredCredential } from './stored-credential';

export interface TestConnectionDeps extends Omit<DiagnosisDeps, 'credentials' | 'keepToken'> {
  credentials: Pick<
    CredentialService,
    'get' | 'readSecret' | 'readNextSecret' | 'readPrivateKey' | 'promoteNextSecret' | 'recordTestResult'
  >;
  /** Each mail service's checklist, picked by the credential (the composition root fills it from providers/). */
  diagnoses: ConnectionDiagnoses;
}

export interface TestConnectionOptions {
  /** Also mail the admin who runs the test, from the sender mailbox. */
  sendTestEmail?: boolean;
  /** The edit form's unsaved values: tested instead of the saved credential, and never stored. */
  values?: ParsedConnectionValues | undefined;
}

/**
 * Test connection as a diagnosis: the credential's mail service runs its checklist (a new token, never the cached
 * one; what it permits; the sender mailbox; on request a test email to the admin), each step saying what it found
 * and what to click to fix it. The result is stored as the credential's `lastTest`; a good token replaces the cached
 * one, so fixing consent and testing again takes effect at once. With the edit form's values, those are tested
 * instead (a pasted secret used for this token request only) and nothing is stored or cached.
 */
export const testConnection = async (
  id: string,
  deps: TestConnectionDeps,
  options: TestConnectionOptions = {},
): Promise<ConnectionTestResult> => {
  const saved = await deps.credentials.get(id);
  const diagnosis = await deps.diagnoses(saved);
  const draft =
    options.values === undefined || !diagnosis.testsFormValues
      ? undefined
      : draftFromForm(saved, options.values, deps.credentials, {
          now: deps.now(),
          ...(deps.env === undefined ? {} : { env: deps.env }),
        });
  const { diagnoses: _diagnoses, ...rest } = deps;
  const outcome = await diagnosis.diagnose(
    draft?.credential ?? saved,
    draft,
    {
      ...rest,
      // A token from unsaved values must not serve mail sent with the saved credential.
      keepToken: draft === undefined ? (credential, token) => cacheToken(credential, token, deps) : noKeeping,
    },
    { ...(options.sendTestEmail === undefined ? {} : { sendTestEmail: options.sendTestEmail }) },
  );
  return finish(
    id,
    outcome.steps,
    {
      sender: outcome.sender,
      draft,
      ...(outcome.permissions === undefined ? {} : { permissions: outcome.permissions }),
      ...(outcome.authorizeAgain === undefined ? {} : { authorizeAgain: outcome.authorizeAgain }),
    },
    deps,
  );
};

const noKeeping = (): Promise<void> => Promise.resolve();

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
  token: AccessToken,
  deps: Pick<TestConnectionDeps, 'memo' | 'tokenCache'>,
): Promise<void> => {
  const fingerprint = tokenFingerprint(credential);
  (deps.memo ?? processTokenMemo).put(credential.id, fingerprint, token);
  try {
    await deps.tokenCache.put(credential.id, fingerprint, token);
  } catch (error) {
    console.warn(`[issue-mailer] token cache write failed: ${safeErrorLabel(error)}`);
  }
};
