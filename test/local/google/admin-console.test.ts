import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { GoogleEmulatorErrorCode, loadWorkspaceConfig, startGoogleEmulator } from '../../../local/google';
import { GoogleTokenErrorCode } from '../../../src/providers/google/errors';
import { GMAIL_MODIFY_SCOPE, GMAIL_SEND_SCOPE } from '../../../src/providers/google/scopes';
import { DEMO_CLIENT_ID, DEMO_KEY_FILE, type GoogleWorld, startGoogleWorld, WORKSPACE_JSON } from './helpers';

let world: GoogleWorld;
beforeEach(async () => {
  world = await startGoogleWorld();
});
afterEach(async () => {
  await world.emulator.close();
});

const OTHER_CLIENT = '118273645501928374655';
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

const postForm = (path: string, form: Record<string, string>) =>
  fetch(`${world.emulator.url}${path}`, {
    method: 'POST',
    headers: FORM,
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
  });

const adminPage = async (): Promise<string> => {
  const response = await fetch(`${world.emulator.url}/admin`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-security-policy')).toContain("form-action 'self'");
  return response.text();
};

describe('Google emulator Admin console: domain-wide delegation', () => {
  it('lists the delegated clients, the users and the service accounts, with no private key', async () => {
    const page = await adminPage();
    expect(page).toContain(
      'Security &gt; Access and data control &gt; API controls &gt; Manage Domain Wide Delegation',
    );
    expect(page).toContain(`<td data-testid="delegation-client-id">${DEMO_CLIENT_ID}</td>`);
    expect(page).toContain(`<div>${GMAIL_SEND_SCOPE}</div><div>${GMAIL_MODIFY_SCOPE}</div>`);
    expect(page).toContain(
      '<td data-testid="user-email">former.agent@example-google.test</td><td>Former agent</td><td>Suspended</td>',
    );
    expect(page).toContain(
      '<td data-testid="service-account-email">issue-mailer@issue-mailer-demo.iam.gserviceaccount.com</td>',
    );
    expect(page).toContain('<code>e5cbf2ff19d6babc1f7780b35f0f5591fe7ff7b9</code> (active)');
    expect(page).toContain(`href="/admin/service-accounts/${DEMO_CLIENT_ID}/key.json"`);
    expect(page).not.toContain('PRIVATE KEY');
  });

  it('deletes, adds and edits a client with 303s, and reports the table through delegation()', async () => {
    const deleted = await postForm(`/admin/domain-wide-delegation/${DEMO_CLIENT_ID}/delete`, {});
    expect([deleted.status, deleted.headers.get('location')]).toEqual([303, '/admin']);
    expect(world.emulator.delegation()).toEqual([]);
    expect(await adminPage()).toContain('<tr><td colspan="5">No API clients.</td></tr>');

    const added = await postForm('/admin/domain-wide-delegation', {
      clientId: ` ${DEMO_CLIENT_ID} `,
      scopes: ` ${GMAIL_SEND_SCOPE} ,,`,
    });
    expect([added.status, added.headers.get('location')]).toEqual([303, '/admin']);
    expect(world.emulator.delegation()).toEqual([{ clientId: DEMO_CLIENT_ID, scopes: [GMAIL_SEND_SCOPE] }]);

    const edited = await postForm(`/admin/domain-wide-delegation/${DEMO_CLIENT_ID}`, {
      scopes: `${GMAIL_MODIFY_SCOPE}, https://mail.google.com/`,
    });
    expect([edited.status, edited.headers.get('location')]).toEqual([303, '/admin']);
    expect(world.emulator.delegation()).toEqual([
      { clientId: DEMO_CLIENT_ID, scopes: [GMAIL_MODIFY_SCOPE, 'https://mail.google.com/'] },
    ]);
    expect(await adminPage()).toContain(`<div>${GMAIL_MODIFY_SCOPE}</div><div>https://mail.google.com/</div>`);
  });

  it.each([
    [
      '/admin/domain-wide-delegation',
      { clientId: 'issue-mailer@issue-mailer-demo.iam.gserviceaccount.com', scopes: GMAIL_SEND_SCOPE },
      'Client ID must be the numeric client ID (the service account&#39;s client_id), not its email.',
    ],
    [
      '/admin/domain-wide-delegation',
      { clientId: OTHER_CLIENT, scopes: GMAIL_SEND_SCOPE },
      `The client ID ${OTHER_CLIENT} is not registered with Google (no service account of the emulator has it).`,
    ],
    ['/admin/domain-wide-delegation', { clientId: DEMO_CLIENT_ID, scopes: ' , ' }, 'Enter at least one OAuth scope.'],
    [
      '/admin/domain-wide-delegation',
      { clientId: DEMO_CLIENT_ID, scopes: `${GMAIL_SEND_SCOPE}, gmail.send` },
      'Unsupported OAuth scope: gmail.send',
    ],
    [
      `/admin/domain-wide-delegation/${DEMO_CLIENT_ID}`,
      { scopes: `${GMAIL_SEND_SCOPE}, ${GMAIL_MODIFY_SCOPE},${GMAIL_SEND_SCOPE}` },
      `Duplicate OAuth scope: ${GMAIL_SEND_SCOPE}`,
    ],
    [
      `/admin/domain-wide-delegation/${OTHER_CLIENT}`,
      { scopes: GMAIL_SEND_SCOPE },
      `No API client has the client ID ${OTHER_CLIENT}.`,
    ],
    [`/admin/domain-wide-delegation/${OTHER_CLIENT}/delete`, {}, `No API client has the client ID ${OTHER_CLIENT}.`],
  ])('refuses POST %s %j with a 400 page and changes nothing', async (path, form, problem) => {
    const response = await postForm(path, form);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(`<p data-testid="problem">${problem}</p>`);
    expect(world.emulator.delegation()).toEqual([
      { clientId: DEMO_CLIENT_ID, scopes: [GMAIL_SEND_SCOPE, GMAIL_MODIFY_SCOPE] },
    ]);
  });

  it('reads the table live: a scope removed on the page fails the next token request with unauthorized_client', async () => {
    await world.token({ scopes: [GMAIL_SEND_SCOPE, GMAIL_MODIFY_SCOPE] });
    const edited = await postForm(`/admin/domain-wide-delegation/${DEMO_CLIENT_ID}`, { scopes: GMAIL_SEND_SCOPE });
    expect(edited.status).toBe(303);

    const refused = await world.tokenError({ scopes: [GMAIL_SEND_SCOPE, GMAIL_MODIFY_SCOPE] });
    expect([refused.code, refused.oauthError]).toEqual([GoogleTokenErrorCode.DelegationMissing, 'unauthorized_client']);
    await expect(world.token({ scopes: [GMAIL_SEND_SCOPE] })).resolves.toBeDefined();

    await postForm(`/admin/domain-wide-delegation/${DEMO_CLIENT_ID}/delete`, {});
    const deleted = await world.tokenError({ scopes: [GMAIL_SEND_SCOPE] });
    expect([deleted.code, deleted.oauthError]).toEqual([GoogleTokenErrorCode.DelegationMissing, 'unauthorized_client']);

    await postForm('/admin/domain-wide-delegation', { clientId: DEMO_CLIENT_ID, scopes: GMAIL_SEND_SCOPE });
    await expect(world.token({ scopes: [GMAIL_SEND_SCOPE] })).resolves.toBeDefined();
  });

  it('downloads the demo key file as it is on disk, and no other key', async () => {
    const response = await fetch(`${world.emulator.url}/admin/service-accounts/${DEMO_CLIENT_ID}/key.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="issue-mailer-demo-e5cbf2ff19d6.json"',
    );
    expect(await response.text()).toBe(readFileSync(DEMO_KEY_FILE, 'utf8'));
    const other = await fetch(`${world.emulator.url}/admin/service-accounts/${OTHER_CLIENT}/key.json`);
    expect(other.status).toBe(404);
  });
});

describe('Google emulator demo key files', () => {
  it('refuses to start when a demo key file is not the key the config registers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'google-demo-key-'));
    try {
      const keyFile = join(dir, 'key.json');
      const demo = JSON.parse(readFileSync(DEMO_KEY_FILE, 'utf8')) as Record<string, string>;
      await writeFile(keyFile, JSON.stringify({ ...demo, private_key_id: '0'.repeat(40) }));
      const config = loadWorkspaceConfig(WORKSPACE_JSON);
      const key = config.serviceAccounts[0]?.keys[0];
      if (key === undefined) throw new Error('workspace.json has no key');
      key.demoKeyFile = keyFile;
      await expect(startGoogleEmulator({ config })).rejects.toMatchObject({
        code: GoogleEmulatorErrorCode.ConfigInvalid,
        message: `Demo key file ${keyFile}: private_key_id is not e5cbf2ff19d6babc1f7780b35f0f5591fe7ff7b9`,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
