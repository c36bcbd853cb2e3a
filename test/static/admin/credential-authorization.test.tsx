/**
 * @jest-environment jsdom
 */
// The fake bridge goes first (a side-effect import, which import sorting keeps on top): @forge/bridge reads it when the UI modules load.
import './support/fake-admin-bridge';

import { useEffect } from 'react';

import type { AuthorizationSetup, CredentialView } from '../../../src/contract';
import { REDIRECT_URI_HINT } from '../../../static/admin/src/credentials/authorization-fields';
import { TIMED_OUT_MESSAGE } from '../../../static/admin/src/credentials/authorize-message';
import { CredentialsSection } from '../../../static/admin/src/credentials/credentials-section';
import { NOT_OPENED_MESSAGE } from '../../../static/admin/src/credentials/use-authorize';
import { useCredentialList } from '../../../static/admin/src/credentials/use-credential-list';
import { formatDateTime } from '../../../static/admin/src/shared/format';
import {
  advance,
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
  tableNamed,
  textOf,
  typeInto,
} from './support/dom';
import { backend } from './support/fake-admin-bridge';

const NOW = Date.parse('2026-12-07T05:00:00.000Z');
const REDIRECT_URI = 'https://4a1c.hello.atlassian-dev.net/x1/oauth-callback-token';
const SETUP: AuthorizationSetup = {
  redirectUri: REDIRECT_URI,
  scopes: ['Mail.Send', 'Mail.ReadWrite', 'User.Read', 'offline_access'],
};
const SIGN_IN_URL = 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize?client_id=x';
const TOKEN_ENDPOINT = 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token';
const AUTHORIZE_ENDPOINT = 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize';

const AUTHORIZED_AT = '2026-12-07T05:00:03Z';

const DELEGATED: CredentialView = {
  id: 'cred-2',
  name: 'Support as user',
  provider: 'microsoft365',
  grantType: 'authorization_code',
  clientAuthMethod: 'client_secret',
  clientId: '3f8a2c1d-7b4e-4d96-a5f0-1c2e9b8d7a60',
  tokenEndpoint: TOKEN_ENDPOINT,
  authorizationEndpoint: AUTHORIZE_ENDPOINT,
  scope: 'Mail.Send Mail.ReadWrite User.Read offline_access',
  senderMailbox: 'support@contoso.com',
  graphBaseUrl: 'https://graph.microsoft.com/v1.0',
  hasSecret: true,
  isDefault: false,
  createdAt: '2026-12-01T10:00:00Z',
  updatedAt: '2026-12-01T10:00:00Z',
};

const AUTHORIZED: CredentialView = {
  ...DELEGATED,
  authorization: { mailbox: 'support@contoso.com', displayName: 'Support Desk', authorizedAt: AUTHORIZED_AT },
};

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
  // jsdom lays nothing out; the form scrolls its heading into view as it opens.
  Element.prototype.scrollIntoView = () => undefined;
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});

beforeEach(() => {
  backend.reset();
  writeText.mockReset().mockResolvedValue(undefined);
  listed = [DELEGATED];
  backend.on('listCredentials', () => ({ ok: true, data: listed }));
  backend.on('listWarnings', () => ({ ok: true, data: { warnings: [] } }));
  backend.on('getAuthorizationSetup', () => ({ ok: true, data: SETUP }));
  backend.on('beginAuthorization', () => ({
    ok: true,
    data: { url: SIGN_IN_URL, expiresAt: new Date(NOW + 5_000).toISOString() },
  }));
  jest.useFakeTimers({ now: NOW });
});

afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
  jest.useRealTimers();
});

const openSection = async () => {
  mounted = await mount(<Harness />);
  return regionNamed(mounted.container, 'Credentials');
};

const form = () => mounted?.container.querySelector('form') as HTMLFormElement;
const labelsIn = (scope: ParentNode) => Array.from(scope.querySelectorAll('label')).map((label) => textOf(label));
const directCalls = (functionKey: string) => backend.calls.filter((call) => call.functionKey === functionKey);

describe('the credential form with the authorization code grant', () => {
  it('shows the Redirect URI, the authorization endpoint and the scopes only for that grant', async () => {
    const section = await openSection();
    await click(buttonNamed(section, 'Add credential'));
    const clientCredentialsLabels = labelsIn(form());
    expect(clientCredentialsLabels).toContain('Scope');
    expect(clientCredentialsLabels).toContain('Sender mailbox');
    expect(clientCredentialsLabels).not.toContain('Redirect URI');
    expect(directCalls('getAuthorizationSetup')).toHaveLength(0);

    await choose(controlLabelled<HTMLSelectElement>(form(), 'Grant type'), 'authorization_code');
    const labels = labelsIn(form());
    expect(labels).toEqual(expect.arrayContaining(['Redirect URI', 'Authorization endpoint URL', 'Scopes']));
    expect(labels).toContain('Mailbox to connect');
    expect(labels).not.toContain('Scope');
    expect(labels).not.toContain('Sender mailbox');
    const redirectUri = controlLabelled(form(), 'Redirect URI');
    expect(redirectUri.value).toBe(REDIRECT_URI);
    expect(redirectUri.readOnly).toBe(true);
    expect(textOf(document.getElementById(redirectUri.getAttribute('aria-describedby') ?? '') as Element)).toBe(
      REDIRECT_URI_HINT,
    );
    expect(controlLabelled(form(), 'Scopes').value).toBe('Mail.Send Mail.ReadWrite User.Read offline_access');
    expect(controlLabelled(form(), 'Scopes').readOnly).toBe(true);
    expect(paragraphsOf(regionNamed(form(), 'Connected mailbox'))).toEqual([
      'Save the credential, then press Authorize to sign in with the mailbox.',
    ]);

    await choose(controlLabelled<HTMLSelectElement>(form(), 'Grant type'), 'client_credentials');
    expect(labelsIn(form())).toEqual(clientCredentialsLabels);
    await choose(controlLabelled<HTMLSelectElement>(form(), 'Grant type'), 'authorization_code');
    expect(directCalls('getAuthorizationSetup')).toHaveLength(1);
  });

  it('prefills the authorization endpoint from the token endpoint and saves both', async () => {
    backend.on('saveCredential', (input) => ({ ok: true, data: { ...DELEGATED, id: 'cred-3', name: input.name } }));
    const section = await openSection();
    await click(buttonNamed(section, 'Add credential'));
    await choose(controlLabelled<HTMLSelectElement>(form(), 'Grant type'), 'authorization_code');
    await typeInto(controlLabelled(form(), 'Token endpoint URL'), TOKEN_ENDPOINT);
    expect(controlLabelled(form(), 'Authorization endpoint URL').value).toBe(AUTHORIZE_ENDPOINT);

    await typeInto(controlLabelled(form(), 'Name'), 'Support as user');
    await typeInto(controlLabelled(form(), 'Client ID'), DELEGATED.clientId);
    await typeInto(controlLabelled(form(), 'Client secret'), 'kq~8Q~abcdefghijklmnopqrstuvwxyz0123456');
    await typeInto(controlLabelled(form(), 'Mailbox to connect'), 'support@contoso.com');
    await click(buttonNamed(form(), 'Save'));
    expect(backend.payloadsOf('saveCredential')).toEqual([
      {
        name: 'Support as user',
        provider: 'microsoft365',
        grantType: 'authorization_code',
        clientAuthMethod: 'client_secret',
        clientId: DELEGATED.clientId,
        tokenEndpoint: TOKEN_ENDPOINT,
        authorizationEndpoint: AUTHORIZE_ENDPOINT,
        scope: 'https://graph.microsoft.com/.default',
        senderMailbox: 'support@contoso.com',
        graphBaseUrl: 'https://graph.microsoft.com/v1.0',
        secretExpiresOn: '',
        clientSecret: 'kq~8Q~abcdefghijklmnopqrstuvwxyz0123456',
      },
    ]);
  });

  it('copies the exact Redirect URI and announces it', async () => {
    const section = await openSection();
    await click(buttonNamed(section, 'Add credential'));
    await choose(controlLabelled<HTMLSelectElement>(form(), 'Grant type'), 'authorization_code');
    await click(buttonNamed(form(), 'Copy Redirect URI'));
    expect(writeText.mock.calls).toEqual([[REDIRECT_URI]]);
    const status = form().querySelector('.im-copy-row__status') as HTMLElement;
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(textOf(status)).toBe('Copied');
  });

  it('selects the Redirect URI for Ctrl+C where the clipboard is refused', async () => {
    writeText.mockRejectedValue(new Error('Not allowed'));
    const section = await openSection();
    await click(buttonNamed(section, 'Add credential'));
    await choose(controlLabelled<HTMLSelectElement>(form(), 'Grant type'), 'authorization_code');
    await click(buttonNamed(form(), 'Copy Redirect URI'));
    expect(textOf(form().querySelector('.im-copy-row__status') as HTMLElement)).toBe('Selected: press Ctrl+C to copy.');
  });
});

describe('Authorize', () => {
  const openSaved = async () => {
    const section = await openSection();
    await click(buttonNamed(section, 'Edit Support as user'));
    return section;
  };

  it('says "Not authorized" in the list and the form until a mailbox is connected', async () => {
    const section = await openSaved();
    expect(rowTexts(tableNamed(section, 'Stored credentials'))[0]?.[4]).toBe('support@contoso.com Not authorized');
    expect(paragraphsOf(regionNamed(form(), 'Connected mailbox'))[0]).toBe('Not authorized');
  });

  it('begins the sign-in with the id, opens its URL in a new window, polls, and shows the connected mailbox', async () => {
    const section = await openSaved();
    await click(buttonNamed(form(), 'Authorize'));
    expect(backend.payloadsOf('beginAuthorization')).toEqual([{ id: 'cred-2' }]);
    expect(backend.navigations).toEqual([{ url: SIGN_IN_URL, type: 'new-tab' }]);
    expect(paragraphsOf(form().querySelector('.im-message--information'))).toEqual([
      'Authorize: Support as user',
      'Sign in with the mailbox in the new window. This page updates when you have finished; if you closed that window, press Authorize to start again.',
    ]);

    await advance(2000);
    expect(directCalls('listCredentials')).toHaveLength(1);
    listed = [AUTHORIZED];
    await advance(2000);
    expect(directCalls('listCredentials')).toHaveLength(2);
    expect(paragraphsOf(form().querySelector('.im-message--success'))).toEqual([
      'Authorize: Support as user',
      'Connected as support@contoso.com (Support Desk)',
    ]);
    expect(paragraphsOf(regionNamed(form(), 'Connected mailbox'))[0]).toBe(
      `Signed in as support@contoso.com (Support Desk), authorized ${formatDateTime(AUTHORIZED_AT)}`,
    );
    expect(rowTexts(tableNamed(section, 'Stored credentials'))[0]?.[4]).toBe('support@contoso.com');
    await advance(10_000);
    expect(directCalls('listCredentials')).toHaveLength(2);
  });

  it('says the sign-in was not finished once it expires, and stops asking', async () => {
    await openSaved();
    await click(buttonNamed(form(), 'Authorize'));
    await advance(2000);
    await advance(2000);
    expect(form().querySelector('.im-message--warning')).toBeNull();
    await advance(2000);
    expect(paragraphsOf(form().querySelector('.im-message--warning'))).toEqual([
      'Authorize: Support as user',
      TIMED_OUT_MESSAGE,
    ]);
    expect(directCalls('listCredentials')).toHaveLength(3);
    await advance(10_000);
    expect(directCalls('listCredentials')).toHaveLength(3);
  });

  it('starts over when Authorize is pressed again while waiting', async () => {
    await openSaved();
    await click(buttonNamed(form(), 'Authorize'));
    await advance(2000);
    await click(buttonNamed(form(), 'Authorize'));
    expect(backend.payloadsOf('beginAuthorization')).toEqual([{ id: 'cred-2' }, { id: 'cred-2' }]);
    expect(backend.navigations).toHaveLength(2);
    await advance(1999);
    expect(directCalls('listCredentials')).toHaveLength(1);
    listed = [AUTHORIZED];
    await advance(1);
    expect(directCalls('listCredentials')).toHaveLength(2);
    expect(paragraphsOf(form().querySelector('.im-message--success'))[1]).toBe(
      'Connected as support@contoso.com (Support Desk)',
    );
  });

  it('stops polling when the form closes', async () => {
    const section = await openSaved();
    await click(buttonNamed(form(), 'Authorize'));
    await advance(2000);
    await click(buttonNamed(form(), 'Close'));
    await advance(10_000);
    expect(directCalls('listCredentials')).toHaveLength(1);
    expect(section.querySelector('form')).toBeNull();
  });

  it('says so when the new window is refused', async () => {
    backend.refuseNavigation = true;
    await openSaved();
    await click(buttonNamed(form(), 'Authorize'));
    expect(paragraphsOf(form().querySelector('[role="alert"]'))).toEqual([
      'Authorize: Support as user',
      NOT_OPENED_MESSAGE,
    ]);
    await advance(10_000);
    expect(directCalls('listCredentials')).toHaveLength(0);
  });

  it("shows the backend's refusal", async () => {
    backend.on('beginAuthorization', () => ({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: 'Only an authorization code credential can be authorized.' },
    }));
    await openSaved();
    await click(buttonNamed(form(), 'Authorize'));
    expect(paragraphsOf(form().querySelector('[role="alert"]'))).toEqual([
      'Authorize: Support as user',
      'Only an authorization code credential can be authorized.',
    ]);
    expect(backend.navigations).toEqual([]);
  });

  it("starts from the list's actions menu too", async () => {
    const section = await openSection();
    await click(buttonNamed(section, 'More actions for Support as user'));
    await click(buttonNamed(section, 'Authorize'));
    expect(backend.payloadsOf('beginAuthorization')).toEqual([{ id: 'cred-2' }]);
    expect(backend.navigations).toEqual([{ url: SIGN_IN_URL, type: 'new-tab' }]);
    listed = [AUTHORIZED];
    await advance(2000);
    expect(paragraphsOf(section.querySelector('.im-message--success'))).toEqual([
      'Authorize: Support as user',
      'Connected as support@contoso.com (Support Desk)',
      'Dismiss',
    ]);
    await click(buttonNamed(section, 'Dismiss'));
    expect(section.querySelector('.im-message--success')).toBeNull();
    expect(document.activeElement).toBe(buttonNamed(section, 'More actions for Support as user'));
  });

  it('shows when the sign-in was last used', async () => {
    const lastUsedAt = '2026-12-06T08:00:00Z';
    listed = [{ ...AUTHORIZED, authorization: { ...AUTHORIZED.authorization!, lastUsedAt } }];
    await openSaved();
    expect(paragraphsOf(regionNamed(form(), 'Connected mailbox'))[0]).toBe(
      `Signed in as support@contoso.com (Support Desk), authorized ${formatDateTime(AUTHORIZED_AT)} · last used ${formatDateTime(lastUsedAt)}`,
    );
  });

  it('offers no Authorize in the menu of a client credentials credential', async () => {
    listed = [{ ...DELEGATED, grantType: 'client_credentials', scope: 'https://graph.microsoft.com/.default' }];
    const section = await openSection();
    await click(buttonNamed(section, 'More actions for Support as user'));
    expect(queryButtonNamed(section, 'Authorize')).toBeNull();
  });
});

describe('Authorize again', () => {
  const failedTest = (authorizeAgain: boolean) => ({
    ok: false,
    code: 'OAUTH_GRANT_REVOKED',
    message: 'The sign-in was revoked.',
    testedAt: '2026-12-07T04:59:00Z',
    ...(authorizeAgain ? { authorizeAgain } : {}),
  });

  it.each([
    ['with', true, 1],
    ['without', false, 0],
  ])('is offered in a row test %s authorizeAgain', async (_with, authorizeAgain, buttons) => {
    backend.on('testConnection', () => ({ ok: true, data: failedTest(authorizeAgain) }));
    const section = await openSection();
    await click(buttonNamed(section, 'Test connection for Support as user'));
    const panel = regionNamed(section, 'Test connection: Support as user');
    expect(panel.querySelectorAll('button').length - 1).toBe(buttons);
    if (buttons === 0) return;
    await click(buttonNamed(panel, 'Authorize again'));
    expect(backend.payloadsOf('beginAuthorization')).toEqual([{ id: 'cred-2' }]);
    expect(backend.navigations).toEqual([{ url: SIGN_IN_URL, type: 'new-tab' }]);
    listed = [AUTHORIZED];
    await advance(2000);
    expect(paragraphsOf(panel.querySelector('.im-message--success'))).toEqual([
      'Authorize: Support as user',
      'Connected as support@contoso.com (Support Desk)',
      'Dismiss',
    ]);
  });

  it.each([
    ['with', true],
    ['without', false],
  ])("is offered in the form's test result %s authorizeAgain", async (_with, authorizeAgain) => {
    backend.on('testConnection', () => ({ ok: true, data: { ...failedTest(authorizeAgain), tested: 'saved' } }));
    await openSection();
    await click(buttonNamed(mounted?.container as HTMLElement, 'Edit Support as user'));
    await click(buttonNamed(form(), 'Test connection'));
    expect(queryButtonNamed(form(), 'Authorize again') !== null).toBe(authorizeAgain);
    if (!authorizeAgain) return;
    await click(buttonNamed(form(), 'Authorize again'));
    expect(backend.payloadsOf('beginAuthorization')).toEqual([{ id: 'cred-2' }]);
  });
});
