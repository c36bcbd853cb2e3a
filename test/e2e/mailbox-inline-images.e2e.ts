import { demoAppOf, emulatedTenant, SUPPORT_MAILBOX } from './support/admin-page';
import { type HostedBrowser, startHostedBrowser } from './support/browser';

let run: HostedBrowser;

beforeAll(async () => {
  run = await startHostedBrowser();
});

afterAll(async () => {
  await run?.close();
});

/** A 3×2 PNG, so the page can tell the image itself arrived (its natural size), not a broken-image icon. */
const PNG_3X2 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAAhBAIBLJpvVwAAAABJRU5ErkJggg==',
  'base64',
);

/** Graph's client credentials grant, as the app does it, with the demo app's secret that expires last. */
const graphToken = async (): Promise<string> => {
  const app = demoAppOf(run);
  const secret = [...app.secrets].sort((a, b) => Date.parse(b.expiresOn) - Date.parse(a.expiresOn))[0];
  if (!secret) throw new Error('The demo app has no secret.');
  const response = await fetch(`${run.host.microsoft.loginBaseUrl}/${emulatedTenant(run).id}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: app.clientId,
      client_secret: secret.value,
      scope: 'https://graph.microsoft.com/.default',
    }),
  });
  if (response.status !== 200) throw new Error(`The token endpoint answered ${response.status}.`);
  return ((await response.json()) as { access_token: string }).access_token;
};

describe('the Microsoft emulator’s mailbox page', () => {
  it('shows a message’s inline (cid:) images in its body, as Outlook does', async () => {
    const { page, host } = run;
    const sent = await fetch(`${host.microsoft.graphBaseUrl}/v1.0/users/${SUPPORT_MAILBOX}/sendMail`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await graphToken()}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        message: {
          subject: '[DEMO-1] A screenshot',
          body: {
            contentType: 'html',
            content: '<p>See:</p><img src="cid:image-10001@issue-mailer" alt="Screenshot">',
          },
          toRecipients: [{ emailAddress: { address: 'alex@example.com' } }],
          attachments: [
            {
              '@odata.type': '#microsoft.graph.fileAttachment',
              name: 'screenshot.png',
              contentType: 'image/png',
              contentBytes: PNG_3X2.toString('base64'),
              isInline: true,
              contentId: 'image-10001@issue-mailer',
            },
          ],
        },
      }),
    });
    expect(sent.status).toBe(202);

    await page.goto(`${host.microsoft.graphBaseUrl}/mailbox`);
    await page.getByRole('link', { name: '[DEMO-1] A screenshot', exact: true }).click();
    const body = page.frameLocator('iframe[title="Message body"]');
    const image = body.getByRole('img', { name: 'Screenshot' });
    await image.waitFor();
    await image.evaluate((element: HTMLImageElement) => element.decode().catch(() => undefined));
    expect(await image.evaluate((element: HTMLImageElement) => [element.naturalWidth, element.naturalHeight])).toEqual([
      3, 2,
    ]);
    // Nothing the CSP refused, nothing that failed to load.
    expect(run.pageErrors).toEqual([]);
  });
});
