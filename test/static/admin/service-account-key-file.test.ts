/**
 * @jest-environment jsdom
 */
import { MAX_SERVICE_ACCOUNT_KEY_CHARS, SERVICE_ACCOUNT_KEY_TOO_LARGE_MESSAGE } from '../../../src/contract';
import {
  KEY_NOT_JSON_MESSAGE,
  KEY_NOT_SERVICE_ACCOUNT_MESSAGE,
  keyFieldMissingMessage,
  readServiceAccountKeyFile,
  summariseServiceAccountKey,
} from '../../../static/admin/src/credentials/google/service-account-key-file';
import { KEY_FILE_JSON, KEY_FILE_TEXT, keyFile } from './support/google-fixtures';

const without = (field: keyof typeof KEY_FILE_JSON) => {
  const { [field]: _dropped, ...rest } = KEY_FILE_JSON;
  return JSON.stringify(rest);
};

describe('readServiceAccountKeyFile', () => {
  it('reads the public facts of a key file, and keeps its text for Save', async () => {
    expect(await readServiceAccountKeyFile(keyFile(KEY_FILE_TEXT))).toEqual({
      ok: true,
      text: KEY_FILE_TEXT,
      summary: {
        clientEmail: 'issue-mailer@issue-mailer-demo.iam.gserviceaccount.com',
        clientId: '113942816480123456789',
        privateKeyId: '0f3c9a1b2d4e6f708192a3b4c5d6e7f809a1b2c3',
        projectId: 'issue-mailer-demo',
      },
    });
  });

  it('reads a key without project_id (optional)', async () => {
    const reading = await readServiceAccountKeyFile(keyFile(without('project_id')));
    expect(reading.ok && reading.summary).toEqual({
      clientEmail: 'issue-mailer@issue-mailer-demo.iam.gserviceaccount.com',
      clientId: '113942816480123456789',
      privateKeyId: '0f3c9a1b2d4e6f708192a3b4c5d6e7f809a1b2c3',
    });
  });

  it.each([
    ['not JSON', `${KEY_FILE_TEXT.slice(0, 40)}`, KEY_NOT_JSON_MESSAGE],
    ['a JSON array', '[1, 2]', KEY_NOT_JSON_MESSAGE],
    ['JSON null', 'null', KEY_NOT_JSON_MESSAGE],
    [
      'an OAuth client file',
      JSON.stringify({ ...KEY_FILE_JSON, type: 'authorized_user' }),
      KEY_NOT_SERVICE_ACCOUNT_MESSAGE,
    ],
    ['missing client_email', without('client_email'), keyFieldMissingMessage('client_email')],
    ['missing client_id', without('client_id'), keyFieldMissingMessage('client_id')],
    ['missing private_key_id', without('private_key_id'), keyFieldMissingMessage('private_key_id')],
    ['missing private_key', without('private_key'), keyFieldMissingMessage('private_key')],
    ['an empty client_id', JSON.stringify({ ...KEY_FILE_JSON, client_id: ' ' }), keyFieldMissingMessage('client_id')],
    ['a numeric client_id', JSON.stringify({ ...KEY_FILE_JSON, client_id: 1139 }), keyFieldMissingMessage('client_id')],
  ])('refuses %s with the message the field shows', async (_case, text, message) => {
    expect(await readServiceAccountKeyFile(keyFile(text))).toEqual({ ok: false, message });
  });

  it('refuses a file larger than any key before reading it', async () => {
    const big = keyFile(' '.repeat(MAX_SERVICE_ACCOUNT_KEY_CHARS + 1));
    expect(big.size).toBe(16_385);
    expect(await readServiceAccountKeyFile(big)).toEqual({ ok: false, message: SERVICE_ACCOUNT_KEY_TOO_LARGE_MESSAGE });
  });

  it('accepts a file of exactly the largest size and judges its text', async () => {
    const padded = KEY_FILE_TEXT.padEnd(MAX_SERVICE_ACCOUNT_KEY_CHARS, ' ');
    expect((await readServiceAccountKeyFile(keyFile(padded))).ok).toBe(true);
  });

  it('never quotes the file in a message', () => {
    const reading = summariseServiceAccountKey('{"private_key": "-----BEGIN PRIVATE KEY-----\nsecret');
    expect(reading).toEqual({ ok: false, message: KEY_NOT_JSON_MESSAGE });
  });

  it('refuses text longer than a key file', () => {
    expect(summariseServiceAccountKey('x'.repeat(MAX_SERVICE_ACCOUNT_KEY_CHARS + 1))).toEqual({
      ok: false,
      message: SERVICE_ACCOUNT_KEY_TOO_LARGE_MESSAGE,
    });
  });
});
