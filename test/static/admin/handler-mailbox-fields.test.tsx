/**
 * @jest-environment jsdom
 */
import type { CredentialView } from '../../../src/contract';
import { HandlerMailboxFields } from '../../../static/admin/src/mail-handlers/handler-mailbox-fields';
import { emptyHandlerValues, type HandlerFormValues } from '../../../static/admin/src/mail-handlers/mail-handler-state';
import { MICROSOFT_SAVED } from './support/credential-fixtures';
import { mount, type Mounted } from './support/dom';
import { GOOGLE_SAVED } from './support/google-fixtures';

const MICROSOFT: CredentialView = { ...MICROSOFT_SAVED, id: 'cred-ms' };
const SIGNED_IN: CredentialView = { ...MICROSOFT, id: 'cred-code', grantType: 'authorization_code', isDefault: false };

let mounted: Mounted | null = null;
afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
});

const render = async (credential: CredentialView, values: Partial<HandlerFormValues> = {}) => {
  mounted = await mount(
    <HandlerMailboxFields
      values={{ ...emptyHandlerValues(credential.id), ...values }}
      errors={{}}
      update={() => undefined}
      credentials={{ state: 'loaded', data: [MICROSOFT, SIGNED_IN, GOOGLE_SAVED] }}
    />,
  );
  const radios = Array.from(mounted.container.querySelectorAll('input[name="handler-mailbox-choice"]'));
  const hints = Array.from(mounted.container.querySelectorAll('.im-field__hint')).map((hint) => hint.textContent);
  return { choices: radios.map((radio) => radio.parentElement?.textContent), hints };
};

describe("the mail handler form's mailbox", () => {
  it('offers another mailbox for application permissions', async () => {
    const { choices, hints } = await render(MICROSOFT);
    expect(choices).toEqual([
      "The credential's sender mailbox (support@contoso.com)",
      'Another mailbox the credential may read',
    ]);
    expect(hints[0]).toBe('Its app registration needs Mail.ReadWrite (application) to read and move mail.');
  });

  it.each([
    [
      'a signed-in mailbox',
      SIGNED_IN,
      'It reads the mailbox that signed in, with the delegated Mail.ReadWrite permission.',
    ],
    [
      'a Google service account',
      GOOGLE_SAVED,
      'Its service account needs the gmail.modify scope in the Google Admin console to read and label mail; folders are Gmail labels.',
    ],
  ])('offers only its own mailbox for %s', async (_kind, credential, credentialHint) => {
    const { choices, hints } = await render(credential);
    expect(choices).toEqual([`The credential's sender mailbox (${credential.senderMailbox})`]);
    expect(hints.slice(0, 2)).toEqual([credentialHint, 'This credential reads only the mailbox it acts as.']);
  });

  it('keeps a saved other mailbox on show, so the refusal has its field', async () => {
    const { choices } = await render(GOOGLE_SAVED, { mailboxChoice: 'other', mailbox: 'help@example-google.test' });
    expect(choices).toHaveLength(2);
    expect(mounted?.container.querySelector<HTMLInputElement>('#handler-mailbox')?.value).toBe(
      'help@example-google.test',
    );
  });
});
