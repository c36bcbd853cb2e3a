import { createCredentialService } from '../../../src/credentials/credential-service';
import { createCredentialStore } from '../../../src/credentials/credential-store';
import { testConnection } from '../../../src/credentials/test-connection';
import { createTokenCache } from '../../../src/oauth/token-cache';
import { tokenFingerprint } from '../../../src/oauth/token-fingerprint';
import { TokenMemo } from '../../../src/oauth/token-memo';
import { parsedInput, SECRET, sequentialIds } from '../support/credentials';
import { fakeFetch, fakeJwt, jsonResponse } from '../support/fake-fetch';
import { fixtureResponse, tokenFixture } from '../support/fixtures';
import { MemoryKvStore } from '../support/memory-kv-store';

const NOW = Date.parse('2024-05-06T06:00:00Z');
const CLIENT_ID = '11111111-2222-3333-4444-555555555555';

const setup = async (answer: () => Response) => {
  const kv = new MemoryKvStore();
  const credentials = createCredentialService({ store: createCredentialStore(kv), now: () => NOW, newId: sequentialIds() });
  await credentials.save(parsedInput());
  const { fetch, calls } = fakeFetch(answer);
  const tokenCache = createTokenCache(kv);
  const run = () => testConnection('cred-1', { credentials, tokenCache, fetch, now: () => NOW, memo: new TokenMemo(), env: {} });
  return { kv, credentials, calls, run, tokenCache };
};

const tokenAnswer = (accessToken: string) => () =>
  jsonResponse(200, { token_type: 'Bearer', expires_in: 3599, access_token: accessToken });

describe('testConnection', () => {
  it('reports OK when the token carries Mail.Send, stores the result and caches the token', async () => {
    const token = fakeJwt({ roles: ['Mail.Send', 'User.Read.All'] });
    const { kv, credentials, run, calls } = await setup(tokenAnswer(token));

    const result = await run();

    expect(result).toEqual({
      ok: true,
      code: 'OK',
      message: `Connected: got a token for ${CLIENT_ID} and it carries the Mail.Send application permission.`,
      testedAt: '2024-05-06T06:00:00.000Z',
    });
    expect(calls).toHaveLength(1);
    expect((await credentials.get('cred-1')).lastTest).toEqual(result);
    const stored = await credentials.get('cred-1');
    expect(kv.secrets.get('token-cache:cred-1')).toEqual({
      accessToken: token,
      expiresAt: NOW + 3599 * 1000,
      fingerprint: tokenFingerprint(stored),
    });
  });

  it('never uses the cached token', async () => {
    const { run, calls, tokenCache, credentials } = await setup(tokenAnswer(fakeJwt({ roles: ['Mail.Send'] })));
    const stored = await credentials.get('cred-1');
    await tokenCache.put('cred-1', tokenFingerprint(stored), { accessToken: 'cached', expiresAt: NOW + 3_600_000 });
    await run();
    expect(calls).toHaveLength(1);
  });

  it('explains missing admin consent when the token has no roles', async () => {
    const { run } = await setup(tokenAnswer(fakeJwt({ aud: 'https://graph.microsoft.com' })));
    await expect(run()).resolves.toEqual({
      ok: false,
      code: 'TOKEN_MISSING_MAIL_SEND',
      message:
        `Got a token for ${CLIENT_ID}, but it carries no application permissions (admin consent is missing). ` +
        "In the app registration's API permissions, add Microsoft Graph > Application permissions > Mail.Send, " +
        'select "Grant admin consent", then test again.',
      testedAt: '2024-05-06T06:00:00.000Z',
    });
  });

  it('explains a token whose roles lack Mail.Send', async () => {
    const { run } = await setup(tokenAnswer(fakeJwt({ roles: ['User.Read.All'] })));
    await expect(run()).resolves.toMatchObject({
      ok: false,
      code: 'TOKEN_MISSING_MAIL_SEND',
      message: expect.stringMatching(/^Got a token for .+, but it lacks the Mail\.Send application permission\./) as unknown as string,
    });
  });

  it('reports OK with a caveat for a token it cannot read', async () => {
    const { run } = await setup(tokenAnswer('opaque-token'));
    await expect(run()).resolves.toMatchObject({
      ok: true,
      code: 'OK',
      message: `Connected: got a token for ${CLIENT_ID}. Its permissions cannot be read here; send a test email to confirm Mail.Send.`,
    });
  });

  it('reports the AADSTS guidance for a refused secret, stores it, and never the secret', async () => {
    const { run, credentials, kv } = await setup(() => fixtureResponse(tokenFixture('invalid_secret_7000215')));
    const result = await run();

    expect(result).toMatchObject({ ok: false, code: 'TOKEN_INVALID_CLIENT_SECRET' });
    expect(result.message).toContain("Paste the secret's Value, not its Secret ID.");
    expect((await credentials.get('cred-1')).lastTest).toEqual(result);
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(kv.secrets.has('token-cache:cred-1')).toBe(false);
  });

  it('reports a missing secret as a failed test', async () => {
    const { run, kv, calls } = await setup(tokenAnswer('x'));
    kv.secrets.delete('credential-secret:cred-1');
    await expect(run()).resolves.toMatchObject({ ok: false, code: 'SECRET_MISSING' });
    expect(calls).toHaveLength(0);
  });

  it('answers CREDENTIAL_NOT_FOUND for an unknown id without recording anything', async () => {
    const { credentials, kv } = await setup(tokenAnswer('x'));
    const { fetch } = fakeFetch(tokenAnswer('x'));
    await expect(
      testConnection('nope', { credentials, tokenCache: createTokenCache(kv), fetch, now: () => NOW }),
    ).rejects.toMatchObject({ code: 'CREDENTIAL_NOT_FOUND' });
  });
});
