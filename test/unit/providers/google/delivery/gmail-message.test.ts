import PostalMime from 'postal-mime';

import type { OutgoingMessage } from '../../../../../src/mail-model/outgoing-message';
import { gmailMimeInput } from '../../../../../src/providers/google/delivery/gmail-message';
import { buildMimeMessage } from '../../../../../src/providers/google/gmail/mime-message';

const DATE = new Date('2026-12-07T01:00:00.000Z');
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7, 8, 9]);
const REPORT = Buffer.from('Seite 1\nSeite 2\n', 'utf8');

/** An email as the outbox hands it over (attempt-delivery.ts): one streamed file, one inline image in memory. */
const email = (overrides: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  subject: '[DEMO-2] Drucker im 2. Stock',
  html: '<p>Grüße <img src="cid:logo@issue-mailer"></p>',
  to: ['ann@example.com', 'bob@example.com'],
  cc: ['cy@example.com'],
  bcc: ['audit@example.com'],
  replyTo: ['desk@example-google.test'],
  headers: [
    { name: 'x-issue-mailer-issue', value: 'DEMO-2' },
    { name: 'x-issue-mailer-email', value: 'e-1' },
    { name: 'x-issue-mailer-auto-submitted', value: 'auto-generated' },
    { name: 'X-Auto-Response-Suppress', value: 'OOF, AutoReply' },
  ],
  internetMessageId: '<e-1.demo-2@example-google.test>',
  attachments: [
    { name: 'logo.png', contentType: 'image/png', bytes: PNG, isInline: true, contentId: 'logo@issue-mailer' },
    {
      name: 'Bericht Ü.txt',
      contentType: 'text/plain',
      size: REPORT.byteLength,
      open: async () =>
        (async function* pieces() {
          yield REPORT.subarray(0, 5);
          yield REPORT.subarray(5);
        })(),
    },
  ],
  ...overrides,
});

const parse = async (message: OutgoingMessage) =>
  PostalMime.parse(await buildMimeMessage(gmailMimeInput('support@example-google.test', message, DATE)));

const header = (parsed: Awaited<ReturnType<typeof parse>>, name: string): string[] =>
  parsed.headers.filter((h) => h.key === name).map((h) => h.value);

describe('an outbox email as Gmail MIME', () => {
  it('is sent from the delegated mailbox with every recipient, Bcc kept, and the app Message-ID', async () => {
    const parsed = await parse(email());
    expect(parsed.from).toEqual({ address: 'support@example-google.test', name: '' });
    expect(parsed.to).toEqual([
      { address: 'ann@example.com', name: '' },
      { address: 'bob@example.com', name: '' },
    ]);
    expect(parsed.cc).toEqual([{ address: 'cy@example.com', name: '' }]);
    expect(parsed.bcc).toEqual([{ address: 'audit@example.com', name: '' }]);
    expect(parsed.replyTo).toEqual([{ address: 'desk@example-google.test', name: '' }]);
    expect(parsed.subject).toBe('[DEMO-2] Drucker im 2. Stock');
    expect(parsed.messageId).toBe('<e-1.demo-2@example-google.test>');
    expect(parsed.date).toBe('2026-12-07T01:00:00.000Z');
    expect(parsed.inReplyTo).toBeUndefined();
    expect(parsed.references).toBeUndefined();
  });

  it("keeps the app's headers and adds RFC 3834's Auto-Submitted, which Graph could not carry", async () => {
    const parsed = await parse(email());
    expect(header(parsed, 'x-issue-mailer-issue')).toEqual(['DEMO-2']);
    expect(header(parsed, 'x-issue-mailer-email')).toEqual(['e-1']);
    expect(header(parsed, 'x-issue-mailer-auto-submitted')).toEqual(['auto-generated']);
    expect(header(parsed, 'x-auto-response-suppress')).toEqual(['OOF, AutoReply']);
    expect(header(parsed, 'auto-submitted')).toEqual(['auto-generated']);
  });

  it.each([
    ['a person wrote it (no x-issue-mailer-auto-submitted)', [{ name: 'x-issue-mailer-issue', value: 'DEMO-2' }], []],
    [
      'it says Auto-Submitted itself already',
      [
        { name: 'x-issue-mailer-auto-submitted', value: 'auto-generated' },
        { name: 'Auto-Submitted', value: 'auto-replied' },
      ],
      ['auto-replied'],
    ],
  ])('adds no Auto-Submitted when %s', async (_case, headers, expected) => {
    expect(header(await parse(email({ headers })), 'auto-submitted')).toEqual(expected);
  });

  it('carries the HTML body, the inline image by its cid and the streamed file with the same bytes', async () => {
    const parsed = await parse(email());
    expect(parsed.html).toBe('<p>Grüße <img src="cid:logo@issue-mailer"></p>');
    expect(parsed.text).toBeUndefined();
    expect(
      parsed.attachments.map(({ filename, mimeType, disposition, contentId }) => ({
        filename,
        mimeType,
        disposition,
        contentId,
      })),
    ).toEqual([
      { filename: 'logo.png', mimeType: 'image/png', disposition: 'inline', contentId: '<logo@issue-mailer>' },
      { filename: 'Bericht Ü.txt', mimeType: 'text/plain', disposition: 'attachment', contentId: undefined },
    ]);
    expect(Buffer.from(parsed.attachments[0]?.content as ArrayBuffer)).toEqual(Buffer.from(PNG));
    expect(Buffer.from(parsed.attachments[1]?.content as ArrayBuffer)).toEqual(REPORT);
  });

  it('leaves the message it was given as it was', () => {
    const message = email();
    const input = gmailMimeInput('support@example-google.test', message, DATE);
    expect(message.headers).toHaveLength(4);
    expect(input.message.headers).toHaveLength(5);
    expect(input.sender).toEqual({ address: 'support@example-google.test' });
  });
});
