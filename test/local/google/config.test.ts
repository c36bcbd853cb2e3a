import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';

import {
  GoogleEmulatorError,
  GoogleEmulatorErrorCode,
  loadWorkspaceConfig,
  parseWorkspaceConfig,
  startGoogleEmulator,
} from '../../../local/google';
import { readServiceAccountKey } from '../../../src/providers/google/service-account-key';
import { DEMO_CLIENT_ID, DEMO_KEY_FILE, WORKSPACE_JSON } from './helpers';

const raw = (): Record<string, unknown> => JSON.parse(readFileSync(WORKSPACE_JSON, 'utf8')) as Record<string, unknown>;

const configError = (input: unknown): GoogleEmulatorError => {
  try {
    parseWorkspaceConfig(input, 'test config');
  } catch (error) {
    if (error instanceof GoogleEmulatorError) return error;
    throw error;
  }
  throw new Error('expected the config to be refused');
};

describe('Google Workspace config', () => {
  it('registers the public half of the committed demo key, and the app accepts the key file', async () => {
    const config = loadWorkspaceConfig(WORKSPACE_JSON);
    const key = await readServiceAccountKey(readFileSync(DEMO_KEY_FILE, 'utf8'));
    const [account] = config.serviceAccounts;
    expect(account?.clientEmail).toBe(key.publicPart.clientEmail);
    expect(account?.clientId).toBe(key.publicPart.clientId);
    expect(account?.keys.map((k) => k.privateKeyId)).toEqual([key.publicPart.privateKeyId]);
    const fromPrivate = createPublicKey(key.privateKeyPem).export({ type: 'spki', format: 'pem' });
    expect(account?.keys[0]?.publicKeyPem).toBe(fromPrivate);
    expect(config.domainWideDelegation).toEqual([
      {
        clientId: DEMO_CLIENT_ID,
        scopes: ['https://www.googleapis.com/auth/gmail.send', 'https://www.googleapis.com/auth/gmail.modify'],
      },
    ]);
    expect(config.users.map((user) => [user.primaryEmail, user.suspended])).toEqual([
      ['support@example-google.test', false],
      ['helpdesk@example-google.test', false],
      ['former.agent@example-google.test', true],
    ]);
    expect(config.tokenLifetimeSeconds).toBe(3599);
  });

  it.each<[string, (config: Record<string, unknown>) => unknown, string]>([
    [
      'a user outside the domain',
      (c) => ({ ...c, users: [{ primaryEmail: 'a@other.test', name: 'A' }] }),
      'Invalid test config: users.0.primaryEmail: primaryEmail must be in the domain example-google.test',
    ],
    [
      'a comma-joined scope list',
      (c) => ({
        ...c,
        domainWideDelegation: [
          {
            clientId: DEMO_CLIENT_ID,
            scopes: ['https://www.googleapis.com/auth/gmail.send,https://www.googleapis.com/auth/gmail.modify'],
          },
        ],
      }),
      'Invalid test config: domainWideDelegation.0.scopes.0: scope must be a Google OAuth scope URL',
    ],
    [
      'an email as delegation client',
      (c) => ({ ...c, domainWideDelegation: [{ clientId: 'x@y.iam.gserviceaccount.com', scopes: [] }] }),
      'Invalid test config: domainWideDelegation.0.clientId: clientId must be the numeric client ID',
    ],
    ['an unknown field', (c) => ({ ...c, tenant: 'x' }), 'Invalid test config: (root): Unrecognized key: "tenant"'],
  ])('refuses %s', (_name, change, message) => {
    const error = configError(change(raw()));
    expect([error.code, error.message]).toEqual([GoogleEmulatorErrorCode.ConfigInvalid, message]);
  });

  it('refuses control calls naming what the Workspace does not have, and a non-loopback host', async () => {
    const emulator = await startGoogleEmulator({ config: loadWorkspaceConfig(WORKSPACE_JSON) });
    try {
      expect(() => emulator.setUserSuspended('ghost@example-google.test', true)).toThrow(
        'The emulated Workspace has no user ghost@example-google.test',
      );
      expect(() => emulator.deleteServiceAccountKey('ghost@p.iam.gserviceaccount.com', 'k')).toThrow(
        'The emulated Workspace has no service account ghost@p.iam.gserviceaccount.com',
      );
      expect(() => emulator.setDelegation(DEMO_CLIENT_ID, ['gmail.send'])).toThrow(
        'Not a Google OAuth scope: gmail.send',
      );
    } finally {
      await emulator.close();
    }
    await expect(
      startGoogleEmulator({ config: loadWorkspaceConfig(WORKSPACE_JSON), host: '0.0.0.0' }),
    ).rejects.toMatchObject({
      code: GoogleEmulatorErrorCode.NotLoopback,
    });
  });
});
