import { type HostedBrowser, startHostedBrowser } from './support/browser';

let run: HostedBrowser;

beforeAll(async () => {
  run = await startHostedBrowser();
});

afterAll(async () => {
  await run?.close();
});

describe('"Email this issue" on the issue view', () => {
  it('queues DEMO-1, follows it until Graph accepted it, and shows the "Email sent" flag', async () => {
    const { page, host } = run;
    await page.goto(`${host.url}/browse/DEMO-1`);
    const summary = await page.getByRole('heading', { level: 1 }).innerText();

    await page.getByRole('button', { name: 'Apps' }).click();
    await page.getByRole('menuitem', { name: 'Email this issue' }).click();
    const dialog = page.getByRole('dialog', { name: 'Email this issue' });
    await dialog.waitFor();
    const app = page.frameLocator('iframe[title="Email this issue"]');

    await app.getByText('From: support@contoso.onmicrosoft.com').waitFor();
    const subject = app.getByLabel('Subject', { exact: true });
    expect(await subject.inputValue()).toBe(`[DEMO-1] ${summary}`);
    expect(await app.getByLabel('Message', { exact: true }).isVisible()).toBe(true);

    await app.getByLabel('To', { exact: true }).fill('alex@example.com, jordan@example.com');
    await app.getByLabel('Message', { exact: true }).fill('Can you take a look at this today?');
    await app.getByRole('button', { name: 'Send' }).click();

    const status = app.getByRole('status', { name: 'Delivery status' });
    await status.getByText('Sent to 2 people').waitFor();
    const flag = page.getByRole('alert').filter({ hasText: 'Email sent' });
    await flag.waitFor();
    expect(await flag.innerText()).toContain('DEMO-1 was emailed to 2 recipients.');
    // The dialog stays open with the outcome until the sender closes it.
    await app.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });

    const sent = host.microsoft.sentMessages('support@contoso.onmicrosoft.com');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.message.subject).toBe(`[DEMO-1] ${summary}`);
    expect(sent[0]?.message.toRecipients?.map((recipient) => recipient.emailAddress.address)).toEqual([
      'alex@example.com',
      'jordan@example.com',
    ]);

    await page.goto(`${host.microsoft.graphBaseUrl}/mailbox`);
    await page.getByRole('link', { name: `[DEMO-1] ${summary}`, exact: true }).waitFor();
    expect(run.pageErrors).toEqual([]);
  });

  it('marks an address that is not valid and keeps Send disabled', async () => {
    const { page, host } = run;
    await page.goto(`${host.url}/browse/DEMO-2`);
    await page.getByRole('button', { name: 'Apps' }).click();
    await page.getByRole('menuitem', { name: 'Email this issue' }).click();
    const app = page.frameLocator('iframe[title="Email this issue"]');
    const to = app.getByLabel('To', { exact: true });
    await to.fill('alex@example.com, not-an-address');
    await to.press('Enter');

    await app.getByText('"not-an-address" is not a valid email address.').waitFor();
    expect(await to.getAttribute('aria-invalid')).toBe('true');
    const send = app.getByRole('button', { name: 'Send' });
    expect((await send.isDisabled()) || (await send.getAttribute('aria-disabled')) === 'true').toBe(true);
    expect(host.microsoft.sentMessages()).toHaveLength(1);

    await app.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog', { name: 'Email this issue' }).waitFor({ state: 'detached' });
  });
});

describe('"Email this issue" when sending fails or is not set up', () => {
  it('follows the email through its retries and shows why it was not sent when Graph keeps refusing', async () => {
    const { page, host } = run;
    // Every one of the outbox's 8 attempts gets 503 with Retry-After 1; only sendMail, so that the dialog's
    // people search, when it runs first, does not take one of them.
    host.microsoft.injectFault({
      target: 'graph',
      kind: 'unavailable',
      count: 8,
      retryAfterSeconds: 1,
      pathIncludes: '/sendMail',
    });
    try {
      await page.goto(`${host.url}/browse/DEMO-4`);
      await page.getByRole('button', { name: 'Apps' }).click();
      await page.getByRole('menuitem', { name: 'Email this issue' }).click();
      const app = page.frameLocator('iframe[title="Email this issue"]');
      await app.getByLabel('To', { exact: true }).fill('alex@example.com');
      await app.getByRole('button', { name: 'Send' }).click();

      const status = app.getByRole('status', { name: 'Delivery status' });
      await status.getByText(/^Microsoft 365 asked to wait; trying again at \d\d:\d\d:\d\d \(attempt \d\)$/).waitFor();
      await status
        .getByText('Not sent: Microsoft 365 is unavailable right now. Try again in a few minutes.')
        .waitFor({ timeout: 60_000 });
      expect(await page.getByRole('dialog', { name: 'Email this issue' }).isVisible()).toBe(true);
      expect(host.microsoft.sentMessages()).toHaveLength(1);
      expect(await page.getByRole('alert').filter({ hasText: 'Email sent' }).count()).toBe(0);
    } finally {
      host.microsoft.clearFaults();
    }
    // Eight attempts a second apart, then up to 60 s for the last status: more than the default 60 s under load.
  }, 150_000);

  it('says email is not configured and disables Send when no credential is stored', async () => {
    const { page, host } = run;
    const listed = await page.request.post(`${host.url}/__forge/invoke`, {
      headers: { origin: host.url },
      data: { moduleKey: 'issue-mailer-admin', functionKey: 'listCredentials', payload: {} },
    });
    const credentials = ((await listed.json()) as { data: { id: string }[] }).data;
    for (const credential of credentials) {
      const deleted = await page.request.post(`${host.url}/__forge/invoke`, {
        headers: { origin: host.url },
        data: { moduleKey: 'issue-mailer-admin', functionKey: 'deleteCredential', payload: { id: credential.id } },
      });
      expect(await deleted.json()).toEqual({ ok: true, data: { id: credential.id } });
    }

    await page.goto(`${host.url}/browse/DEMO-1`);
    await page.getByRole('button', { name: 'Apps' }).click();
    await page.getByRole('menuitem', { name: 'Email this issue' }).click();
    const app = page.frameLocator('iframe[title="Email this issue"]');
    await app.getByRole('status').filter({ hasText: 'Email is not configured' }).waitFor();
    expect(await app.getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);
    expect(await app.getByText(/^From:/).count()).toBe(0);
  });
});
