/**
 * @jest-environment jsdom
 */
// The fake bridge goes first (a side-effect import, which import sorting keeps on top): @forge/bridge reads it when the UI modules load.
import './support/fake-admin-bridge';

import { act } from 'preact/test-utils';
import { useEffect } from 'react';

import {
  type ConnectionTestResult,
  type CredentialView,
  SERVICE_ACCOUNT_KEY_REQUIRED_MESSAGE,
} from '../../../src/contract';
import { CredentialsSection } from '../../../static/admin/src/credentials/credentials-section';
import { SAVE_FIRST_HINT } from '../../../static/admin/src/credentials/form-actions';
import { KEY_NOT_JSON_MESSAGE } from '../../../static/admin/src/credentials/google/service-account-key-file';
import { useCredentialList } from '../../../static/admin/src/credentials/use-credential-list';
import { formatDate, formatDateTime } from '../../../static/admin/src/shared/format';
import {
  buttonNamed,
  choose,
  click,
  controlLabelled,
  mount,
  type Mounted,
  paragraphsOf,
  queryButtonNamed,
  regionNamed,
  rowTexts,
  settle,
  tableNamed,
  textOf,
  typeInto,
} from './support/dom';
import { backend } from './support/fake-admin-bridge';
import { GOOGLE_SAVED, KEY_FILE_JSON, KEY_FILE_TEXT, keyFile } from './support/google-fixtures';

const SEND = 'https://www.googleapis.com/auth/gmail.send';
const BOTH = 'https://www.googleapis.com/auth/gmail.send,https://www.googleapis.com/auth/gmail.modify';
const KEY_LABEL = 'Service account key (JSON)';

const Harness = () => {
  const list = useCredentialList();
  const { want } = list;
  useEffect(() => want(), [want]);
  return <CredentialsSection list={list} />;
};

let mounted: Mounted | null = null;
let listed: CredentialView[] = [];
const writeText = jest.fn<Promise<void>, [string]>();

beforeAll(() => {
  Element.prototype.scrollIntoView = () => undefined;
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});

beforeEach(() => {
  backend.reset();
  writeText.mockReset().mockResolvedValue(undefined);
  listed = [GOOGLE_SAVED];
  backend.on('listCredentials', () => ({ ok: true, data: listed }));
  backend.on('listWarnings', () => ({ ok: true, data: { warnings: [] } }));
});

afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
});

const openSection = async () => {
  mounted = await mount(<Harness />);
  return regionNamed(mounted.container, 'Credentials');
};

const form = () => mounted?.container.querySelector('form') as HTMLFormElement;
const labelsIn = (scope: ParentNode) => Array.from(scope.querySelectorAll('label')).map((label) => textOf(label));
const calls = (functionKey: string) => backend.calls.filter((call) => call.functionKey === functionKey);
const describedBy = (control: HTMLElement) =>
  (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => textOf(document.getElementById(id) as HTMLElement));
const factsIn = (scope: Element) =>
  Array.from(scope.querySelectorAll('.im-facts dt')).map((term) => [
    textOf(term),
    textOf(term.nextElementSibling as Element),
  ]);

const errorOf = (input: HTMLInputElement) => document.getElementById(`${input.id}-error`)?.textContent ?? '';

/** The form shows what it made of a chosen file: its name beside the facts, or a new error on the input. */
const fileShown = (input: HTMLInputElement, file: File, errorBefore: string) =>
  errorOf(input) !== errorBefore ||
  (form().querySelector('.im-drop-zone__chosen')?.textContent ?? '').startsWith(`${file.name}:`);

/** Chooses a file as the file picker does; FileReader answers on a later task, so the test waits for its answer. */
const chooseFile = async (input: HTMLInputElement, file: File) => {
  const errorBefore = errorOf(input);
  await act(() => {
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  for (let turn = 0; turn < 100 && !fileShown(input, file, errorBefore); turn += 1) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
  await settle();
};

const addGoogle = async () => {
  const section = await openSection();
  await click(buttonNamed(section, 'Add credential'));
  await choose(controlLabelled<HTMLSelectElement>(form(), 'OAuth2 service provider'), 'google-workspace');
  return section;
};

const fillNew = async () => {
  await typeInto(controlLabelled(form(), 'Name'), 'Gmail support');
  await chooseFile(controlLabelled(form(), KEY_LABEL), keyFile(KEY_FILE_TEXT));
  await typeInto(controlLabelled(form(), 'Mailbox to send as'), 'support@example-google.test');
};

describe('choosing Google Workspace', () => {
  it('offers it after the Microsoft clouds and shows its own fields, keeping the name', async () => {
    const section = await openSection();
    await click(buttonNamed(section, 'Add credential'));
    const provider = controlLabelled<HTMLSelectElement>(form(), 'OAuth2 service provider');
    expect(Array.from(provider.options).map((option) => option.text)).toEqual([
      'Microsoft 365',
      'Microsoft 365 US Government (GCC High)',
      'Microsoft 365 US Government (DoD)',
      'Microsoft 365 operated by 21Vianet (China)',
      'Google Workspace',
    ]);
    await typeInto(controlLabelled(form(), 'Name'), 'Gmail support');
    await choose(provider, 'google-workspace');

    expect(labelsIn(form())).toEqual([
      'Name',
      'OAuth2 service provider',
      'Grant type',
      KEY_LABEL,
      'Mailbox to send as',
      'Also read incoming mail (gmail.modify)',
      'OAuth scopes (comma-delimited)',
    ]);
    expect(controlLabelled(form(), 'Name').value).toBe('Gmail support');
    expect(controlLabelled(form(), 'Grant type').value).toBe('Service account (JWT bearer)');
    expect(document.activeElement).toBe(controlLabelled(form(), 'OAuth2 service provider'));
    const keyInput = controlLabelled(form(), KEY_LABEL);
    expect([keyInput.type, keyInput.accept, keyInput.getAttribute('aria-required')]).toEqual([
      'file',
      '.json,application/json',
      'true',
    ]);

    await choose(controlLabelled<HTMLSelectElement>(form(), 'OAuth2 service provider'), 'microsoft365-usgov');
    expect(labelsIn(form())).toContain('Client secret');
    expect(controlLabelled(form(), 'Name').value).toBe('Gmail support');
    expect(controlLabelled(form(), 'Scope').value).toBe('https://graph.microsoft.us/.default');
  });

  it('shows what a chosen key file says, its Client ID and the scopes to copy', async () => {
    await addGoogle();
    const delegation = regionNamed(form(), 'Domain-wide delegation');
    expect(paragraphsOf(delegation)).toContain("Choose the key file to see the service account's Client ID.");
    expect(Array.from(delegation.querySelectorAll('li')).map((item) => textOf(item))).toEqual([
      'In the Google Admin console, open Security > Access and data control > API controls.',
      'Under Domain wide delegation, select Manage Domain Wide Delegation, then Add new.',
      'Paste the Client ID and the OAuth scopes below, then select Authorize. It usually takes effect within minutes, at times up to 24 hours.',
    ]);

    await chooseFile(controlLabelled(form(), KEY_LABEL), keyFile(KEY_FILE_TEXT));
    const chosen = form().querySelector('.im-drop-zone__chosen') as HTMLElement;
    expect(paragraphsOf(chosen)).toEqual(['issue-mailer-demo-0f3c9a1b2d4e.json: a key of this service account']);
    expect(factsIn(chosen)).toEqual([
      ['Service account', KEY_FILE_JSON.client_email],
      ['Client ID', KEY_FILE_JSON.client_id],
      ['Key ID', KEY_FILE_JSON.private_key_id],
      ['Project', KEY_FILE_JSON.project_id],
    ]);
    expect(textOf(form())).not.toContain('BEGIN PRIVATE KEY');
    expect(controlLabelled(delegation, 'Client ID').value).toBe(KEY_FILE_JSON.client_id);
    expect(controlLabelled(delegation, 'OAuth scopes (comma-delimited)').value).toBe(SEND);

    await click(buttonNamed(delegation, 'Copy Client ID'));
    await click(controlLabelled(form(), 'Also read incoming mail (gmail.modify)'));
    expect(controlLabelled(delegation, 'OAuth scopes (comma-delimited)').value).toBe(BOTH);
    await click(buttonNamed(delegation, 'Copy scopes'));
    expect(writeText.mock.calls).toEqual([[KEY_FILE_JSON.client_id], [BOTH]]);
    expect(Array.from(delegation.querySelectorAll('.im-copy-row__status')).map((status) => textOf(status))).toEqual([
      'Copied',
      'Copied',
    ]);
  });

  it('reads a key file dropped on the drop zone', async () => {
    await addGoogle();
    const zone = form().querySelector('.im-drop-zone') as HTMLElement;
    const over = new Event('dragover', { bubbles: true, cancelable: true });
    await act(() => {
      zone.dispatchEvent(over);
    });
    expect([over.defaultPrevented, zone.classList.contains('im-drop-zone--active')]).toEqual([true, true]);
    const file = keyFile(KEY_FILE_TEXT, 'dropped.json');
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { files: [file] } });
    await act(() => {
      zone.dispatchEvent(drop);
    });
    for (let turn = 0; turn < 100 && !form().querySelector('.im-drop-zone__chosen'); turn += 1) {
      await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    }
    expect(zone.classList.contains('im-drop-zone--active')).toBe(false);
    expect(paragraphsOf(form().querySelector('.im-drop-zone__chosen'))).toEqual([
      'dropped.json: a key of this service account',
    ]);
  });

  it('says at once on the field when the file is no key, and Save sends nothing', async () => {
    await addGoogle();
    await fillNew();
    const keyInput = controlLabelled(form(), KEY_LABEL);
    await chooseFile(keyInput, keyFile('{"type": "service_account", "private_key": "-----BEGIN', 'notes.json'));
    expect(keyInput.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(keyInput)[0]).toBe(KEY_NOT_JSON_MESSAGE);
    expect(form().querySelector('.im-drop-zone__chosen')).toBeNull();

    await click(buttonNamed(form(), 'Save'));
    expect(calls('saveGoogleCredential')).toHaveLength(0);
    expect(document.activeElement).toBe(keyInput);
  });

  it('asks for the key file before saving a new credential', async () => {
    await addGoogle();
    await typeInto(controlLabelled(form(), 'Name'), 'Gmail support');
    await typeInto(controlLabelled(form(), 'Mailbox to send as'), 'support@example-google.test');
    await click(buttonNamed(form(), 'Save'));
    expect(calls('saveGoogleCredential')).toHaveLength(0);
    expect(describedBy(controlLabelled(form(), KEY_LABEL))[0]).toBe(SERVICE_ACCOUNT_KEY_REQUIRED_MESSAGE);
  });

  it('saves the key file text, the mailbox and incoming mail, and lists the credential', async () => {
    listed = [];
    backend.on('saveGoogleCredential', () => {
      listed = [{ ...GOOGLE_SAVED, scope: `${SEND} https://www.googleapis.com/auth/gmail.modify` }];
      return { ok: true, data: listed[0] as CredentialView };
    });
    const section = await addGoogle();
    await fillNew();
    await click(controlLabelled(form(), 'Also read incoming mail (gmail.modify)'));
    await click(buttonNamed(form(), 'Save'));
    expect(backend.payloadsOf('saveGoogleCredential')).toEqual([
      {
        name: 'Gmail support',
        provider: 'google-workspace',
        senderMailbox: 'support@example-google.test',
        incomingMail: true,
        serviceAccountKey: KEY_FILE_TEXT,
      },
    ]);
    expect(paragraphsOf(form().querySelector('.im-message--success'))).toEqual([
      'Credential saved',
      '“Gmail support” is saved. Use Test connection to check it.',
    ]);
    // Saved: the key is write-only now, shown by its public facts.
    expect(queryButtonNamed(form(), 'Replace key')).not.toBeNull();
    expect(controlLabelled<HTMLInputElement>(form(), 'Also read incoming mail (gmail.modify)').checked).toBe(true);
    expect(rowTexts(tableNamed(section, 'Stored credentials'))[0]?.slice(0, 5)).toEqual([
      'Gmail support',
      'Google Workspace',
      'Service account (JWT bearer)',
      '113942816480123456789',
      'support@example-google.test',
    ]);
  });

  it("shows the server's field errors on their fields", async () => {
    backend.on('saveGoogleCredential', () => ({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Check the highlighted fields.',
        fieldErrors: {
          serviceAccountKey: 'The service account key\'s "client_email" must be a service account address.',
          senderMailbox: 'support@other.test is not in the Workspace domain.',
          type: 'Unexpected field.',
        },
      },
    }));
    await addGoogle();
    await fillNew();
    await click(buttonNamed(form(), 'Save'));
    expect(describedBy(controlLabelled(form(), KEY_LABEL))[0]).toBe(
      'The service account key\'s "client_email" must be a service account address.',
    );
    expect(describedBy(controlLabelled(form(), 'Mailbox to send as'))[0]).toBe(
      'support@other.test is not in the Workspace domain.',
    );
    expect(paragraphsOf(form().querySelector('.im-message--error'))).toEqual([
      'The credential was not saved',
      'Check the highlighted fields.',
      'Unexpected field.',
    ]);
    expect(document.activeElement).toBe(controlLabelled(form(), KEY_LABEL));
  });
});

describe('a saved Microsoft credential', () => {
  it('changes its cloud but cannot become a Google Workspace one', async () => {
    listed = [
      {
        ...GOOGLE_SAVED,
        id: 'cred-m1',
        name: 'Contoso support',
        provider: 'microsoft365',
        grantType: 'client_credentials',
        clientId: '3f8a2c1d-7b4e-4d96-a5f0-1c2e9b8d7a60',
        tokenEndpoint: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
        scope: 'https://graph.microsoft.com/.default',
        graphBaseUrl: 'https://graph.microsoft.com/v1.0',
        hasSecret: true,
        hasPrivateKey: false,
      },
    ];
    const section = await openSection();
    await click(buttonNamed(section, 'Edit Contoso support'));
    const provider = controlLabelled<HTMLSelectElement>(form(), 'OAuth2 service provider');
    expect(provider.disabled).toBe(false);
    expect(Array.from(provider.options).map((option) => [option.value, option.disabled])).toEqual([
      ['microsoft365', false],
      ['microsoft365-usgov', false],
      ['microsoft365-usgov-dod', false],
      ['microsoft365-china', false],
      ['google-workspace', true],
    ]);
    expect(describedBy(provider)).toEqual([
      'The Microsoft cloud your tenant lives in: it sets the sign-in and Graph hosts. A saved credential cannot become a Google Workspace one: add a new credential.',
    ]);
  });
});

describe('a saved Google credential', () => {
  const editSaved = async () => {
    const section = await openSection();
    await click(buttonNamed(section, 'Edit Gmail support'));
    return section;
  };

  it('keeps its provider, shows the stored service account and saves without a key', async () => {
    backend.on('saveGoogleCredential', (input) => ({ ok: true, data: { ...GOOGLE_SAVED, name: input.name } }));
    await editSaved();
    const provider = controlLabelled<HTMLSelectElement>(form(), 'OAuth2 service provider');
    expect(provider.disabled).toBe(true);
    expect(describedBy(provider)).toEqual([
      "A saved credential's provider cannot change: add a new credential for Microsoft 365.",
    ]);
    const stored = form().querySelector('[role="group"]') as HTMLElement;
    expect(factsIn(stored)).toEqual([
      ['Service account', 'issue-mailer@issue-mailer-demo.iam.gserviceaccount.com'],
      ['Client ID', '113942816480123456789'],
      ['Key ID', '0f3c9a1b2d4e6f708192a3b4c5d6e7f809a1b2c3'],
      ['Project', 'issue-mailer-demo'],
      ['Key', `Uploaded ${formatDateTime('2026-12-01T10:00:00Z')}, stored as a Forge secret`],
    ]);
    expect(controlLabelled(regionNamed(form(), 'Domain-wide delegation'), 'Client ID').value).toBe(
      '113942816480123456789',
    );

    await typeInto(controlLabelled(form(), 'Name'), 'Gmail desk');
    await click(buttonNamed(form(), 'Save'));
    expect(backend.payloadsOf('saveGoogleCredential')).toEqual([
      {
        id: 'cred-g1',
        name: 'Gmail desk',
        provider: 'google-workspace',
        senderMailbox: 'support@example-google.test',
        incomingMail: false,
      },
    ]);
  });

  it('replaces the key only with a chosen file, and "Keep the current key" takes it back', async () => {
    backend.on('saveGoogleCredential', () => ({ ok: true, data: GOOGLE_SAVED }));
    await editSaved();
    await click(buttonNamed(form(), 'Replace key'));
    const keyInput = controlLabelled(form(), KEY_LABEL);
    expect(document.activeElement).toBe(keyInput);
    await click(buttonNamed(form(), 'Keep the current key'));
    expect(document.activeElement).toBe(buttonNamed(form(), 'Replace key'));

    await click(buttonNamed(form(), 'Replace key'));
    await click(buttonNamed(form(), 'Save'));
    expect(calls('saveGoogleCredential')).toHaveLength(0);
    expect(describedBy(controlLabelled(form(), KEY_LABEL))[0]).toBe(SERVICE_ACCOUNT_KEY_REQUIRED_MESSAGE);

    const other = JSON.stringify({ ...KEY_FILE_JSON, client_id: '998877665544332211000' });
    await chooseFile(controlLabelled(form(), KEY_LABEL), keyFile(other));
    expect(controlLabelled(regionNamed(form(), 'Domain-wide delegation'), 'Client ID').value).toBe(
      '998877665544332211000',
    );
    await click(buttonNamed(form(), 'Save'));
    expect(backend.payloadsOf('saveGoogleCredential')).toEqual([
      {
        id: 'cred-g1',
        name: 'Gmail support',
        provider: 'google-workspace',
        senderMailbox: 'support@example-google.test',
        incomingMail: false,
        serviceAccountKey: other,
      },
    ]);
  });

  it('tests the saved credential, and says to save unsaved changes first', async () => {
    const result: ConnectionTestResult = {
      ok: false,
      code: 'GOOGLE_UNAUTHORIZED_CLIENT',
      message: 'Google refused the token: the service account may not act as support@example-google.test.',
      testedAt: '2026-12-07T08:00:00Z',
      tested: 'saved',
      steps: [
        {
          key: 'token',
          status: 'failed',
          title: 'Token',
          message: 'Add the Client ID with the scopes in the Admin console (Manage Domain Wide Delegation).',
          code: 'GOOGLE_UNAUTHORIZED_CLIENT',
        },
      ],
    };
    backend.on('testConnection', () => ({ ok: true, data: result }));
    await editSaved();
    await click(controlLabelled(form(), 'Also send a test email to me'));
    await click(buttonNamed(form(), 'Test connection'));
    expect(backend.payloadsOf('testConnection')).toEqual([{ id: 'cred-g1', sendTestEmail: true }]);
    expect(paragraphsOf(form().querySelector('.im-test-result'))).toEqual([
      'Tested the saved credential',
      'Connection failed',
      result.message,
      `Error code GOOGLE_UNAUTHORIZED_CLIENT · Tested ${formatDateTime(result.testedAt)}`,
      'Failed: Token',
      'Add the Client ID with the scopes in the Admin console (Manage Domain Wide Delegation).',
      'Error code GOOGLE_UNAUTHORIZED_CLIENT',
    ]);

    await typeInto(controlLabelled(form(), 'Mailbox to send as'), 'desk@example-google.test');
    const test = buttonNamed(form(), 'Test connection');
    expect(test.getAttribute('aria-disabled')).toBe('true');
    expect(describedBy(test)).toEqual([SAVE_FIRST_HINT]);
    await click(test);
    expect(calls('testConnection')).toHaveLength(1);
  });

  it('lists the key instead of a secret, and offers no Authorize', async () => {
    const section = await openSection();
    const row = rowTexts(tableNamed(section, 'Stored credentials'))[0];
    expect(row?.slice(0, 7)).toEqual([
      'Gmail support',
      'Google Workspace',
      'Service account (JWT bearer)',
      '113942816480123456789',
      'support@example-google.test',
      'Not tested yet',
      `Key uploaded ${formatDate('2026-12-01T10:00:00Z')}Key ID 0f3c9a1b`,
    ]);
    await click(buttonNamed(section, 'More actions for Gmail support'));
    expect(Array.from(document.querySelectorAll('[role="menuitem"]')).map((item) => textOf(item))).toEqual([
      'Make default',
      'Delete',
    ]);
  });
});

describe('the Google Workspace setup hint', () => {
  it('sits folded beside the Entra one, with the Google Cloud console steps', async () => {
    await openSection();
    const hints = Array.from(mounted?.container.querySelectorAll('details.im-setup') ?? []);
    expect(hints.map((hint) => textOf(hint.querySelector('summary') as Element))).toEqual([
      'Before you start: register an app in Microsoft Entra',
      'Before you start with Google Workspace: a service account',
    ]);
    const google = hints[1] as HTMLDetailsElement;
    expect(google.open).toBe(false);
    expect(Array.from(google.querySelectorAll('li')).map((step) => textOf(step).slice(0, 48))).toEqual([
      'In the Google Cloud console, in a project of you',
      'Open IAM & Admin > Service accounts, create a se',
      "After saving, allow the service account's Client",
    ]);
  });
});
