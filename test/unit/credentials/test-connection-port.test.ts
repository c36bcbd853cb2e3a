import { connectionValuesSchema } from '../../../src/contract/connection-test';
import type { DiagnosisStep } from '../../../src/contract/credential-health';
import { createCredentialService } from '../../../src/credentials/credential-service';
import { createCredentialStore } from '../../../src/credentials/credential-store';
import type {
  ConnectionDiagnosis,
  DiagnosisDeps,
  DiagnosisOutcome,
} from '../../../src/credentials/diagnosis/connection-diagnosis';
import type { FormDraft } from '../../../src/credentials/form-draft';
import type { StoredCredential } from '../../../src/credentials/stored-credential';
import { testConnection } from '../../../src/credentials/test-connection';
import { createRefreshTokenStore } from '../../../src/oauth/refresh-token-store';
import { createTokenCache } from '../../../src/oauth/token-cache';
import { tokenFingerprint } from '../../../src/oauth/token-fingerprint';
import { TokenMemo } from '../../../src/oauth/token-memo';
import { credentialInput, parsedInput, sequentialIds } from '../support/credentials';
import { MemoryKvStore } from '../support/memory-kv-store';

const NOW = Date.parse('2024-05-06T06:00:00Z');
const TOKEN = { accessToken: 'fresh-token', expiresAt: NOW + 3_600_000 };

const passed = (key: DiagnosisStep['key'], message: string): DiagnosisStep => ({
  key,
  status: 'passed',
  title: key,
  message,
});

interface Seen {
  credential: StoredCredential;
  draft: FormDraft | undefined;
  sendTestEmail: boolean | undefined;
}

/** A mail service's checklist that keeps the token it got and answers `steps`. */
const fakeDiagnosis = (
  testsFormValues: boolean,
  seen: Seen[],
  outcome: Partial<DiagnosisOutcome> = {},
): ConnectionDiagnosis => ({
  testsFormValues,
  diagnose: async (credential, draft, deps: DiagnosisDeps, options) => {
    seen.push({ credential, draft, sendTestEmail: options.sendTestEmail });
    await deps.keepToken(credential, TOKEN);
    return { steps: [passed('token', 'Got a token.')], sender: 'out@contoso.com', ...outcome };
  },
});

const setup = async (diagnosis: ConnectionDiagnosis) => {
  const kv = new MemoryKvStore();
  const credentials = createCredentialService({
    store: createCredentialStore(kv),
    now: () => NOW,
    newId: sequentialIds(),
    env: {},
  });
  await credentials.save(parsedInput());
  const memo = new TokenMemo();
  const tokenCache = createTokenCache(kv);
  const asked: StoredCredential[] = [];
  const deps = {
    credentials,
    tokenCache,
    refreshTokens: createRefreshTokenStore(kv),
    fetch: () => Promise.reject(new Error('no network in this test')),
    now: () => NOW,
    memo,
    env: {},
    diagnoses: async (credential: StoredCredential) => {
      asked.push(credential);
      return diagnosis;
    },
  };
  return { credentials, memo, tokenCache, deps, asked };
};

/** The edit form's values, a new client ID typed. */
const values = () => {
  const { name: _name, id: _id, ...connection } = credentialInput();
  return connectionValuesSchema.parse({ ...connection, clientId: '99999999-2222-3333-4444-555555555555' });
};

describe('Test connection over the provider port', () => {
  it("runs the saved credential's checklist, keeps the token it got and records the result", async () => {
    const seen: Seen[] = [];
    const { credentials, memo, tokenCache, deps, asked } = await setup(fakeDiagnosis(true, seen));
    const saved = await credentials.get('cred-1');

    const result = await testConnection('cred-1', deps, { sendTestEmail: true });

    expect(asked).toEqual([saved]);
    expect(seen).toEqual([{ credential: saved, draft: undefined, sendTestEmail: true }]);
    expect(result).toEqual({
      ok: true,
      code: 'OK',
      message: 'Connected: mail can go out from out@contoso.com.',
      testedAt: '2024-05-06T06:00:00.000Z',
      steps: [passed('token', 'Got a token.')],
      tested: 'saved',
    });
    expect((await credentials.get('cred-1')).lastTest).toEqual(result);
    const fingerprint = tokenFingerprint(saved);
    expect(memo.get('cred-1', fingerprint, NOW)).toEqual(TOKEN);
    await expect(tokenCache.get('cred-1', fingerprint, NOW)).resolves.toEqual(TOKEN);
  });

  it("tests the form's values as a draft where the service can: nothing kept, nothing recorded", async () => {
    const seen: Seen[] = [];
    const { credentials, memo, tokenCache, deps } = await setup(fakeDiagnosis(true, seen));
    const before = await credentials.get('cred-1');

    const result = await testConnection('cred-1', deps, { values: values() });

    expect(seen).toHaveLength(1);
    expect(seen[0]?.draft?.credential).toBe(seen[0]?.credential);
    expect(seen[0]?.credential.clientId).toBe('99999999-2222-3333-4444-555555555555');
    expect(seen[0]?.sendTestEmail).toBeUndefined();
    expect(result).toMatchObject({ ok: true, tested: 'form' });
    expect(await credentials.get('cred-1')).toEqual(before);
    const fingerprint = tokenFingerprint(seen[0]!.credential);
    expect(memo.get('cred-1', fingerprint, NOW)).toBeUndefined();
    await expect(tokenCache.get('cred-1', fingerprint, NOW)).resolves.toBeUndefined();
  });

  it("tests the saved credential where the service's form is another's, and records that", async () => {
    const seen: Seen[] = [];
    const { credentials, deps } = await setup(fakeDiagnosis(false, seen));
    const saved = await credentials.get('cred-1');

    const result = await testConnection('cred-1', deps, { values: values() });

    expect(seen).toEqual([{ credential: saved, draft: undefined, sendTestEmail: undefined }]);
    expect(result).toMatchObject({ ok: true, tested: 'saved' });
    expect((await credentials.get('cred-1')).lastTest).toEqual(result);
  });

  it.each<[string, Partial<DiagnosisOutcome>, Record<string, unknown>]>([
    [
      'the first failed step, its code and words',
      {
        steps: [
          { key: 'token', status: 'warning', title: 'Token', message: 'Odd.' },
          { key: 'mailbox', status: 'failed', title: 'Sender mailbox', message: 'No such mailbox.', code: 'NOPE' },
          { key: 'test-email', status: 'failed', title: 'Test email', message: 'Not this one.', code: 'LATER' },
        ],
      },
      { ok: false, code: 'NOPE', message: 'No such mailbox.' },
    ],
    [
      'a failed step without a code as CONNECTION_FAILED',
      { steps: [{ key: 'token', status: 'failed', title: 'Token', message: 'Refused.' }] },
      { ok: false, code: 'CONNECTION_FAILED', message: 'Refused.' },
    ],
    [
      'a warning as a pass that needs attention, with the permissions and Authorize again',
      {
        steps: [{ key: 'permissions', status: 'warning', title: 'Permissions', message: 'Some missing.' }],
        permissions: [{ permission: 'Mail.Send', granted: true }],
        authorizeAgain: true,
      },
      {
        ok: true,
        code: 'OK',
        message: 'Connected: mail can go out from out@contoso.com. Some checks need attention; see the checklist.',
        permissions: [{ permission: 'Mail.Send', granted: true }],
        authorizeAgain: true,
      },
    ],
  ])('reports %s', async (_label, outcome, expected) => {
    const { deps } = await setup(fakeDiagnosis(true, [], outcome));
    await expect(testConnection('cred-1', deps)).resolves.toMatchObject(expected);
  });
});
