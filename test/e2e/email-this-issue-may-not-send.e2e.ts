import { CASEY_CUSTOMER } from '../../local/jira';
import { SUPPORT_AGENTS } from '../../local/jira/seed/groups';
import type { MailSettings } from '../../src/contract/mail-settings';
import { NON_ADMIN_ACCOUNT_ID, useHostedBrowser } from './support/admin-page';
import type { HostedBrowser } from './support/browser';

let run: HostedBrowser;
useHostedBrowser((started) => {
  run = started;
});

const invokeAdmin = async <T>(functionKey: string, payload: unknown): Promise<T> => {
  const answer = await run.page.request.post(`${run.host.url}/__forge/invoke`, {
    headers: { origin: run.host.url },
    data: { moduleKey: 'issue-mailer-admin', functionKey, payload },
  });
  const body = (await answer.json()) as { ok: boolean; data: T };
  expect(body.ok).toBe(true);
  return body.data;
};

describe('"Email this issue" for people who may not send (issue 12, item 18)', () => {
  it('tells Jordan, outside the sending group, why at once: no form, nothing to send', async () => {
    const current = await invokeAdmin<MailSettings>('getMailSettings', {});
    await invokeAdmin('saveMailSettings', {
      ...current,
      whoMaySend: {
        mode: 'restricted',
        groups: [{ id: SUPPORT_AGENTS.groupId, name: SUPPORT_AGENTS.name }],
        projectRoles: [],
      },
    });

    const { page, host } = run;
    await page.goto(`${host.url}/browse/DEMO-1?as=${encodeURIComponent(NON_ADMIN_ACCOUNT_ID)}`);
    await page.getByRole('button', { name: 'Apps' }).click();
    await page.getByRole('menuitem', { name: 'Email this issue' }).click();
    const app = page.frameLocator('iframe[title="Email this issue"]');
    await app.getByText("You can't email this issue").waitFor();
    await app
      .getByText('Your Jira admin lets only members of support-agents email issues. Ask your Jira admin for access.')
      .waitFor();
    expect(await app.getByLabel('To', { exact: true }).count()).toBe(0);
    expect(await app.getByLabel('Subject', { exact: true }).count()).toBe(0);
    expect(await app.getByRole('button', { name: 'Send' }).count()).toBe(0);
    expect(await app.getByRole('button', { name: 'Preview' }).count()).toBe(0);
    await app.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('dialog', { name: 'Email this issue' }).waitFor({ state: 'detached' });
    expect(run.pageErrors).toEqual([]);
  });

  it('does not offer it to Casey, a service desk customer, in the Apps menu', async () => {
    const { page, host } = run;
    await page.goto(`${host.url}/browse/DEMO-1?as=${encodeURIComponent(CASEY_CUSTOMER.accountId)}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'Email this issue', includeHidden: true }).count()).toBe(0);
  });
});
