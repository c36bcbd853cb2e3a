import type { CredentialInput } from '../../../src/contract/credentials';
import { credentialInputSchema } from '../../../src/contract/credentials';
import { createCredentialService, type StoredAuthorization } from '../../../src/credentials/credential-service';
import { createCredentialStore } from '../../../src/credentials/credential-store';
import { DELEGATED_SCOPE } from '../../../src/oauth/authorization-request';
import { createRefreshTokenStore } from '../../../src/oauth/refresh-token-store';
import {
  authorizationCodeInput,
  AUTHORIZE_ENDPOINT,
  parsedInput,
  sequentialIds,
  tickingClock,
} from '../support/credentials';
import { MemoryKvStore } from '../support/memory-kv-store';

const REFRESH_TOKEN = 'REFRESH-TOKEN-MARKER';
const SIGNED_IN: StoredAuthorization = {
  mailbox: 'support@contoso.com',
  userId: '8c6e4a2f-0d1b-4e3c-9a5f-7b8d2e1c4f63',
  displayName: 'Contoso Support',
  authorizedAt: '2024-05-06T06:00:05.000Z',
};
const TOKEN_USED_AT = Date.parse('2024-05-07T08:00:00Z');

const parsed = (overrides: Partial<CredentialInput> = {}) =>
  credentialInputSchema.parse(authorizationCodeInput(overrides));

const setup = () => {
  const kv = new MemoryKvStore();
  const refreshTokens = createRefreshTokenStore(kv);
  const service = createCredentialService({
    store: createCredentialStore(kv),
    now: tickingClock(),
    newId: sequentialIds(),
    refreshTokens,
  });
  /** A saved credential its admin has signed in to. */
  const authorized = async () => {
    const view = await service.save(parsed());
    await refreshTokens.save(view.id, REFRESH_TOKEN, Date.parse(SIGNED_IN.authorizedAt));
    await refreshTokens.rotate(view.id, REFRESH_TOKEN, undefined, TOKEN_USED_AT);
    await service.recordAuthorization(view.id, SIGNED_IN);
    return view.id;
  };
  return { kv, service, refreshTokens, authorized };
};

describe('credential service: authorization code credentials', () => {
  it('stores the delegated scope and the authorization endpoint, and no authorization before a sign-in', async () => {
    const { kv, service } = setup();
    const view = await service.save(parsed({ scope: 'https://graph.microsoft.com/.default' }));
    expect(view).toMatchObject({
      grantType: 'authorization_code',
      scope: DELEGATED_SCOPE,
      authorizationEndpoint: AUTHORIZE_ENDPOINT,
      senderMailbox: 'support@contoso.com',
    });
    expect(view.authorization).toBeUndefined();
    expect(kv.plain.get('credential:cred-1')).toMatchObject({
      scope: 'Mail.Send Mail.ReadWrite User.Read offline_access',
    });
  });

  it('keeps no authorization endpoint for a client credentials credential', async () => {
    const { kv, service } = setup();
    const view = await service.save(parsedInput({ authorizationEndpoint: AUTHORIZE_ENDPOINT }));
    expect(view.authorizationEndpoint).toBeUndefined();
    expect(kv.plain.get('credential:cred-1')).not.toHaveProperty('authorizationEndpoint');
  });

  it('shows who signed in and when the refresh token was last used, never the user id or the token', async () => {
    const { kv, service, authorized } = setup();
    const id = await authorized();
    const [view] = await service.list();
    expect(view?.authorization).toEqual({
      mailbox: 'support@contoso.com',
      displayName: 'Contoso Support',
      authorizedAt: '2024-05-06T06:00:05.000Z',
      lastUsedAt: '2024-05-07T08:00:00.000Z',
    });
    expect(JSON.stringify(view)).not.toContain(SIGNED_IN.userId);
    expect(JSON.stringify(view)).not.toContain(REFRESH_TOKEN);
    expect(kv.plainText()).not.toContain(REFRESH_TOKEN);
    expect((await service.get(id)).authorization).toEqual(SIGNED_IN);
  });

  it('makes the signed-in mailbox the sender and drops the last test', async () => {
    const { service } = setup();
    const view = await service.save(parsed({ senderMailbox: 'typo@contoso.com' }));
    await service.recordTestResult(view.id, { ok: true, code: 'OK', message: 'ok', testedAt: '2024-05-06T06:00:00Z' });
    const stored = await service.recordAuthorization(view.id, SIGNED_IN);
    expect(stored.senderMailbox).toBe('support@contoso.com');
    expect(stored.lastTest).toBeUndefined();
    expect(await service.get(view.id)).toEqual(stored);
  });

  it('keeps the sign-in when a save changes only the name, the mailbox or the secret', async () => {
    const { service, refreshTokens, authorized } = setup();
    const id = await authorized();
    const view = await service.save(parsed({ id, name: 'Renamed', clientSecret: 'NEW-SECRET-VALUE' }));
    expect(view.authorization?.mailbox).toBe('support@contoso.com');
    expect(await refreshTokens.read(id)).toBe(REFRESH_TOKEN);
  });

  it.each<[string, Partial<CredentialInput>]>([
    ['client ID', { clientId: '99999999-2222-3333-4444-555555555555' }],
    [
      'token and authorization endpoints',
      {
        tokenEndpoint: 'https://login.microsoftonline.com/fabrikam.com/oauth2/v2.0/token',
        authorizationEndpoint: 'https://login.microsoftonline.com/fabrikam.com/oauth2/v2.0/authorize',
      },
    ],
    [
      'provider',
      {
        provider: 'microsoft365-usgov',
        tokenEndpoint: 'https://login.microsoftonline.us/contoso.onmicrosoft.com/oauth2/v2.0/token',
        authorizationEndpoint: 'https://login.microsoftonline.us/contoso.onmicrosoft.com/oauth2/v2.0/authorize',
        graphBaseUrl: 'https://graph.microsoft.us/v1.0',
      },
    ],
    ['grant type', { grantType: 'client_credentials', scope: 'https://graph.microsoft.com/.default' }],
  ])('drops the sign-in, its refresh token and its use record when the %s change', async (_label, change) => {
    const { kv, service, refreshTokens, authorized } = setup();
    const id = await authorized();
    const view = await service.save(credentialInputSchema.parse(authorizationCodeInput({ id, ...change })));
    expect(view.authorization).toBeUndefined();
    expect((await service.get(id)).authorization).toBeUndefined();
    expect(await refreshTokens.read(id)).toBeUndefined();
    expect(await refreshTokens.readUse(id)).toBeUndefined();
    expect([...kv.secrets.keys()].filter((key) => key.startsWith('refresh-token'))).toEqual([]);
  });

  it('deletes the refresh token and its use record with the credential', async () => {
    const { kv, service, authorized } = setup();
    const id = await authorized();
    await service.remove(id);
    expect([...kv.secrets.keys()]).toEqual([]);
    expect([...kv.plain.keys()]).toEqual([]);
  });
});
