import { readFileSync } from 'node:fs';

import { DEMO_CERTIFICATE, postJson, sendMailUrl, useDemo } from './helpers';

const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

describe('Microsoft emulator pages', () => {
  const demo = useDemo();

  const page = async (url: string): Promise<string> => {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    // The mailbox list ("Write to this mailbox") and the portal (redirect URIs, "Revoke sessions") have forms that
    // post to the emulator itself.
    expect(response.headers.get('content-security-policy')).toBe(
      ['/mailbox', '/portal'].includes(new URL(url).pathname)
        ? CSP.replace("form-action 'none'", "form-action 'self'")
        : CSP,
    );
    return response.text();
  };

  it('shows each app registration with the values an admin copies', async () => {
    const html = await page(`${demo.emulator.loginBaseUrl}/portal`);
    for (const text of [
      'Issue Mailer (demo)',
      'Application (client) ID',
      `<span class="value" data-testid="client-id">${demo.app.clientId}</span>`,
      'Directory (tenant) ID',
      `<span class="value" data-testid="tenant-id">${demo.tenant.id}</span>`,
      'OAuth 2.0 token endpoint (v2)',
      `<span class="value" data-testid="token-endpoint-v2">${demo.tokenUrl}</span>`,
      'Certificates &amp; secrets',
      '<th>Description</th><th>Expires</th><th>Value</th><th>Secret ID</th>',
      `<span class="value" data-testid="secret-value">${demo.app.secrets[0]?.value}</span>`,
      `<span class="value" data-testid="secret-id">${demo.app.secrets[0]?.id}</span>`,
      '<time datetime="2099-12-31T00:00:00Z" data-testid="secret-expires">12/31/2099</time>',
      '1/31/2024</time> <span class="badge bad">Expired</span>',
      '<td>Mail.Send</td><td>Application</td><td>Send mail as any user</td><td>Yes</td>',
      'Granted for Contoso',
      'Not granted for Contoso',
      `<span class="value" data-testid="client-id">${demo.unconsentedApp.clientId}</span>`,
      'Not enabled for REST API',
    ]) {
      expect(html).toContain(text);
    }
  });

  it('shows the demo certificate on the Certificates tab, with emulator-only downloads', async () => {
    const html = await page(`${demo.emulator.loginBaseUrl}/portal`);
    const certificate = demo.app.certificates?.[0];
    const downloads = `${demo.emulator.loginBaseUrl}/portal/certificates/${certificate?.id}`;
    for (const text of [
      '<th>Thumbprint</th><th>Description</th><th>Start date</th><th>Expires</th><th>Certificate ID</th>',
      `<tr data-certificate-id="${certificate?.id}">`,
      `<span class="value" data-testid="certificate-thumbprint">${DEMO_CERTIFICATE.thumbprint}</span>`,
      '<td>Issue Mailer demo (emulator only)</td>',
      '<time datetime="2026-11-26T16:33:09Z" data-testid="certificate-starts">11/26/2026</time>',
      '<time datetime="2036-11-23T16:33:09Z" data-testid="certificate-expires">11/23/2036</time></td>',
      `<span class="value" data-testid="certificate-id">${certificate?.id}</span>`,
      '<span class="badge warn">Emulator only</span>',
      `<a href="${downloads}/certificate.pem" download>certificate (PEM)</a>`,
      `<a href="${downloads}/private-key.pem" download>private key (PEM)</a>`,
      "The real portal never holds a certificate's private key.",
      'No certificates have been added for this application.',
    ]) {
      expect(html).toContain(text);
    }
    expect(html.match(/data-testid="certificate-downloads"/g)).toHaveLength(1);
  });

  it.each([
    ['certificate.pem', DEMO_CERTIFICATE.certificateFile, 'issue-mailer-demo-emulator-only.cert.pem'],
    ['private-key.pem', DEMO_CERTIFICATE.privateKeyFile, 'issue-mailer-demo-emulator-only.key.pem'],
  ])('serves the demo %s', async (file, source, name) => {
    const response = await fetch(
      `${demo.emulator.loginBaseUrl}/portal/certificates/${demo.app.certificates?.[0]?.id}/${file}`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-pem-file');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${name}"`);
    expect(await response.text()).toBe(readFileSync(source, 'utf8'));
  });

  it.each([
    '/portal/certificates/00000000-0000-4000-8000-000000000000/certificate.pem',
    '/portal/certificates/{id}/public.pem',
    '/portal/certificates/{id}',
  ])('answers %s with 404', async (path) => {
    const response = await fetch(
      `${demo.emulator.loginBaseUrl}${path.replace('{id}', demo.app.certificates?.[0]?.id ?? '')}`,
    );
    expect(response.status).toBe(404);
  });

  it('shows the application access policies and which mailboxes each app may use', async () => {
    const html = await page(`${demo.emulator.loginBaseUrl}/portal`);
    expect(html).toContain('<h4>Exchange Online application access policies</h4>');
    expect(html).toContain(
      `<tr data-testid="access-policy">\n<td>Issue Mailer (demo)</td>\n<td><span class="value">${demo.app.clientId}</span></td>\n<td>RestrictAccess</td>\n` +
        '<td><span class="value">support@contoso.onmicrosoft.com</span></td>\n<td>Issue Mailer (demo) may use the support mailbox only</td>\n</tr>',
    );
    expect(html).toContain(
      '<p data-testid="mailbox-access"><span class="badge warn">RestrictAccess</span> only support@contoso.onmicrosoft.com</p>',
    );
    expect(
      html.match(/No application access policy: the app may use every mailbox its permissions allow\./g),
    ).toHaveLength(2);
    expect(html).toContain('<span class="value">sales@contoso.onmicrosoft.com</span></td><td>Contoso Sales</td>');
  });

  it("shows each secret's expiry, warning from 30 days before it", async () => {
    const html = await page(`${demo.emulator.loginBaseUrl}/portal`);
    expect(html).toContain(
      '<time datetime="2030-06-21T00:00:00Z" data-testid="secret-expires">6/21/2030</time> <span class="badge warn" data-testid="expires-soon">Expires in 20 days</span>',
    );
    expect(html.match(/data-testid="expires-soon"/g)).toHaveLength(1);
  });

  it('links the portal and the mailboxes from the home page', async () => {
    const html = await page(`${demo.emulator.loginBaseUrl}/`);
    expect(html).toContain(`<a href="${demo.emulator.loginBaseUrl}/portal">App registrations</a>`);
    expect(html).toContain(`<a href="${demo.emulator.graphBaseUrl}/mailbox">Mailboxes</a>`);
    expect(html).toContain(demo.tokenUrl);
  });

  describe('mailbox viewer', () => {
    const subject = '<script>alert("x")</script> DEMO-9 & friends';
    const htmlBody = '<p>Issue <b>DEMO-9</b></p><script>parent.document.title = "owned"</script>';
    let messageId: string;

    beforeAll(async () => {
      const response = await postJson(sendMailUrl(demo), demo.token, {
        message: {
          subject,
          body: { contentType: 'html', content: htmlBody },
          toRecipients: [{ emailAddress: { address: 'alex@fabrikam.example', name: 'Alex <Wilber>' } }],
          ccRecipients: [{ emailAddress: { address: 'megan@fabrikam.example' } }],
          attachments: [
            {
              '@odata.type': '#microsoft.graph.fileAttachment',
              name: 'résumé "v2".pdf',
              contentType: 'application/pdf',
              contentBytes: Buffer.from('%PDF-1.7 tiny').toString('base64'),
            },
          ],
        },
      });
      expect(response.status).toBe(202);
      const stored = demo.emulator.sentMessages().at(-1);
      if (stored === undefined) throw new Error('not stored');
      messageId = stored.id;
    });

    it('lists sent mail per mailbox, escaped', async () => {
      const html = await page(`${demo.emulator.graphBaseUrl}/mailbox`);
      expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; DEMO-9 &#38; friends');
      expect(html).not.toContain('<script>');
      expect(html).toContain('Alex &#60;Wilber&#62; &lt;alex@fabrikam.example&gt;');
      expect(html).toContain('megan@fabrikam.example');
      expect(html).toContain('Contoso Support &#60;support@contoso.onmicrosoft.com&#62;');
      expect(html).toContain(`href="${demo.emulator.graphBaseUrl}/mailbox/messages/${messageId}"`);
      expect(html).toContain('<time datetime="2030-06-01T12:00:00.000Z">2030-06-01 12:00:00Z</time>');
      expect(html).toContain('No messages sent yet.');
    });

    it('renders a message with its HTML body in a sandboxed frame and its attachments', async () => {
      const html = await page(`${demo.emulator.graphBaseUrl}/mailbox/messages/${messageId}`);
      expect(html).toContain(
        `<iframe class="mail-body" sandbox="" referrerpolicy="no-referrer" title="Message body" src="${demo.emulator.graphBaseUrl}/mailbox/messages/${messageId}/body"></iframe>`,
      );
      expect(html).not.toContain('parent.document');
      expect(html).toContain('résumé &#34;v2&#34;.pdf');
      expect(html).toContain('<td>application/pdf</td><td>13 bytes</td>');
    });

    it('serves the HTML body under a sandboxing CSP', async () => {
      const response = await fetch(`${demo.emulator.graphBaseUrl}/mailbox/messages/${messageId}/body`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toBe(
        "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'",
      );
      expect(await response.text()).toBe(htmlBody);
    });

    it('downloads an attachment with its bytes and a safe file name', async () => {
      const response = await fetch(`${demo.emulator.graphBaseUrl}/mailbox/messages/${messageId}/attachments/0`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="r_sum_ _v2_.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%22v2%22.pdf`,
      );
      expect(Buffer.from(await response.arrayBuffer()).toString('utf8')).toBe('%PDF-1.7 tiny');
    });

    it('renders a text body escaped in the page itself', async () => {
      await postJson(sendMailUrl(demo), demo.token, {
        message: {
          subject: 'plain',
          body: { contentType: 'text', content: 'a < b & <i>not italic</i>' },
          toRecipients: [{ emailAddress: { address: 'alex@fabrikam.example' } }],
        },
      });
      const id = demo.emulator.sentMessages().at(-1)?.id ?? '';
      const html = await page(`${demo.emulator.graphBaseUrl}/mailbox/messages/${id}`);
      expect(html).toContain('<pre class="mail-body">a &#60; b &#38; &#60;i&#62;not italic&#60;/i&#62;</pre>');
      expect(html).not.toContain('<iframe');
    });

    it.each([
      '/mailbox/messages/AAMkAGnope',
      '/mailbox/messages/{id}/attachments/5',
      '/mailbox/messages/{id}/attachments/x',
    ])('answers %s with 404', async (path) => {
      const response = await fetch(`${demo.emulator.graphBaseUrl}${path.replace('{id}', messageId)}`);
      expect(response.status).toBe(404);
    });
  });
});
