import {
  type CredentialView,
  GMAIL_MODIFY_SCOPE,
  GMAIL_SEND_SCOPE,
  GOOGLE_MAILBOX_MESSAGE,
  SERVICE_ACCOUNT_KEY_REQUIRED_MESSAGE,
} from '../../../src/contract';
import {
  delegationClientId,
  delegationScopes,
  emptyGoogleValues,
  googleValuesFrom,
  type KeyChoice,
  keyInputVisible,
  NO_KEY,
  toGoogleCredentialInput,
  validateGoogleInput,
} from '../../../static/admin/src/credentials/google/google-form-state';
import { GOOGLE_SAVED, KEY_FILE_JSON, KEY_FILE_TEXT } from './support/google-fixtures';

const CHOSEN: KeyChoice = {
  state: 'chosen',
  fileName: 'key.json',
  text: KEY_FILE_TEXT,
  summary: {
    clientEmail: KEY_FILE_JSON.client_email,
    clientId: '998877665544332211000',
    privateKeyId: KEY_FILE_JSON.private_key_id,
    projectId: KEY_FILE_JSON.project_id,
  },
};
const INVALID: KeyChoice = { state: 'invalid', fileName: 'notes.txt', message: 'This file is not JSON.' };
const VALUES = { name: 'Gmail support', senderMailbox: 'support@example-google.test', incomingMail: false };

describe('Google form values', () => {
  it.each([
    ['gmail.send only', GMAIL_SEND_SCOPE, false],
    ['gmail.send and gmail.modify', `${GMAIL_SEND_SCOPE} ${GMAIL_MODIFY_SCOPE}`, true],
  ])('reads a stored credential with %s', (_case, scope, incomingMail) => {
    expect(googleValuesFrom({ ...GOOGLE_SAVED, scope })).toEqual({
      name: 'Gmail support',
      senderMailbox: 'support@example-google.test',
      incomingMail,
    });
  });

  it('starts a new credential empty, with a name carried over from the Microsoft form', () => {
    expect(emptyGoogleValues()).toEqual({ name: '', senderMailbox: '', incomingMail: false });
    expect(emptyGoogleValues('Support')).toEqual({ name: 'Support', senderMailbox: '', incomingMail: false });
  });
});

describe('toGoogleCredentialInput', () => {
  const KEYLESS: CredentialView = { ...GOOGLE_SAVED, hasPrivateKey: false };
  it.each<[string, CredentialView | null, KeyChoice, boolean, string | undefined]>([
    ['a new credential with a chosen key', null, CHOSEN, false, KEY_FILE_TEXT],
    ['a new credential whose file is no key', null, INVALID, false, undefined],
    ['a new credential without a file', null, NO_KEY, false, undefined],
    ['a saved credential, key kept', GOOGLE_SAVED, NO_KEY, false, undefined],
    ['a saved credential, a chosen key but Replace key taken back', GOOGLE_SAVED, CHOSEN, false, undefined],
    ['a saved credential, Replace key with a chosen key', GOOGLE_SAVED, CHOSEN, true, KEY_FILE_TEXT],
    ['a saved credential, Replace key without a file', GOOGLE_SAVED, NO_KEY, true, undefined],
    ['a saved credential with no stored key and a chosen key', KEYLESS, CHOSEN, false, KEY_FILE_TEXT],
  ])(
    'sends the key only when one was chosen where the key input shows: %s',
    (_case, credential, key, replace, sent) => {
      const input = toGoogleCredentialInput(VALUES, credential, key, replace);
      expect(input).toEqual({
        ...(credential ? { id: credential.id } : {}),
        name: 'Gmail support',
        provider: 'google-workspace',
        senderMailbox: 'support@example-google.test',
        incomingMail: false,
        ...(sent === undefined ? {} : { serviceAccountKey: sent }),
      });
      expect(Object.hasOwn(input, 'serviceAccountKey')).toBe(sent !== undefined);
    },
  );

  it('sends incomingMail as the checkbox says', () => {
    expect(toGoogleCredentialInput({ ...VALUES, incomingMail: true }, GOOGLE_SAVED, NO_KEY, false).incomingMail).toBe(
      true,
    );
  });
});

describe('validateGoogleInput', () => {
  const validate = (values: typeof VALUES, credential: CredentialView | null, key: KeyChoice, replace = false) =>
    validateGoogleInput(
      toGoogleCredentialInput(values, credential, key, replace),
      key,
      keyInputVisible(credential, replace),
    );

  it.each<[string, typeof VALUES, CredentialView | null, KeyChoice, boolean, Record<string, string>]>([
    ['a complete new credential', VALUES, null, CHOSEN, false, {}],
    ['a saved credential keeping its key', VALUES, GOOGLE_SAVED, NO_KEY, false, {}],
    [
      'a new credential without a key file',
      VALUES,
      null,
      NO_KEY,
      false,
      { serviceAccountKey: SERVICE_ACCOUNT_KEY_REQUIRED_MESSAGE },
    ],
    [
      'a new credential whose file is no key',
      VALUES,
      null,
      INVALID,
      false,
      { serviceAccountKey: 'This file is not JSON.' },
    ],
    [
      'Replace key opened without a file',
      VALUES,
      GOOGLE_SAVED,
      NO_KEY,
      true,
      { serviceAccountKey: SERVICE_ACCOUNT_KEY_REQUIRED_MESSAGE },
    ],
    [
      'no name and no mailbox',
      { ...VALUES, name: ' ', senderMailbox: 'support' },
      GOOGLE_SAVED,
      NO_KEY,
      false,
      { name: 'Enter a name, for example "Support mailbox".', senderMailbox: GOOGLE_MAILBOX_MESSAGE },
    ],
  ])('%s', (_case, values, credential, key, replace, errors) => {
    expect(validate(values, credential, key, replace)).toEqual(errors);
  });
});

describe('domain-wide delegation values', () => {
  it.each([
    [false, 'https://www.googleapis.com/auth/gmail.send'],
    [true, 'https://www.googleapis.com/auth/gmail.send,https://www.googleapis.com/auth/gmail.modify'],
  ])('with incoming mail %s the Admin console scopes are %s', (incomingMail, scopes) => {
    expect(delegationScopes(incomingMail)).toBe(scopes);
  });

  it.each<[string, CredentialView | null, KeyChoice, boolean, string]>([
    ['a new credential before a key file', null, NO_KEY, true, ''],
    ['a new credential with a chosen key', null, CHOSEN, true, '998877665544332211000'],
    ['a saved credential', GOOGLE_SAVED, NO_KEY, false, '113942816480123456789'],
    ['a saved credential replacing its key', GOOGLE_SAVED, CHOSEN, true, '998877665544332211000'],
    ['a saved credential, Replace key opened without a file', GOOGLE_SAVED, NO_KEY, true, '113942816480123456789'],
  ])('the Client ID of %s', (_case, credential, key, keyVisible, clientId) => {
    expect(delegationClientId(credential, key, keyVisible)).toBe(clientId);
  });
});
