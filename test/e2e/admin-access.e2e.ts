import { NON_ADMIN_ACCOUNT_ID } from './support/admin-page';
import { type HostedBrowser, startHostedBrowser } from './support/browser';

let run: HostedBrowser;

beforeAll(async () => {
  run = await startHostedBrowser();
});

afterAll(async () => {
  await run?.close();
});

const ADMIN_MODULE = 'issue-mailer-admin';
const NOT_ADMIN_MESSAGE = 'Only Jira administrators can change Issue Mailer settings.';

/** One call of the admin resolver as the browser's current user, the way the bridge makes it. */
const invokeAdmin = async (functionKey: string, payload: unknown): Promise<unknown> => {
  const response = await run.page.request.post(`${run.host.url}/__forge/invoke`, {
    data: { moduleKey: ADMIN_MODULE, functionKey, payload },
  });
  expect(response.status()).toBe(200);
  return response.json();
};

const NOT_ADMIN = {
  ok: false,
  error: { code: 'NOT_ADMIN', message: NOT_ADMIN_MESSAGE },
};

describe('the admin page and its resolver refuse a user who is not a Jira administrator', () => {
  beforeAll(async () => {
    await run.page.goto(`${run.host.url}/?as=${encodeURIComponent(NON_ADMIN_ACCOUNT_ID)}`);
  });

  it('Jira settings answers "You don\'t have access" instead of the page', async () => {
    const response = await run.page.goto(`${run.host.url}/admin`);
    expect(response?.status()).toBe(403);
    await run.page.getByRole('heading', { name: "You don't have access" }).waitFor();
    expect(
      await run.page.getByText('Jordan Lee is not a Jira administrator and cannot open Jira settings.').count(),
    ).toBe(1);
    expect(await run.page.locator('iframe').count()).toBe(0);
  });

  it('the app itself refuses when its frame is opened directly', async () => {
    await run.page.goto(`${run.host.url}/forge/resources/admin/index.html?moduleKey=${ADMIN_MODULE}`);
    const refusal = run.page.getByRole('alert').filter({ hasText: "You don't have access" });
    await refusal.waitFor();
    expect(await refusal.innerText()).toBe(`You don't have access\n\n${NOT_ADMIN_MESSAGE}`);
    expect(await run.page.getByRole('table').count()).toBe(0);
    expect(await run.page.getByRole('form').count()).toBe(0);
  });

  it.each([
    ['loadAdminView', { parts: ['warnings', 'credentials'] }],
    ['listCredentials', {}],
    ['listWarnings', {}],
    ['saveCredential', { name: 'Sneaky' }],
    ['deleteCredential', { id: 'any' }],
    ['testConnection', { id: 'any' }],
    ['setDefaultCredential', { id: 'any' }],
  ])('%s answers NOT_ADMIN', async (functionKey, payload) => {
    expect(await invokeAdmin(functionKey, payload)).toEqual(NOT_ADMIN);
  });

  it('the same calls work again for an administrator', async () => {
    await run.page.goto(`${run.host.url}/?as=5d8f6a2c1b9e4f0c7a3b2e10`);
    const answer = (await invokeAdmin('listCredentials', {})) as { ok: boolean; data: { name: string }[] };
    expect(answer.ok).toBe(true);
    expect(answer.data.map((credential) => credential.name)).toEqual(['Contoso support (emulator)']);
  });
});
