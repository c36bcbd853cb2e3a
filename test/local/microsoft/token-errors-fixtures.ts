/** Shared by the token-errors-*.test.ts files: the error cases of the emulator's token endpoint and their helpers. */
import { clientCredentials, type Demo, GRAPH_SCOPE, validSecret } from './helpers';

export const UNKNOWN_TENANT = '0c8e2a64-5f1d-4b3a-9e7c-1d2f3a4b5c6d';
export const UNKNOWN_APP = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';

export interface ErrorCase {
  name: string;
  /** Builds the request against the demo tenant. */
  request: (demo: Demo) => { url: string; init: RequestInit };
  status: number;
  error: string;
  code: number;
}

export const form = (url: string, params: Record<string, string>, headers: Record<string, string> = {}) => ({
  url,
  init: {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(params).toString(),
  },
});
export const v2 = (demo: Demo, tenant: string) => `${demo.emulator.loginBaseUrl}/${tenant}/oauth2/v2.0/token`;
export const without = (params: Record<string, string>, name: string) =>
  Object.fromEntries(Object.entries(params).filter(([key]) => key !== name));

export const cases: ErrorCase[] = [
  {
    name: 'no grant_type',
    request: (d) => form(d.tokenUrl, without(clientCredentials(d.app), 'grant_type')),
    status: 400,
    error: 'invalid_request',
    code: 900144,
  },
  {
    name: 'a JSON body (parameters are read from form bodies only)',
    request: (d) => ({
      url: d.tokenUrl,
      init: {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(clientCredentials(d.app)),
      },
    }),
    status: 400,
    error: 'invalid_request',
    code: 900144,
  },
  {
    name: 'the password grant',
    request: (d) => form(d.tokenUrl, clientCredentials(d.app, { grant_type: 'password' })),
    status: 400,
    error: 'unsupported_grant_type',
    code: 70003,
  },
  {
    name: 'no client_id',
    request: (d) => form(d.tokenUrl, without(clientCredentials(d.app), 'client_id')),
    status: 400,
    error: 'invalid_request',
    code: 900144,
  },
  {
    name: 'no scope',
    request: (d) => form(d.tokenUrl, without(clientCredentials(d.app), 'scope')),
    status: 400,
    error: 'invalid_request',
    code: 900144,
  },
  {
    name: 'the common tenant',
    request: (d) => form(v2(d, 'common'), clientCredentials(d.app)),
    status: 400,
    error: 'invalid_request',
    code: 50059,
  },
  {
    name: 'the organizations tenant',
    request: (d) => form(v2(d, 'organizations'), clientCredentials(d.app)),
    status: 400,
    error: 'invalid_request',
    code: 50059,
  },
  {
    name: 'the consumers tenant',
    request: (d) => form(v2(d, 'consumers'), clientCredentials(d.app)),
    status: 400,
    error: 'invalid_request',
    code: 50059,
  },
  {
    name: 'a tenant that is neither GUID nor domain',
    request: (d) => form(v2(d, 'contoso'), clientCredentials(d.app)),
    status: 400,
    error: 'invalid_request',
    code: 900023,
  },
  {
    name: 'an unknown tenant ID',
    request: (d) => form(v2(d, UNKNOWN_TENANT), clientCredentials(d.app)),
    status: 400,
    error: 'invalid_tenant',
    code: 90002,
  },
  {
    name: 'an unknown domain',
    request: (d) => form(v2(d, 'fabrikam.onmicrosoft.com'), clientCredentials(d.app)),
    status: 400,
    error: 'invalid_tenant',
    code: 90002,
  },
  {
    name: 'an app not in the tenant',
    request: (d) => form(d.tokenUrl, clientCredentials(d.app, { client_id: UNKNOWN_APP })),
    status: 400,
    error: 'unauthorized_client',
    code: 700016,
  },
  {
    name: 'no client secret',
    request: (d) => form(d.tokenUrl, without(clientCredentials(d.app), 'client_secret')),
    status: 401,
    error: 'invalid_client',
    code: 7000218,
  },
  {
    name: 'an empty client secret',
    request: (d) => form(d.tokenUrl, clientCredentials(d.app, { client_secret: '' })),
    status: 401,
    error: 'invalid_client',
    code: 7000218,
  },
  {
    name: 'a wrong client secret',
    request: (d) => form(d.tokenUrl, clientCredentials(d.app, { client_secret: 'Wr08Q~not-the-secret' })),
    status: 401,
    error: 'invalid_client',
    code: 7000215,
  },
  {
    name: 'the Secret ID instead of its value',
    request: (d) => form(d.tokenUrl, clientCredentials(d.app, { client_secret: d.app.secrets[0]?.id ?? '' })),
    status: 401,
    error: 'invalid_client',
    code: 7000215,
  },
  {
    name: "another app's secret",
    request: (d) => form(d.tokenUrl, clientCredentials(d.app, { client_secret: validSecret(d.unconsentedApp) })),
    status: 401,
    error: 'invalid_client',
    code: 7000215,
  },
  {
    name: 'an expired client secret',
    request: (d) => form(d.tokenUrl, clientCredentials(d.app, { client_secret: d.app.secrets[1]?.value ?? '' })),
    status: 401,
    error: 'invalid_client',
    code: 7000222,
  },
  {
    name: 'a client assertion naming no certificate',
    request: (d) =>
      form(d.tokenUrl, {
        ...without(clientCredentials(d.app), 'client_secret'),
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: 'eyJhbGciOiJQUzI1NiJ9.e30.c2ln',
      }),
    status: 401,
    error: 'invalid_client',
    code: 5002723,
  },
  {
    name: 'a delegated-style scope',
    request: (d) => form(d.tokenUrl, clientCredentials(d.app, { scope: 'https://graph.microsoft.com/Mail.Send' })),
    status: 400,
    error: 'invalid_scope',
    code: 1002012,
  },
  {
    name: 'a bare permission as scope',
    request: (d) => form(d.tokenUrl, clientCredentials(d.app, { scope: 'Mail.Send' })),
    status: 400,
    error: 'invalid_scope',
    code: 1002012,
  },
  {
    name: '.default without a resource',
    request: (d) => form(d.tokenUrl, clientCredentials(d.app, { scope: '.default' })),
    status: 400,
    error: 'invalid_scope',
    code: 70011,
  },
  {
    name: 'two resources in one scope',
    request: (d) =>
      form(d.tokenUrl, clientCredentials(d.app, { scope: `${GRAPH_SCOPE} https://outlook.office365.com/.default` })),
    status: 400,
    error: 'invalid_scope',
    code: 70011,
  },
  {
    name: 'an unknown resource',
    request: (d) => form(d.tokenUrl, clientCredentials(d.app, { scope: 'https://graph.microsoft.co/.default' })),
    status: 400,
    error: 'invalid_resource',
    code: 500011,
  },
  {
    name: 'an unknown v1 resource',
    request: (d) =>
      form(
        `${d.emulator.loginBaseUrl}/${d.tenant.id}/oauth2/token`,
        clientCredentials(d.app, { resource: 'https://graph.microsoft.com/.default' }),
      ),
    status: 400,
    error: 'invalid_resource',
    code: 500011,
  },
  {
    name: 'a GET request',
    request: (d) => ({ url: d.tokenUrl, init: { method: 'GET' } }),
    status: 400,
    error: 'invalid_request',
    code: 900561,
  },
];
