/** Shared by the test-connection-*.test.ts files: the Microsoft and Jira fakes behind testConnection. */
import { createCredentialService } from '../../../../../src/credentials/credential-service';
import { createCredentialStore } from '../../../../../src/credentials/credential-store';
import type { StoredCredential } from '../../../../../src/credentials/stored-credential';
import { testConnection } from '../../../../../src/credentials/test-connection';
import { createRefreshTokenStore } from '../../../../../src/oauth/refresh-token-store';
import { createTokenCache } from '../../../../../src/oauth/token-cache';
import { TokenMemo } from '../../../../../src/oauth/token-memo';
import { connectionDiagnoses } from '../../../../../src/providers/connection-test';
import { parsedInput, sequentialIds } from '../../../support/credentials';
import { fakeFetch, fakeJwt, jsonResponse, type RecordedCall } from '../../../support/fake-fetch';
import { fakeJira } from '../../../support/fake-jira';
import { MemoryKvStore } from '../../../support/memory-kv-store';

export const NOW = Date.parse('2024-05-06T06:00:00Z');
export const CLIENT_ID = '11111111-2222-3333-4444-555555555555';
export const SENDER = 'support@contoso.com';
export const GRAPH = 'https://graph.microsoft.com/v1.0';
export const USER_URL = `${GRAPH}/users/support%40contoso.com?$select=id,displayName,userPrincipalName,mail`;
export const INBOX_URL = `${GRAPH}/users/support%40contoso.com/mailFolders/inbox?$select=id,totalItemCount`;
export const SEND_URL = `${GRAPH}/users/support%40contoso.com/sendMail`;
export const ALL_ROLES = ['User.Read.All', 'Mail.ReadWrite', 'Mail.Send'];

export const tokenWith = (claims: Record<string, unknown>) => () =>
  jsonResponse(200, { token_type: 'Bearer', expires_in: 3599, access_token: fakeJwt(claims) });

export interface Answers {
  token?: (call: RecordedCall) => Response;
  user?: () => Response;
  inbox?: () => Response;
  send?: () => Response;
}

export const USER = () =>
  jsonResponse(200, { id: 'u-1', displayName: 'Contoso Support', userPrincipalName: SENDER, mail: SENDER });
export const INBOX = () => jsonResponse(200, { id: 'inbox-1', totalItemCount: 3 });

export const setup = async (
  answers: Answers = {},
  options: { input?: ReturnType<typeof parsedInput>; email?: string | null } = {},
) => {
  const kv = new MemoryKvStore();
  const credentials = createCredentialService({
    store: createCredentialStore(kv),
    now: () => NOW,
    newId: sequentialIds(),
    env: {},
  });
  await credentials.save(options.input ?? parsedInput());
  const { fetch, calls } = fakeFetch((call) => {
    if (call.url.includes('/oauth2/v2.0/token')) return (answers.token ?? tokenWith({ roles: ALL_ROLES }))(call);
    if (call.url.includes('/mailFolders/inbox')) return (answers.inbox ?? INBOX)();
    if (call.url.endsWith('/sendMail')) return (answers.send ?? (() => new Response(null, { status: 202 })))();
    if (call.url.includes('/users/')) return (answers.user ?? USER)();
    throw new Error(`unexpected ${call.url}`);
  });
  const jira = fakeJira(() => ({
    status: 200,
    body: {
      accountId: 'admin-1',
      displayName: 'Alex Admin',
      ...(options.email === null ? {} : { emailAddress: options.email ?? 'alex@example.com' }),
    },
  }));
  const tokenCache = createTokenCache(kv);
  const promoted: StoredCredential[] = [];
  const run = (sendTestEmail = false) =>
    testConnection(
      'cred-1',
      {
        credentials,
        tokenCache,
        refreshTokens: createRefreshTokenStore(kv),
        fetch,
        now: () => NOW,
        memo: new TokenMemo(),
        diagnoses: connectionDiagnoses,
        env: {},
        sleep: async () => undefined,
        requestJira: jira.requestJira,
        onPromoted: async (credential) => void promoted.push(credential),
      },
      { sendTestEmail },
    );
  return { kv, credentials, calls, run, tokenCache, jira, promoted };
};

export const statuses = (result: { steps?: Array<{ key: string; status: string; code?: string }> }) =>
  result.steps?.map((step) => [step.key, step.status, step.code ?? null]);
