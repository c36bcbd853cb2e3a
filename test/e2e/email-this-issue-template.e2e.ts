import { type HostedBrowser, openIssueDialog, startHostedBrowser } from './support/browser';
import { invokeFunction, unwrap } from './support/forge-invoke';

/** Issue 12, item 13: choosing a template in the dialog gives the email that template's subject. */
let run: HostedBrowser;

beforeAll(async () => {
  run = await startHostedBrowser();
});

afterAll(async () => {
  await run?.close();
});

describe('a template chosen in "Email this issue"', () => {
  it('brings its subject into the Subject field, and the email goes out with it', async () => {
    const { page, host } = run;
    unwrap(
      await invokeFunction(host.url, {
        moduleKey: 'issue-mailer-admin',
        functionKey: 'saveTemplate',
        payload: {
          name: 'Customer update',
          subject: 'Update on your request: {{ issue.summary }}',
          body: '<p>{{ issue.summary }}</p>',
        },
      }),
      'saveTemplate',
    );

    const app = await openIssueDialog(run, 'DEMO-3');
    const summary = await page.getByRole('heading', { level: 1 }).innerText();
    const subject = app.getByLabel('Subject', { exact: true });
    await subject.waitFor();
    expect(await subject.inputValue()).toBe(`[DEMO-3] ${summary}`);

    await app.getByLabel('Template', { exact: true }).selectOption({ label: 'Customer update' });
    expect(await subject.inputValue()).toBe(`[DEMO-3] Update on your request: ${summary}`);

    await app.getByLabel('To', { exact: true }).fill('customer@example.com');
    await app.getByRole('button', { name: 'Send' }).click();
    await app.getByRole('status', { name: 'Delivery status' }).getByText('Sent to 1 person').waitFor();
    const sent = host.microsoft
      .sentMessages('support@contoso.onmicrosoft.com')
      .map((message) => message.message.subject);
    expect(sent).toEqual([`[DEMO-3] Update on your request: ${summary}`]);
    expect(run.pageErrors).toEqual([]);
  });
});
