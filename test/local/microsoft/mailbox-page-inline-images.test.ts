import { rewriteCidReferences } from '../../../local/microsoft/inline-images';
import type { StoredMailAttachment } from '../../../local/microsoft/types';
import { postJson, sendMailUrl, useDemo } from './helpers';

/** A 1×1 transparent PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
const FILE = '#microsoft.graph.fileAttachment';

describe('Microsoft emulator mailbox page: inline (cid:) images', () => {
  const demo = useDemo();
  let messageId = '';
  const body =
    '<p>Screenshot:</p><img src="cid:image-10001@issue-mailer" alt="screenshot">' +
    '<img src="cid:unknown@issue-mailer" alt="gone"><img src="cid:notes@issue-mailer" alt="not an image">';

  beforeAll(async () => {
    const response = await postJson(sendMailUrl(demo), demo.token, {
      message: {
        subject: 'DEMO-1: inline image',
        body: { contentType: 'html', content: body },
        toRecipients: [{ emailAddress: { address: 'alex@fabrikam.example' } }],
        attachments: [
          {
            '@odata.type': FILE,
            name: 'notes.txt',
            contentType: 'text/plain',
            contentBytes: Buffer.from('notes').toString('base64'),
            isInline: true,
            contentId: 'notes@issue-mailer',
          },
          {
            '@odata.type': FILE,
            name: 'screen shot.png',
            contentType: 'image/png',
            contentBytes: PNG.toString('base64'),
            isInline: true,
            contentId: 'image-10001@issue-mailer',
          },
        ],
      },
    });
    expect(response.status).toBe(202);
    messageId = demo.emulator.sentMessages().at(-1)?.id ?? '';
  });

  const messageUrl = () => `${demo.emulator.graphBaseUrl}/mailbox/messages/${messageId}`;

  it('serves the body with each cid: image pointing at the image the page serves, and nothing else changed', async () => {
    const response = await fetch(`${messageUrl()}/body`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(
      `<p>Screenshot:</p><img src="${messageUrl()}/inline/1" alt="screenshot">` +
        '<img src="cid:unknown@issue-mailer" alt="gone"><img src="cid:notes@issue-mailer" alt="not an image">',
    );
  });

  it('keeps the body sandboxed, letting it load images only from data: and its own message’s inline images', async () => {
    const response = await fetch(`${messageUrl()}/body`);
    expect(response.headers.get('content-security-policy')).toBe(
      `sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data: ${messageUrl()}/inline/; frame-ancestors 'self'`,
    );
  });

  it('serves an inline image byte for byte, as an image to show, sandboxed', async () => {
    const response = await fetch(`${messageUrl()}/inline/1`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-disposition')).toBe(
      `inline; filename="screen shot.png"; filename*=UTF-8''screen%20shot.png`,
    );
    expect(response.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await response.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it.each([
    ['an attachment that is not an image', '0'],
    ['an attachment that does not exist', '2'],
    ['a name that is not an index', 'image-10001@issue-mailer'],
  ])('answers 404 for %s', async (_what, index) => {
    expect((await fetch(`${messageUrl()}/inline/${index}`)).status).toBe(404);
  });
});

describe('rewriteCidReferences', () => {
  const image = (contentId: string): StoredMailAttachment => ({
    name: 'a.png',
    contentType: 'image/png',
    size: 1,
    contentBytes: '',
    isInline: true,
    contentId,
  });
  const urlOf = (index: number) => `/inline/${index}`;

  it('matches a %-encoded reference and a Content-ID written in angle brackets (RFC 2392)', () => {
    expect(rewriteCidReferences('<img src="cid:a%20b@x">', [image('<a b@x>')], urlOf)).toBe('<img src="/inline/0">');
  });

  it('rewrites references in single quotes, unquoted and in CSS url()', () => {
    expect(
      rewriteCidReferences(
        `<img src='cid:a@x'><img src=cid:a@x><td style="background:url(cid:a@x)">`,
        [image('a@x')],
        urlOf,
      ),
    ).toBe(`<img src='/inline/0'><img src=/inline/0><td style="background:url(/inline/0)">`);
  });

  it('leaves a reference to nothing known, and a malformed %-escape, as they are', () => {
    expect(rewriteCidReferences('<img src="cid:b@x"><img src="cid:%E0%A4%A">', [image('a@x')], urlOf)).toBe(
      '<img src="cid:b@x"><img src="cid:%E0%A4%A">',
    );
  });
});
