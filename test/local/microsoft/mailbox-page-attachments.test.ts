import { createHash } from 'node:crypto';

import { formatBytes, shortSize } from '../../../local/microsoft/html';
import { postJson, useDemo } from './helpers';

const SUPPORT = 'support@contoso.onmicrosoft.com';
const LOGS = 3_401_005;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const pattern = (size: number, seed: number): Buffer => {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i += 1) bytes[i] = (i * seed + (i >> 9)) & 0xff;
  return bytes;
};

describe('Microsoft emulator mailbox page: attachments', () => {
  const demo = useDemo();
  const logs = pattern(LOGS, 31);
  const note = pattern(712, 7);
  let messageId = '';

  beforeAll(async () => {
    // A draft: the 3.4 MB file through an upload session, the small one by POST, then send.
    const base = `${demo.emulator.graphBaseUrl}/v1.0/users/${SUPPORT}/messages`;
    const created = (await (
      await postJson(base, demo.token, {
        subject: 'DEMO-4: <logs> & notes',
        body: { contentType: 'Text', content: 'x' },
        toRecipients: [{ emailAddress: { address: 'alex@fabrikam.example' } }],
      })
    ).json()) as { id: string };
    const session = (await (
      await postJson(`${base}/${created.id}/attachments/createUploadSession`, demo.token, {
        AttachmentItem: { attachmentType: 'file', name: 'server <1>.log', size: LOGS, contentType: 'text/plain' },
      })
    ).json()) as { uploadUrl: string };
    const put = await fetch(session.uploadUrl, {
      method: 'PUT',
      headers: { 'Content-Range': `bytes 0-${LOGS - 1}/${LOGS}` },
      body: new Uint8Array(logs),
    });
    expect(put.status).toBe(201);
    const small = await postJson(`${base}/${created.id}/attachments`, demo.token, {
      '@odata.type': '#microsoft.graph.fileAttachment',
      name: 'note.bin',
      contentType: 'application/octet-stream',
      contentBytes: note.toString('base64'),
    });
    expect(small.status).toBe(201);
    expect(
      (
        await fetch(`${base}/${created.id}/send`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${demo.token}` },
        })
      ).status,
    ).toBe(202);
    messageId = demo.emulator.sentMessages(SUPPORT).at(-1)?.id ?? '';
  });

  const page = async (path: string) => {
    const response = await fetch(`${demo.emulator.graphBaseUrl}${path}`);
    expect(response.status).toBe(200);
    return response.text();
  };

  it('lists each attachment of a message with a download link, its type and size', async () => {
    const html = await page('/mailbox');
    const link = (index: number) => `${demo.emulator.graphBaseUrl}/mailbox/messages/${messageId}/attachments/${index}`;
    expect(html).toContain(
      `<ul class="attachments"><li><a href="${link(0)}" download="server &#60;1&#62;.log">server &#60;1&#62;.log</a> <span class="muted">text/plain, 3.4 MB</span></li>` +
        `<li><a href="${link(1)}" download="note.bin">note.bin</a> <span class="muted">application/octet-stream, 712 bytes</span></li></ul>`,
    );
  });

  it('shows the exact size on the message page', async () => {
    const html = await page(`/mailbox/messages/${messageId}`);
    expect(html).toContain('<td>text/plain</td><td>3.4 MB (3,401,005 bytes)</td>');
    expect(html).toContain('<td>application/octet-stream</td><td>712 bytes</td>');
  });

  it.each([
    [0, logs, `attachment; filename="server <1>.log"; filename*=UTF-8''server%20%3C1%3E.log`],
    [1, note, `attachment; filename="note.bin"; filename*=UTF-8''note.bin`],
  ])('downloads attachment %i byte for byte as an attachment', async (index, bytes, disposition) => {
    const response = await fetch(`${demo.emulator.graphBaseUrl}/mailbox/messages/${messageId}/attachments/${index}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(disposition);
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.length).toBe(bytes.length);
    expect(sha256(body)).toBe(sha256(bytes));
  });

  it.each([
    [0, '0 bytes', '0 bytes'],
    [999, '999 bytes', '999 bytes'],
    [1000, '1.0 KB', '1.0 KB (1,000 bytes)'],
    [999_949, '999.9 KB', '999.9 KB (999,949 bytes)'],
    [999_950, '1.0 MB', '1.0 MB (999,950 bytes)'],
    [3_401_005, '3.4 MB', '3.4 MB (3,401,005 bytes)'],
    [157_286_400, '157.3 MB', '157.3 MB (157,286,400 bytes)'],
  ])('writes %i bytes as %s', (bytes, short, long) => {
    expect(shortSize(bytes)).toBe(short);
    expect(formatBytes(bytes)).toBe(long);
  });
});
