import { readFileSync } from 'node:fs';

import { type GoogleEmulator, loadWorkspaceConfig, startGoogleEmulator } from '../../local/google';
import { googleCredentialInputSchema } from '../../src/contract/google-workspace';
import { createCredentialService } from '../../src/credentials/credential-service';
import { createCredentialStore } from '../../src/credentials/credential-store';
import { testConnection } from '../../src/credentials/test-connection';
import { createRefreshTokenStore } from '../../src/oauth/refresh-token-store';
import { createTokenCache } from '../../src/oauth/token-cache';
import { TokenMemo } from '../../src/oauth/token-memo';
import { connectionDiagnoses } from '../../src/providers/connection-test';
import { planGoogleSave } from '../../src/providers/google-credential-save';
import { DEMO_CLIENT_ID, DEMO_KEY_FILE, START, SUPPORT, WORKSPACE_JSON } from '../local/google/helpers';
import { sequentialIds } from '../unit/support/credentials';
import { fakeJira } from '../unit/support/fake-jira';
import { MemoryKvStore } from '../unit/support/memory-kv-store';

/*
 * Test connection of a Google credential against the Google emulator: its token endpoint checks the assertion's
 * signature against the demo service account's public key, the `sub` and the domain-wide delegation table, as
 * https://developers.google.com/identity/protocols/oauth2/service-account describes; Gmail's send route takes the
 * test email.
 */

const SEND_SCOPE = 'https://www.googleapis.com/auth/gmail.send';

let emulator: GoogleEmulator;
beforeEach(async () => {
  emulator = await startGoogleEmulator({ config: loadWorkspaceConfig(WORKSPACE_JSON), now: () => START });
});
afterEach(() => emulator.close());

const setup = async () => {
  const kv = new MemoryKvStore();
  const now = () => START.getTime();
  const credentials = createCredentialService({
    store: createCredentialStore(kv),
    now,
    newId: sequentialIds(),
    planGoogleSave,
  });
  await credentials.saveGoogle(
    googleCredentialInputSchema.parse({
      name: 'Demo Google',
      provider: 'google-workspace',
      serviceAccountKey: readFileSync(DEMO_KEY_FILE, 'utf8'),
      senderMailbox: SUPPORT,
    }),
  );
  const jira = fakeJira(() => ({
    status: 200,
    body: { accountId: 'admin-1', displayName: 'Alex Admin', emailAddress: 'alex@example.com' },
  }));
  return (sendTestEmail: boolean) =>
    testConnection(
      'cred-1',
      {
        credentials,
        tokenCache: createTokenCache(kv),
        refreshTokens: createRefreshTokenStore(kv),
        fetch: (url, init) => globalThis.fetch(url, init),
        now,
        memo: new TokenMemo(),
        diagnoses: connectionDiagnoses,
        env: {
          ISSUE_MAILER_ALLOW_LOOPBACK_HTTP: '1',
          ISSUE_MAILER_GOOGLE_TOKEN_ENDPOINT: emulator.tokenUrl,
          ISSUE_MAILER_GMAIL_BASE_URL: emulator.url,
        },
        requestJira: jira.requestJira,
      },
      { sendTestEmail },
    );
};

const statuses = (result: { steps?: Array<{ key: string; status: string; code?: string }> }) =>
  result.steps?.map((one) => [one.key, one.status, one.code ?? null]);

describe('Test connection of a Google credential against the Google emulator', () => {
  it('passes with the demo key and mails the admin through Gmail', async () => {
    const run = await setup();

    const result = await run(true);

    expect(statuses(result)).toEqual([
      ['token', 'passed', null],
      ['permissions', 'passed', null],
      ['mailbox', 'skipped', null],
      ['test-email', 'passed', null],
    ]);
    const sent = emulator.sentMessages(SUPPORT);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.parsed.subject).toBe('Issue Mailer test email');
    expect(sent[0]?.parsed.to?.map((to) => to.address)).toEqual(['alex@example.com']);
  });

  it('fails with unauthorized_client and the Admin console steps when the scope is not allowed', async () => {
    const run = await setup();
    emulator.setDelegation(DEMO_CLIENT_ID, ['https://www.googleapis.com/auth/gmail.readonly']);

    const result = await run(true);

    expect(result).toMatchObject({
      ok: false,
      code: 'GOOGLE_DELEGATION_MISSING',
      message:
        'Google says the service account is not allowed to act for this mailbox (unauthorized_client). In Google ' +
        'Admin console > Security > Access and data control > API controls > Manage Domain Wide Delegation, add ' +
        `the numeric Client ID ${DEMO_CLIENT_ID} (not the service account's email) with the OAuth scopes ` +
        `${SEND_SCOPE}; if the client is already listed, edit it so every one of these scopes is there. Changes ` +
        'there usually apply within minutes but can take up to 24 hours.',
    });
    expect(emulator.sentMessages(SUPPORT)).toHaveLength(0);
  });

  it('fails with the mailbox named when its user is suspended', async () => {
    const run = await setup();
    emulator.setUserSuspended(SUPPORT, true);

    const result = await run(false);

    expect(result).toMatchObject({ ok: false, code: 'GOOGLE_USER_UNKNOWN' });
    expect(result.message).toContain(`The mailbox ${SUPPORT} is not an active user of your Google Workspace`);
  });
});
