import { GoogleKeyError, GoogleKeyErrorCode } from '../../../../src/providers/google/errors';
import {
  MAX_KEY_FILE_CHARS,
  parseServiceAccountKey,
  readServiceAccountKey,
} from '../../../../src/providers/google/service-account-key';
import { makeServiceAccountKey, pemBody } from './key-fixture';

const key = makeServiceAccountKey();
const SECRET_LINE = pemBody(key.privateKeyPem);

const keyText = (changes: Record<string, unknown> = {}, drop: string[] = []): string => {
  const file: Record<string, unknown> = { ...key.file, ...changes };
  for (const field of drop) delete file[field];
  return JSON.stringify(file, null, 2);
};

const refusal = async (text: string): Promise<GoogleKeyError> => {
  const error = await readServiceAccountKey(text).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof GoogleKeyError)) throw new Error(`expected a GoogleKeyError, got ${String(error)}`);
  expect(error.message).not.toContain(SECRET_LINE);
  expect(error.message).not.toContain('PRIVATE KEY-----\n');
  return error;
};

describe('parseServiceAccountKey', () => {
  it('splits a downloaded key into its public part and the trimmed PKCS#8 private key', async () => {
    const padded = keyText({ private_key: `\n  ${key.privateKeyPem}  \n` });

    const parsed = await readServiceAccountKey(padded);

    expect(parsed).toEqual({
      publicPart: {
        clientEmail: 'mailer@issue-mailer-test.iam.gserviceaccount.com',
        clientId: '112233445566778899001',
        privateKeyId: '0123456789abcdef0123456789abcdef01234567',
        projectId: 'issue-mailer-test',
      },
      privateKeyPem: key.privateKeyPem,
    });
    expect(JSON.stringify(parsed.publicPart)).not.toContain(SECRET_LINE);
  });

  it('accepts a key without the optional fields and ignores token_uri', () => {
    const parsed = parseServiceAccountKey(
      keyText({ token_uri: 'https://attacker.example/token' }, ['project_id', 'universe_domain', 'auth_uri']),
    );
    expect(parsed.publicPart.projectId).toBeUndefined();
    expect(JSON.stringify(parsed)).not.toContain('attacker');
  });

  it.each<[string, string, GoogleKeyErrorCode, string, string | undefined]>([
    [
      'not JSON',
      `${keyText()}x`,
      GoogleKeyErrorCode.NotJson,
      'The service account key is not JSON: paste or upload the whole JSON key file.',
      undefined,
    ],
    ['a JSON array', '[]', GoogleKeyErrorCode.NotJson, 'The service account key must be a JSON object.', undefined],
    [
      'an authorized_user file',
      keyText({ type: 'authorized_user' }),
      GoogleKeyErrorCode.NotServiceAccount,
      'The key\'s "type" is "authorized_user", not "service_account": create a JSON key for a service account in Google Cloud console (IAM & Admin > Service Accounts > Keys).',
      'type',
    ],
    [
      'no type',
      keyText({}, ['type']),
      GoogleKeyErrorCode.NotServiceAccount,
      'The key\'s "type" is missing or not a word, not "service_account": create a JSON key for a service account in Google Cloud console (IAM & Admin > Service Accounts > Keys).',
      'type',
    ],
    ...(['client_email', 'client_id', 'private_key_id', 'private_key'] as const).map(
      (field): [string, string, GoogleKeyErrorCode, string, string] => [
        `no ${field}`,
        keyText({}, [field]),
        GoogleKeyErrorCode.FieldMissing,
        `The service account key has no "${field}": use the JSON key file exactly as Google Cloud downloaded it.`,
        field,
      ],
    ),
    [
      'a number as client_id',
      keyText({ client_id: 1122334455 }),
      GoogleKeyErrorCode.FieldInvalid,
      'The service account key\'s "client_id" must be a string.',
      'client_id',
    ],
    [
      'a user email as client_email',
      keyText({ client_email: 'someone@example.com' }),
      GoogleKeyErrorCode.FieldInvalid,
      'The service account key\'s "client_email" must be a service account\'s email (…gserviceaccount.com).',
      'client_email',
    ],
    [
      'an email as client_id',
      keyText({ client_id: 'mailer@issue-mailer-test.iam.gserviceaccount.com' }),
      GoogleKeyErrorCode.FieldInvalid,
      'The service account key\'s "client_id" must be the numeric client ID.',
      'client_id',
    ],
    [
      'a short private_key_id',
      keyText({ private_key_id: 'abc' }),
      GoogleKeyErrorCode.FieldInvalid,
      'The service account key\'s "private_key_id" must be the key ID: 40 hexadecimal digits.',
      'private_key_id',
    ],
    [
      'a bad project_id',
      keyText({ project_id: 'My Project' }),
      GoogleKeyErrorCode.FieldInvalid,
      'The service account key\'s "project_id" must be a Google Cloud project ID (lower-case letters, digits and hyphens).',
      'project_id',
    ],
    [
      'another universe',
      keyText({ universe_domain: 'sovereign.example' }),
      GoogleKeyErrorCode.OtherUniverse,
      'The service account key\'s "universe_domain" is not "googleapis.com": keys of other universes use other endpoints, which Issue Mailer does not support.',
      'universe_domain',
    ],
    [
      'a PKCS#1 private key',
      keyText({ private_key: key.pkcs1Pem }),
      GoogleKeyErrorCode.NotPkcs8,
      'The service account key\'s "private_key" is a PEM "RSA PRIVATE KEY", not the PKCS#8 "PRIVATE KEY" Google issues.',
      'private_key',
    ],
    [
      'no PEM at all',
      keyText({ private_key: SECRET_LINE }),
      GoogleKeyErrorCode.NotPkcs8,
      'The service account key\'s "private_key" is not a PEM private key.',
      'private_key',
    ],
    [
      'a PKCS#8 PEM that is not a key',
      keyText({ private_key: `-----BEGIN PRIVATE KEY-----\n${SECRET_LINE.slice(0, 40)}\n-----END PRIVATE KEY-----` }),
      GoogleKeyErrorCode.PrivateKeyUnreadable,
      'The service account key\'s "private_key" cannot be read as an RSA private key: download a new JSON key.',
      'private_key',
    ],
  ])('refuses %s', async (_name, text, code, message, field) => {
    const error = await refusal(text);
    expect({ code: error.code, message: error.message, field: error.field }).toEqual({ code, message, field });
  });

  it('refuses a text longer than any key file without parsing it', async () => {
    const error = await refusal(' '.repeat(MAX_KEY_FILE_CHARS + 1));
    expect(error.code).toBe(GoogleKeyErrorCode.TooLarge);
    expect(error.message).toBe(
      `The service account key is ${MAX_KEY_FILE_CHARS + 1} characters; a JSON key file has at most ${MAX_KEY_FILE_CHARS}.`,
    );
  });
});
