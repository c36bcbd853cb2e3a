import type { StoredCredential } from '../../../src/credentials/stored-credential';
import { AuthorizationError, AuthorizationErrorCode, TokenError, TokenErrorCode } from '../../../src/oauth/errors';
import { watchAuthorization, type WatchOutcome, watchSignIns } from '../../../src/warnings/authorization-watch';
import { createWarningService } from '../../../src/warnings/warning-service';
import { createWarningStore } from '../../../src/warnings/warning-store';
import { MemoryKvStore } from '../support/memory-kv-store';

const DAY = 86_400_000;
const AUTHORIZED = Date.parse('2030-01-01T00:00:00Z');

const credential = (overrides: Partial<StoredCredential> = {}): StoredCredential => ({
  version: 2,
  id: 'cred-me',
  name: 'Signed in',
  provider: 'microsoft365',
  grantType: 'authorization_code',
  clientAuthMethod: 'client_secret',
  clientId: 'client-1',
  tokenEndpoint: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
  scope: 'https://graph.microsoft.com/.default',
  senderMailbox: 'support@contoso.com',
  graphBaseUrl: 'https://graph.microsoft.com/v1.0',
  hasSecret: true,
  hasNextSecret: false,
  hasPrivateKey: false,
  authorization: { mailbox: 'support@contoso.com', userId: 'u-1', authorizedAt: new Date(AUTHORIZED).toISOString() },
  isDefault: false,
  createdAt: new Date(AUTHORIZED).toISOString(),
  updatedAt: new Date(AUTHORIZED).toISOString(),
  ...overrides,
});

const revoked = () =>
  new AuthorizationError(AuthorizationErrorCode.GrantRevoked, 'POST host/token answered 400', { aadstsCode: 50173 });
const unreachable = () => new TokenError(TokenErrorCode.EndpointUnreachable, 'POST host/token failed');

const LOST =
  'Microsoft no longer accepts the sign-in of support@contoso.com, so no mail goes out with this credential. ' +
  "Microsoft revoked the mailbox's sign-in (AADSTS50173): its sessions were revoked, or an admin reset its password. " +
  'Open the credential and choose Authorize again, then sign in with the mailbox Issue Mailer should send as.';

describe('watchAuthorization: keeps a signed-in mailbox alive and says when it cannot', () => {
  const quiet = () => jest.spyOn(console, 'warn').mockImplementation(() => undefined);

  it.each([
    { name: 'used 29 days ago: left alone', unused: 29, refresh: 'ok', outcome: 'fresh', refreshes: 0 },
    { name: 'unused 30 days: renewed', unused: 30, refresh: 'ok', outcome: 'refreshed', refreshes: 1 },
    {
      name: 'unused 60 days, refresh revoked: lost',
      unused: 60,
      refresh: 'revoked',
      kind: 'authorization-lost',
      refreshes: 1,
    },
    { name: 'unused 60 days, unreachable: retried tomorrow', unused: 60, refresh: 'unreachable', refreshes: 1 },
    { name: 'unused 80 days, unreachable: not yet expiring', unused: 80, refresh: 'unreachable', refreshes: 1 },
    {
      name: 'unused 81 days, unreachable: expiring',
      unused: 81,
      refresh: 'unreachable',
      kind: 'authorization-expiring',
      refreshes: 1,
    },
  ] as const)('$name', async ({ unused, refresh, refreshes, ...expected }) => {
    const warn = quiet();
    const now = AUTHORIZED + 100 * DAY;
    let calls = 0;
    try {
      const watched = await watchAuthorization(credential(), {
        readUse: async () => ({ authorizedAt: AUTHORIZED, lastUsedAt: now - unused * DAY }),
        refresh: async () => {
          calls += 1;
          if (refresh === 'revoked') throw revoked();
          if (refresh === 'unreachable') throw unreachable();
        },
        now,
      });
      expect(calls).toBe(refreshes);
      if ('outcome' in expected) expect(watched).toEqual({ outcome: expected.outcome });
      else if ('kind' in expected) {
        expect(watched).toMatchObject({ outcome: 'refresh-failed', warning: { kind: expected.kind } });
      } else expect(watched).toEqual({ outcome: 'refresh-failed' });
    } finally {
      warn.mockRestore();
    }
  });

  it('words the expiring warning with the day the grant ends', async () => {
    const warn = quiet();
    const now = AUTHORIZED + 85 * DAY;
    try {
      const watched = await watchAuthorization(credential(), {
        readUse: async () => ({ authorizedAt: AUTHORIZED, lastUsedAt: AUTHORIZED }),
        refresh: () => Promise.reject(unreachable()),
        now,
      });
      expect(watched).toEqual({
        outcome: 'refresh-failed',
        warning: {
          credentialId: 'cred-me',
          credentialName: 'Signed in',
          kind: 'authorization-expiring',
          severity: 'warning',
          date: '2030-04-01',
          message:
            'The sign-in of support@contoso.com has not been used for 85 days and could not be renewed; Microsoft ' +
            'ends it after 90 days unused, on 2030-04-01. Run Test connection to renew it, or choose Authorize again.',
          recordedAt: '2030-03-27T00:00:00.000Z',
        },
      });
      expect(warn.mock.calls).toEqual([
        [
          '[issue-mailer] keeping the sign-in of credential cred-me alive failed: TokenError TOKEN_ENDPOINT_UNREACHABLE',
        ],
      ]);
    } finally {
      warn.mockRestore();
    }
  });

  it.each([
    { name: 'a client credentials credential', changed: { grantType: 'client_credentials' as const } },
    { name: 'an authorization code credential nobody authorized', changed: { authorization: undefined } },
  ])('skips $name', async ({ changed }) => {
    const refresh = jest.fn();
    await expect(
      watchAuthorization(credential(changed), { readUse: async () => undefined, refresh, now: AUTHORIZED }),
    ).resolves.toEqual({ outcome: 'not-authorized' });
    expect(refresh).not.toHaveBeenCalled();
  });
});

describe('the warnings the watch and sending record', () => {
  const setup = (now: { at: number }, current: () => StoredCredential) => {
    const kv = new MemoryKvStore();
    const warnings = createWarningService({
      store: createWarningStore(kv),
      listCredentials: async () => [current()],
      now: () => now.at,
    });
    return { kv, warnings };
  };

  it('records a lost sign-in once, keeps it past 30 days, and clears it when the watch finds the grant renewed', async () => {
    const now = { at: AUTHORIZED + DAY };
    const { warnings } = setup(now, () => credential());
    await warnings.recordAuthorizationRefused(credential(), revoked());
    now.at += DAY;
    await warnings.recordAuthorizationRefused(credential(), revoked());
    now.at += 40 * DAY;
    await warnings.runDailyCheck();

    expect((await warnings.list()).warnings).toEqual([
      {
        credentialId: 'cred-me',
        credentialName: 'Signed in',
        kind: 'authorization-lost',
        severity: 'error',
        message: LOST,
        recordedAt: '2030-01-02T00:00:00.000Z',
      },
    ]);

    const renewed: WatchOutcome = { outcome: 'refreshed' };
    await warnings.recordAuthorizationWatch(credential(), renewed);
    expect((await warnings.list()).warnings).toEqual([]);
  });

  it('says no mailbox is signed in when sending found none', async () => {
    const now = { at: AUTHORIZED };
    const { warnings } = setup(now, () => credential({ authorization: undefined }));
    await warnings.recordAuthorizationRefused(
      credential({ authorization: undefined }),
      new AuthorizationError(AuthorizationErrorCode.NotAuthorized, 'x'),
    );
    expect((await warnings.list()).warnings.map(({ kind, message }) => ({ kind, message }))).toEqual([
      {
        kind: 'authorization-lost',
        message:
          'Mail could not go out: no mailbox is signed in for this credential. No mailbox is connected to this ' +
          `credential yet. Open the credential and choose Authorize again, then sign in with the mailbox Issue Mailer should send as.`,
      },
    ]);
  });

  it('ignores a refusal that a new sign-in cannot fix', async () => {
    const now = { at: AUTHORIZED };
    const { warnings } = setup(now, () => credential());
    await warnings.recordAuthorizationRefused(
      credential(),
      new AuthorizationError(AuthorizationErrorCode.AuthorizeEndpointInvalid, 'x'),
    );
    expect((await warnings.list()).warnings).toEqual([]);
  });

  it('drops a lost sign-in once the mailbox is authorized again', async () => {
    const now = { at: AUTHORIZED + DAY };
    let current = credential();
    const { warnings } = setup(now, () => current);
    await warnings.recordAuthorizationRefused(current, revoked());
    now.at += DAY;
    const again = new Date(now.at).toISOString();
    current = credential({ authorization: { mailbox: 'support@contoso.com', userId: 'u-1', authorizedAt: again } });

    expect((await warnings.list()).warnings).toEqual([]);
  });

  it('keeps what was said when the watch fails without a warning, and replaces it with a new one', async () => {
    const now = { at: AUTHORIZED + DAY };
    const { warnings } = setup(now, () => credential());
    await warnings.recordAuthorizationRefused(credential(), revoked());
    await warnings.recordAuthorizationWatch(credential(), { outcome: 'refresh-failed' });
    expect((await warnings.list()).warnings.map((warning) => warning.kind)).toEqual(['authorization-lost']);

    await warnings.recordAuthorizationWatch(credential(), {
      outcome: 'refresh-failed',
      warning: {
        credentialId: 'cred-me',
        credentialName: 'Signed in',
        kind: 'authorization-expiring',
        severity: 'warning',
        message: 'm',
        date: '2030-04-01',
        recordedAt: new Date(now.at).toISOString(),
      },
    });
    expect((await warnings.list()).warnings.map((warning) => warning.kind)).toEqual(['authorization-expiring']);
  });
});

describe('watchSignIns', () => {
  it('watches every signed-in credential, records each outcome, and survives one that throws', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const recorded: Array<[string, WatchOutcome]> = [];
    try {
      const summary = await watchSignIns({
        listCredentials: async () => [
          credential({ id: 'a' }),
          credential({ id: 'b' }),
          credential({ id: 'c', grantType: 'client_credentials' }),
          credential({ id: 'd' }),
        ],
        readUse: async (id) => {
          if (id === 'd') throw new Error('storage down');
          return { authorizedAt: AUTHORIZED, lastUsedAt: id === 'a' ? AUTHORIZED + 99 * DAY : AUTHORIZED };
        },
        refresh: async () => undefined,
        record: async (watched, outcome) => void recorded.push([watched.id, outcome]),
        now: () => AUTHORIZED + 100 * DAY,
      });
      expect(summary).toEqual({ watched: 2, refreshed: 1, failed: 1 });
      expect(recorded).toEqual([
        ['a', { outcome: 'fresh' }],
        ['b', { outcome: 'refreshed' }],
      ]);
      expect(warn.mock.calls).toEqual([['[issue-mailer] watching the sign-in of credential d failed: Error']]);
    } finally {
      warn.mockRestore();
    }
  });
});
