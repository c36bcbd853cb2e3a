import { storedCredentialSchema, storedCredentialV1Schema } from '../../../src/credentials/stored-credential-schema';
import {
  validateStoredCredential,
  validateStoredCredentialV1,
} from '../../../src/credentials/validate-stored-credential';
import { expectSameVerdicts, type Sample } from './same-verdict';

const connection = {
  clientId: '11111111-2222-3333-4444-555555555555',
  tokenEndpoint: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
  scope: 'https://graph.microsoft.com/.default',
  senderMailbox: 'support@contoso.com',
  graphBaseUrl: 'https://graph.microsoft.com/v1.0',
  hasSecret: true,
};
const v1 = {
  version: 1,
  id: '3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f4a5b6c',
  name: 'Support mailbox',
  provider: 'microsoft365',
  grantType: 'client_credentials',
  ...connection,
  secretExpiresOn: '2026-05-01',
  isDefault: true,
  createdAt: '2024-05-01T10:00:00.000Z',
  updatedAt: '2024-05-01T10:00:00.000Z',
  lastTest: { ok: true, code: 'OK', message: 'Connected', testedAt: '2024-05-01T10:01:00.000Z' },
};
const v2 = {
  ...v1,
  version: 2,
  clientAuthMethod: 'certificate',
  hasNextSecret: false,
  hasPrivateKey: true,
  certificate: { thumbprint: 'a', thumbprintSha256: 'b', subject: 'CN=x', notBefore: 'n', notAfter: 'm' },
  certificateUpdatedAt: 'c',
  lastRotation: { promotedAt: 'p', reason: 'expired' },
  lastTest: {
    ...v1.lastTest,
    steps: [{ key: 'token', status: 'passed', title: 't', message: 'm', code: 'c' }],
    permissions: [{ permission: 'Mail.Send', granted: true }],
    tested: 'saved',
  },
};
const { hasPrivateKey: _hasPrivateKey, ...withoutPrivateKey } = v2;

const v2Samples: Sample[] = [
  ['a certificate credential', v2],
  ['a plain secret credential', { ...v2, clientAuthMethod: 'client_secret', certificate: undefined }],
  ['an unknown key, stripped', { ...v2, legacy: true, lastRotation: { promotedAt: 'p', reason: 'invalid', by: 'x' } }],
  ['version 1', v1],
  ['version 3', { ...v2, version: 3 }],
  ['an id with capitals', { ...v2, id: 'ABC' }],
  ['an id of 65 characters', { ...v2, id: 'a'.repeat(65) }],
  ['an empty id', { ...v2, id: '' }],
  ['an unknown cloud', { ...v2, provider: 'microsoft365-mars' }],
  ['an unknown auth method', { ...v2, clientAuthMethod: 'password' }],
  ['no hasPrivateKey', withoutPrivateKey],
  ['hasSecret a string', { ...v2, hasSecret: 'yes' }],
  ['a certificate without subject', { ...v2, certificate: { ...v2.certificate, subject: undefined } }],
  ['a rotation for an unknown reason', { ...v2, lastRotation: { promotedAt: 'p', reason: 'bored' } }],
  [
    'a test step with an unknown key',
    { ...v2, lastTest: { ...v2.lastTest, steps: [{ ...v2.lastTest.steps[0], key: 'x' }] } },
  ],
  [
    'an unknown permission',
    { ...v2, lastTest: { ...v2.lastTest, permissions: [{ permission: 'Mail.Read', granted: true }] } },
  ],
  ['tested by whom', { ...v2, lastTest: { ...v2.lastTest, tested: 'both' } }],
  ['not a record', 'credential'],
];

const v1Samples: Sample[] = [
  ['a version 1 record', v1],
  ['version 1 from China', { ...v1, provider: 'microsoft365-china' }],
  ['hasSecret a string', { ...v1, hasSecret: 'yes' }],
  ['a bad grant type', { ...v1, grantType: 'password' }],
  ['a bad last test', { ...v1, lastTest: { ok: 'yes' } }],
  ['version 2 fields kept out', { ...v1, hasNextSecret: true }],
];

describe('the generated stored credential validators judge as their zod schemas', () => {
  describe('version 2', () => expectSameVerdicts(storedCredentialSchema, validateStoredCredential, v2Samples));
  describe('version 1', () => expectSameVerdicts(storedCredentialV1Schema, validateStoredCredentialV1, v1Samples));
});
